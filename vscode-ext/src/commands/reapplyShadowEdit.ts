import * as vscode from 'vscode';
import { SCHEMES } from '../constants.js';
import type { Services } from '../host/Services.js';
import { reapplyEdit } from '../host/shadow/shadowText.js';

/**
 * After a conflict: carries the developer's desired changes (against the version they read) over to the latest
 * shadow, in the same editor, and makes the latest version the one the next save sends. Nothing is saved here.
 */
export const reapplyShadowEdit =
  ({ shadowFs, conflicts }: Services) =>
  async (given?: vscode.Uri): Promise<void> => {
    const active = given ?? vscode.window.activeTextEditor?.document.uri;
    if (!active || (active.scheme !== SCHEMES.shadow && active.scheme !== SCHEMES.shadowLatest)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open the conflicting device shadow first.'));
      return;
    }
    const uri = active.with({ scheme: SCHEMES.shadow });
    const latest = conflicts.get(uri);
    const base = shadowFs.snapshot(uri);
    if (!latest || !base) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This shadow has no conflict to resolve: save it as usual.'));
      return;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const result = reapplyEdit(base.shadow, document.getText(), latest.shadow);
    if (!result.ok) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot re-apply: {0}', result.reason));
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), result.text);
    if (!(await vscode.workspace.applyEdit(edit))) return;
    shadowFs.rebase(uri, latest);
    conflicts.clear(uri);
    // The diff stays open: its left side is the latest, so it now shows exactly what the next save will change.
    void vscode.window.showInformationMessage(vscode.l10n.t('Your edit is re-applied on version {0}: review it and save.', latest.shadow.version));
  };
