import * as vscode from 'vscode';
import { CONTEXT_KEYS, SCHEMES } from '../../constants.js';
import type { ShadowConflictError, ShadowSnapshot } from './ShadowService.js';
import { renderShadow } from './shadowText.js';

/**
 * The latest server copy of each shadow whose save conflicted, served read-only as iot-shadow-latest:/…
 * so it can be the left side of a diff whose right side is the developer's (still dirty) document.
 */
export class ShadowConflicts implements vscode.TextDocumentContentProvider, vscode.Disposable {
  /** The left side of each diff ever opened; kept after the conflict is resolved so the diff stays readable. */
  private readonly latest = new Map<string, ShadowSnapshot>();
  /** Shadows whose conflict is not resolved yet (re-apply pending). */
  private readonly pending = new Set<string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    const snapshot = this.latest.get(uri.path);
    return snapshot ? renderShadow(snapshot.shadow) : '';
  }

  /** The latest copy of an unresolved conflict. */
  get(shadowUri: vscode.Uri): ShadowSnapshot | undefined {
    return this.pending.has(shadowUri.path) ? this.latest.get(shadowUri.path) : undefined;
  }

  clear(shadowUri: vscode.Uri): void {
    this.pending.delete(shadowUri.path);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.shadowConflict, this.pending.size > 0);
  }

  /** After a save: an open diff's left side becomes what the cloud now holds, so it shows no stale difference. */
  saved(shadowUri: vscode.Uri, snapshot: ShadowSnapshot): void {
    if (!this.latest.has(shadowUri.path)) return;
    this.latest.set(shadowUri.path, snapshot);
    this.changed.fire(shadowUri.with({ scheme: SCHEMES.shadowLatest }));
  }

  /** Opens latest (left, read-only) ↔ yours (right, the dirty editor, so nothing typed is lost). */
  async show(shadowUri: vscode.Uri, conflict: ShadowConflictError): Promise<void> {
    this.latest.set(shadowUri.path, conflict.latest);
    this.pending.add(shadowUri.path);
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
