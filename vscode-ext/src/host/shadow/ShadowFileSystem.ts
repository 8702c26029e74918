import * as vscode from 'vscode';
import { SCHEMES } from '../../constants.js';
import type { JsonExpectation, JsonSyntaxProblem } from './jsonSyntaxProblem.js';
import type { ShadowDrafts } from './ShadowDrafts.js';
import { ShadowConflictError, ShadowRefusedError, type ShadowService, type ShadowSnapshot } from './ShadowService.js';
import { renderShadow } from './shadowText.js';
import { parseShadowPath, type ShadowAddress } from './shadowUri.js';
import { planShadowWrite, type ShadowSaveReason } from './shadowWritePlan.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface ShadowSaveListener {
  /** A push hit UpdateVersionNotMatch (or was asked for again while one is unresolved): offer the choices. */
  conflict(uri: vscode.Uri, conflict: { readonly base: ShadowSnapshot; readonly latest: ShadowSnapshot }): void;
  /** A push went through; `snapshot` is the shadow read back. */
  pushed(uri: vscode.Uri, snapshot: ShadowSnapshot): void;
  /** Whether a conflict on this shadow is still unresolved, and its latest copy. */
  pendingConflict(uri: vscode.Uri): ShadowSnapshot | undefined;
}

/** How a push ended: sent (or nothing to send), or the text kept as a draft with the reason already shown. */
export type PushResult = 'pushed' | 'unchanged' | 'kept';

/**
 * iot-shadow:/<ProductId>/<DeviceName>.json as a file: read is DescribeDeviceShadow, and a write is either a push
 * (UpdateDeviceShadow at the version the edit started from) or a draft kept in the workspace's state. Only the
 * user's explicit save pushes (see planShadowWrite); auto-save keeps a draft. A write never throws for a refused,
 * failed or conflicting push — VS Code would answer with its generic "Unable to write file" and Retry / Save As /
 * Revert — it keeps the draft and says what happened in our own message. Thin otherwise (vscode-azuretools'
 * AzExtTreeFileSystem): the rules live in the core, ShadowService and the pure plan.
 */
export class ShadowFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  /** The cloud's copy each open shadow was read or pushed at: what a push is diffed against. */
  private readonly snapshots = new Map<string, ShadowSnapshot>();
  /** The reason of the save VS Code is about to write, from onWillSaveTextDocument; consumed by the write. */
  private readonly saveReasons = new Map<string, ShadowSaveReason>();
  /** The last push per file: the text sent and the version it made. */
  private readonly pushes = new Map<string, { readonly text: string; readonly version: number }>();
  /** stat()'s mtime per file; moves only when we want VS Code to reload (after a push or a discard). */
  private readonly mtimes = new Map<string, number>();
  /** Files pushed whose editor must reload what the cloud now holds, once VS Code has taken the write's stat. */
  private readonly reloadAfterStat = new Set<string>();
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  /** Fired when a shadow's draft, push or snapshot changed: the status views re-read it. */
  private readonly stateChanged = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChangeState = this.stateChanged.event;
  private pending: vscode.FileChangeEvent[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly service: ShadowService,
    private readonly drafts: ShadowDrafts,
    private readonly listener: ShadowSaveListener,
  ) {}

  private static address(uri: vscode.Uri): ShadowAddress {
    const parsed = parseShadowPath(uri.path);
    if (!parsed.ok) throw vscode.FileSystemError.FileNotFound(`${uri.toString()}: ${parsed.reason}`);
    return parsed.address;
  }

  /** The cloud's copy the editor's text is an edit of (what a push is diffed against and whose version it sends). */
  snapshot(uri: vscode.Uri): ShadowSnapshot | undefined {
    return this.snapshots.get(uri.path) ?? this.drafts.get(uri.path)?.base;
  }

  lastPush(uri: vscode.Uri): { readonly text: string; readonly version: number } | undefined {
    return this.pushes.get(uri.path);
  }

  /** Notes why the next write of this file happens; onWillSaveTextDocument runs before VS Code writes. */
  noteSaveReason(uri: vscode.Uri, reason: ShadowSaveReason): void {
    this.saveReasons.set(uri.path, reason);
  }

  /** For onWillSaveTextDocument: VS Code's reason in the plan's words. */
  willSave(uri: vscode.Uri, reason: vscode.TextDocumentSaveReason): void {
    if (uri.scheme !== SCHEMES.shadow) return;
    this.noteSaveReason(
      uri,
      reason === vscode.TextDocumentSaveReason.Manual ? 'manual' : reason === vscode.TextDocumentSaveReason.AfterDelay ? 'afterDelay' : 'focusOut',
    );
  }

  /** After re-applying an edit on the latest copy: the next push is diffed against, and sends the version of, `latest`. */
  async rebase(uri: vscode.Uri, latest: ShadowSnapshot, text: string): Promise<void> {
    this.snapshots.set(uri.path, latest);
    await this.drafts.set(uri.path, { text, base: latest });
    this.stateChanged.fire(uri);
  }

  /** Drops the draft and the copy it was based on, and reloads the editor from the cloud. */
  async discard(uri: vscode.Uri): Promise<void> {
    this.snapshots.delete(uri.path);
    this.pushes.delete(uri.path);
    await this.drafts.delete(uri.path);
    this.touch(uri);
    this.stateChanged.fire(uri);
  }

  /** Tells VS Code the file changed on the server side, so an unmodified editor reloads it. */
  touch(uri: vscode.Uri): void {
    this.mtimes.set(uri.path, Math.max(Date.now(), (this.mtimes.get(uri.path) ?? 0) + 1));
    this.fireSoon({ type: vscode.FileChangeType.Changed, uri });
  }

  // Batched like the fsprovider sample's _fireSoon: a burst of changes reaches the workbench as one event.
  private fireSoon(event: vscode.FileChangeEvent): void {
    this.pending.push(event);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      this.changes.fire(this.pending);
      this.pending = [];
    }, 5);
  }

  watch(): vscode.Disposable {
    // Changes come from our own pushes and explicit refreshes; there is no server push to watch.
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (!uri.path.endsWith('.json')) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    ShadowFileSystem.address(uri);
    let mtime = this.mtimes.get(uri.path);
    if (mtime === undefined) this.mtimes.set(uri.path, (mtime = Date.now()));
    // VS Code stats a file right after writing it and keeps that as the editor's version; the change announced
    // after it (not before, or the editor would think it is current) makes the pushed editor reload the cloud's copy.
    if (this.reloadAfterStat.delete(uri.path)) setTimeout(() => this.touch(uri), 0);
    const draft = this.drafts.get(uri.path);
    const snapshot = this.snapshots.get(uri.path);
    const text = draft?.text ?? (snapshot ? renderShadow(snapshot.shadow) : '');
    return { type: vscode.FileType.File, ctime: 0, mtime, size: encoder.encode(text).length };
  }

  /** A draft, when there is one, is what the file holds: a reload or a reopened tab shows the edit, not the cloud's copy. */
  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const address = ShadowFileSystem.address(uri);
    const draft = this.drafts.get(uri.path);
    if (draft) {
      this.snapshots.set(uri.path, draft.base);
      this.stateChanged.fire(uri);
      return encoder.encode(draft.text);
    }
    const snapshot = await this.service.read(address);
    this.snapshots.set(uri.path, snapshot);
    this.stateChanged.fire(uri);
    return encoder.encode(renderShadow(snapshot.shadow));
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    ShadowFileSystem.address(uri);
    const reason = this.saveReasons.get(uri.path);
    this.saveReasons.delete(uri.path);
    const text = decoder.decode(content);
    const plan = planShadowWrite(reason, text, this.listener.pendingConflict(uri) !== undefined);
    if (plan.kind === 'push') {
      if ((await this.push(uri, text)) !== 'kept') this.reloadAfterStat.add(uri.path);
      return;
    }
    await this.keep(uri, text);
    if (plan.kind === 'refuse') void showRefusal(uri, plan.problem);
    if (plan.kind === 'conflict') {
      const latest = this.listener.pendingConflict(uri);
      const base = this.snapshot(uri);
      if (latest && base) this.listener.conflict(uri, { base, latest });
    }
  }

  /**
   * Sends `text` as UpdateDeviceShadow: only desired, at the version of the copy it was edited from. Whatever goes
   * wrong, the text is kept as the draft and the reason shown; the caller reloads the editor unless it was kept.
   */
  async push(uri: vscode.Uri, text: string): Promise<PushResult> {
    const address = ShadowFileSystem.address(uri);
    const base = this.snapshot(uri) ?? (await this.service.read(address));
    try {
      const outcome = await this.service.save(address, text, base);
      if (outcome.ignored.length > 0) void vscode.window.showWarningMessage(vscode.l10n.t('Only desired is sent. Not sent: {0}', outcome.ignored.join('; ')));
      await this.drafts.delete(uri.path);
      if (!outcome.sent) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No change to desired: nothing was sent.'));
        // Edits to read-only parts are dropped from the editor too: it reloads the shadow as read.
        this.stateChanged.fire(uri);
        return 'unchanged';
      }
      this.snapshots.set(uri.path, outcome.snapshot);
      this.pushes.set(uri.path, { text, version: outcome.snapshot.shadow.version });
      this.listener.pushed(uri, outcome.snapshot);
      this.stateChanged.fire(uri);
      return 'pushed';
    } catch (error) {
      await this.keep(uri, text);
      if (error instanceof ShadowConflictError) this.listener.conflict(uri, { base, latest: error.latest });
      else if (error instanceof ShadowRefusedError)
        void vscode.window.showErrorMessage(vscode.l10n.t('Not pushed: {0}. Your edit is kept; fix it and press Ctrl+S.', error.message));
      else
        void vscode.window.showErrorMessage(
          vscode.l10n.t('Not pushed: {0}. Your edit is kept; press Ctrl+S to try again.', error instanceof Error ? error.message : String(error)),
        );
      return 'kept';
    }
  }

  /** Keeps `text` as the draft, based on the copy the editor was editing. */
  private async keep(uri: vscode.Uri, text: string): Promise<void> {
    const base = this.snapshot(uri);
    if (base) await this.drafts.set(uri.path, { text, base });
    this.stateChanged.fire(uri);
  }

  readDirectory(): [string, vscode.FileType][] {
    throw ShadowFileSystem.unsupported();
  }
  createDirectory(): void {
    throw ShadowFileSystem.unsupported();
  }
  delete(): void {
    throw ShadowFileSystem.unsupported();
  }
  rename(): void {
    throw ShadowFileSystem.unsupported();
  }

  private static unsupported(): vscode.FileSystemError {
    return vscode.FileSystemError.NoPermissions(vscode.l10n.t('A device shadow can only be opened, edited and pushed.'));
  }

  dispose(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.changes.dispose();
    this.stateChanged.dispose();
  }
}

/**
 * The explicit save of text that is not JSON. With a "Go to line N" button the notification shows whole (VS Code
 * folds a notification without actions to one line, which cut the message before what is expected) and the button
 * puts the cursor where the JSON breaks.
 */
async function showRefusal(uri: vscode.Uri, problem: JsonSyntaxProblem | { readonly message: string }): Promise<void> {
  const message = (reason: string) => vscode.l10n.t('Not pushed: {0}. Your edit is kept; fix it and press Ctrl+S.', reason);
  if ('message' in problem) {
    void vscode.window.showErrorMessage(message(problem.message));
    return;
  }
  const goTo = vscode.l10n.t('Go to line {0}', problem.line);
  if ((await vscode.window.showErrorMessage(message(describeSyntaxProblem(problem)), goTo)) !== goTo) return;
  const at = new vscode.Position(problem.line - 1, problem.column - 1);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(at, at), preview: false });
}

/** "line 4, column 3: expected … (found …)" in the UI language. */
export function describeSyntaxProblem(problem: JsonSyntaxProblem): string {
  const expected: Record<JsonExpectation, string> = {
    value: vscode.l10n.t('a value (a "string", a number, true, false, null, { or [)'),
    valueOrClose: vscode.l10n.t('a value or ]'),
    key: vscode.l10n.t('a property name in double quotes'),
    keyOrClose: vscode.l10n.t('a property name in double quotes or }'),
    colon: vscode.l10n.t("':' after the property name"),
    commaOrBrace: vscode.l10n.t("',' or '}' after the value"),
    commaOrBracket: vscode.l10n.t("',' or ']' after the value"),
    end: vscode.l10n.t('nothing after the closing }'),
  };
  return problem.found === undefined
    ? vscode.l10n.t('line {0}, column {1} is not valid JSON: expected {2}, but the text ends', problem.line, problem.column, expected[problem.expected])
    : vscode.l10n.t(
        'line {0}, column {1} is not valid JSON: expected {2}, found “{3}”',
        problem.line,
        problem.column,
        expected[problem.expected],
        problem.found,
      );
}
