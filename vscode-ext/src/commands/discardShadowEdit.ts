import * as vscode from 'vscode';
import type { Services } from '../host/Services.js';
import { targetShadow } from '../host/shadow/pushShadowDocument.js';

/** Drops the kept edit (draft, conflict, unsaved text) and shows the cloud's copy. Nothing is sent. */
export const discardShadowEdit =
  ({ shadowFs, conflicts }: Services) =>
  async (given?: vscode.Uri): Promise<void> => {
    const uri = targetShadow(given);
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a device shadow first ("IoT Devkit: Open Device Shadow").'));
      return;
    }
    await conflicts.resolve(uri);
    await shadowFs.discard(uri);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    // A clean editor reloads on the change discard() announces; unsaved text needs a revert.
    if (document?.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  };
