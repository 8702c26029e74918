import * as vscode from 'vscode';
import { CONTEXT_KEYS, SCHEMES } from '../../constants.js';
import type { ShadowConflictError, ShadowSnapshot } from './ShadowService.js';
import { renderShadow } from './shadowText.js';

/**
 * The latest server copy of each shadow whose save conflicted, served read-only as iot-shadow-latest:/…
 * so it can be the left side of a diff whose right side is the developer's (still dirty) document.
 */
export class ShadowConflicts implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly latest = new Map<string, ShadowSnapshot>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    const snapshot = this.latest.get(uri.path);
    return snapshot ? renderShadow(snapshot.shadow) : '';
  }

  get(shadowUri: vscode.Uri): ShadowSnapshot | undefined {
    return this.latest.get(shadowUri.path);
  }

  clear(shadowUri: vscode.Uri): void {
    this.latest.delete(shadowUri.path);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.shadowConflict, this.latest.size > 0);
  }

  /** Opens latest (left, read-only) ↔ yours (right, the dirty editor, so nothing typed is lost). */
  async show(shadowUri: vscode.Uri, conflict: ShadowConflictError): Promise<void> {
    this.latest.set(shadowUri.path, conflict.latest);
    const latestUri = shadowUri.with({ scheme: SCHEMES.shadowLatest });
    this.changed.fire(latestUri);
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.shadowConflict, true);
    const name = shadowUri.path.slice(1);
    const title = vscode.l10n.t('{0}: latest (version {1}) ↔ yours (read at version {2})', name, conflict.latest.shadow.version, conflict.readVersion);
    await vscode.commands.executeCommand('vscode.diff', latestUri, shadowUri, title, { preview: false });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
