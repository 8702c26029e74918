import * as vscode from 'vscode';
import type { Services } from '../host/Services.js';
import { targetShadow } from '../host/shadow/pushShadowDocument.js';

/** After a conflict: latest ↔ your desired change re-applied on it, desired first. */
export const compareShadowWithLatest =
  ({ conflicts }: Services) =>
  async (given?: vscode.Uri): Promise<void> => {
    const uri = targetShadow(given);
    if (!uri || !conflicts.get(uri)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This shadow has no conflict to resolve: Ctrl+S pushes it.'));
      return;
    }
    await conflicts.compare(uri);
  };
