import * as vscode from 'vscode';
import { COMMANDS, CONTEXT_KEYS, SCHEMES } from '../../constants.js';
import type { ShadowSnapshot } from './ShadowService.js';
import { changedDesired, compareWithLatest } from './shadowText.js';

/** An unresolved UpdateVersionNotMatch: the copy the edit started from and what the cloud holds now. */
export interface PendingConflict {
  readonly base: ShadowSnapshot;
  readonly latest: ShadowSnapshot;
}

/** The shadow editor's URI for any of the conflict views' URIs (they share its path). */
export const shadowUriOf = (uri: vscode.Uri): vscode.Uri => uri.with({ scheme: SCHEMES.shadow, query: '' });

/**
 * Conflicts of pushes, each offered in our own notification with exactly the three choices that make sense —
 * compare with the latest, re-apply my edit on the latest, discard mine — instead of VS Code's write-error dialog
 * (whose Retry conflicts again and whose Save As means nothing for a device). Also serves the two read-only sides
 * of the comparison: iot-shadow-latest:/… (the latest copy) and iot-shadow-yours:/… (your desired change re-applied
 * on it), both desired first; the version is in the query, so a newer conflict opens a diff with its own title.
 */
export class ShadowConflicts implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly pending = new Map<string, PendingConflict>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly stateChanged = new vscode.EventEmitter<vscode.Uri>();
  /** Fired when a shadow's conflict starts or ends. */
  readonly onDidChangeState = this.stateChanged.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    // The "yours" side follows the editor: an edit made after the conflict is what Re-apply would push.
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (document.uri.scheme !== SCHEMES.shadow) return;
        const conflict = this.pending.get(document.uri.path);
        if (conflict) this.changed.fire(this.sides(document.uri, conflict).yours);
      }),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const conflict = this.pending.get(uri.path);
    if (!conflict) return `// ${vscode.l10n.t('This conflict is resolved: close this view.')}\n`;
    const text = vscode.workspace.textDocuments.find((d) => d.uri.toString() === shadowUriOf(uri).toString())?.getText();
    if (text === undefined) return '';
    const comparison = compareWithLatest(conflict.base.shadow, text, conflict.latest.shadow);
    if (!comparison.ok) return uri.scheme === SCHEMES.shadowLatest ? '' : `// ${vscode.l10n.t('Cannot compare: {0}', comparison.reason)}\n`;
    return uri.scheme === SCHEMES.shadowLatest ? comparison.latest : comparison.yours;
  }

  /** The unresolved conflict of this shadow, if any. */
  get(shadowUri: vscode.Uri): PendingConflict | undefined {
    return this.pending.get(shadowUri.path);
  }

  /** Records the conflict and offers its three choices; the edit stays in the editor (and as a draft). */
  async show(shadowUri: vscode.Uri, conflict: PendingConflict): Promise<void> {
    this.pending.set(shadowUri.path, conflict);
    this.stateChanged.fire(shadowUri);
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.shadowConflict, true);
    const changed = changedDesired(conflict.base.shadow, conflict.latest.shadow);
    const theirs = changed.length > 0 ? vscode.l10n.t('changed there: {0}', changed.join(', ')) : vscode.l10n.t('only the report or metadata changed there');
    // Short labels: a notification shrinks its buttons to fit, and longer ones were cut to "Compare with l…".
    const compare = vscode.l10n.t('Compare');
    const reapply = vscode.l10n.t('Re-apply mine');
    const discard = vscode.l10n.t('Discard mine');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Not pushed: {0} changed on the cloud since you read version {1} (now version {2}; {3}). Your edit is kept: compare it with the latest, re-apply it on the latest, or discard it.',
        shadowUri.path.slice(1),
        conflict.base.shadow.version,
        conflict.latest.shadow.version,
        theirs,
      ),
      compare,
      reapply,
      discard,
    );
    // Answered late (the conflict may be resolved from the editor meanwhile): a stale choice does nothing.
    if (choice === undefined || this.pending.get(shadowUri.path) !== conflict) return;
    const command = choice === compare ? COMMANDS.compareShadowWithLatest : choice === reapply ? COMMANDS.reapplyShadowEdit : COMMANDS.discardShadowEdit;
    await vscode.commands.executeCommand(command, shadowUri);
  }

  /** Opens latest (left) ↔ your desired change re-applied on it (right); only your desired change differs. */
  async compare(shadowUri: vscode.Uri): Promise<void> {
    const conflict = this.pending.get(shadowUri.path);
    if (!conflict) return;
    await this.closeComparisons(shadowUri);
    const { latest, yours } = this.sides(shadowUri, conflict);
    this.changed.fire(latest);
    this.changed.fire(yours);
    const title = vscode.l10n.t(
      '{0}: latest (version {1}) ↔ your edit on version {1}, not pushed',
      shadowUri.path.slice(1).replace(/^[^/]+\//, ''),
      conflict.latest.shadow.version,
    );
    await vscode.commands.executeCommand('vscode.diff', latest, yours, title, { preview: false });
  }

  /** The conflict is over (re-applied, discarded or pushed): its comparison tabs close, as their titles no longer hold. */
  async resolve(shadowUri: vscode.Uri): Promise<void> {
    if (!this.pending.delete(shadowUri.path)) return;
    this.stateChanged.fire(shadowUri);
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.shadowConflict, this.pending.size > 0);
    await this.closeComparisons(shadowUri);
  }

  private sides(shadowUri: vscode.Uri, conflict: PendingConflict): { latest: vscode.Uri; yours: vscode.Uri } {
    const query = `version=${conflict.latest.shadow.version}`;
    return { latest: shadowUri.with({ scheme: SCHEMES.shadowLatest, query }), yours: shadowUri.with({ scheme: SCHEMES.shadowYours, query }) };
  }

  private async closeComparisons(shadowUri: vscode.Uri): Promise<void> {
    const tabs = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter(
        (tab) =>
          tab.input instanceof vscode.TabInputTextDiff && tab.input.original.scheme === SCHEMES.shadowLatest && tab.input.original.path === shadowUri.path,
      );
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
    this.stateChanged.dispose();
  }
}
