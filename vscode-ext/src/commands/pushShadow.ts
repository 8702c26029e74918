import * as vscode from 'vscode';
import type { Services } from '../host/Services.js';
import { pushShadowDocument, targetShadow } from '../host/shadow/pushShadowDocument.js';

/** "Push Shadow to Device" (editor title, CodeLens, status bar): the explicit action that sends the edit, like Ctrl+S. */
export const pushShadow =
  ({ shadowFs, conflicts }: Services) =>
  async (given?: vscode.Uri): Promise<void> => {
    const uri = targetShadow(given);
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a device shadow first ("IoT Devkit: Open Device Shadow").'));
      return;
    }
    // Pushing at the old version would only conflict again: offer the conflict's choices instead.
    const conflict = conflicts.get(uri);
    if (conflict) return conflicts.show(uri, conflict);
    await pushShadowDocument(shadowFs, uri);
  };
