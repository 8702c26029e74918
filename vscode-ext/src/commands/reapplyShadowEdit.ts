import * as vscode from 'vscode';
import type { Services } from '../host/Services.js';
import { pushShadowDocument, targetShadow } from '../host/shadow/pushShadowDocument.js';
import { reapplyEdit } from '../host/shadow/shadowText.js';

/**
 * After a conflict: carries the developer's desired changes (against the version they read) over to the latest
 * shadow, in the same editor, and pushes them at the latest version — the choice was the user's explicit action.
 * A push that conflicts again (someone was faster once more) offers the choices again.
 */
export const reapplyShadowEdit =
  ({ shadowFs, conflicts }: Services) =>
  async (given?: vscode.Uri): Promise<void> => {
    const uri = targetShadow(given);
    const conflict = uri && conflicts.get(uri);
    if (!uri || !conflict) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This shadow has no conflict to resolve: Ctrl+S pushes it.'));
      return;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const result = reapplyEdit(conflict.base.shadow, document.getText(), conflict.latest.shadow);
    if (!result.ok) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot re-apply: {0}', result.reason));
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), result.text);
    if (!(await vscode.workspace.applyEdit(edit))) return;
    await shadowFs.rebase(uri, conflict.latest, result.text);
    await conflicts.resolve(uri);
    await pushShadowDocument(shadowFs, uri);
  };
