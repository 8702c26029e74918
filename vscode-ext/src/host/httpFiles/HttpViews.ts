// The read-only tabs of a .http file's requests (response, signing steps, diagnosis): a virtual document per
// request and kind, held in memory only. A response is never written to disk, and sending a request again updates
// its tab instead of opening another. The provider is registered in extension.ts (so a tab restored after a reload
// finds it) and hands the work to this lazy class.
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { SCHEMES } from '../../constants.js';

export type HttpViewKind = 'response' | 'signingSteps' | 'diagnosis';

const SUFFIX: Readonly<Record<HttpViewKind, string>> = {
  response: ' response.jsonc',
  signingSteps: ' signing steps.md',
  diagnosis: ' diagnosis.md',
};

/** One tab per file, request and kind: the file's own URI is the query, so two files' "shadow" do not share a tab. */
export function httpViewUri(document: vscode.Uri, requestLabel: string, kind: HttpViewKind): vscode.Uri {
  const name = `${requestLabel}${SUFFIX[kind]}`.replace(/[/\\]/g, '_');
  return vscode.Uri.from({ scheme: SCHEMES.httpView, path: `/${posix.basename(document.path)}/${name}`, query: document.toString() });
}

export class HttpViews {
  private readonly texts = new Map<string, string>();

  constructor(private readonly changed: vscode.EventEmitter<vscode.Uri>) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.texts.get(uri.toString()) ??
      vscode.l10n.t('// Nothing to show: this tab is kept in memory only. Use the lenses above the request in its .http file again.')
    );
  }

  /**
   * Sets the tab's text and shows it, keeping the cursor in the file: in the group that already has this tab, else
   * in the group holding the file's other tabs, else beside the file.
   */
  async show(uri: vscode.Uri, text: string): Promise<vscode.TextEditor> {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const holds = (match: (tabUri: vscode.Uri) => boolean) =>
      vscode.window.tabGroups.all.find((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && match(tab.input.uri)));
    const group = holds((tabUri) => tabUri.toString() === uri.toString()) ?? holds((tabUri) => tabUri.scheme === uri.scheme && tabUri.query === uri.query);
    return vscode.window.showTextDocument(document, { viewColumn: group?.viewColumn ?? vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  }
}
