import * as vscode from 'vscode';
import { ShadowConflictError, ShadowRefusedError, type ShadowService, type ShadowSnapshot } from './ShadowService.js';
import { renderShadow } from './shadowText.js';
import { parseShadowPath, type ShadowAddress } from './shadowUri.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface ShadowSaveListener {
  /** A save hit UpdateVersionNotMatch: show the latest copy beside the developer's kept edit. */
  conflict(uri: vscode.Uri, conflict: ShadowConflictError): void;
  /** A save went through; `snapshot` is the shadow read back. */
  saved(uri: vscode.Uri, snapshot: ShadowSnapshot): void;
}

/**
 * iot-shadow:/<ProductId>/<DeviceName>.json as a file: read is DescribeDeviceShadow, write is UpdateDeviceShadow
 * at the version that was read. Thin on purpose (vscode-azuretools' AzExtTreeFileSystem): the rules live in the
 * core and ShadowService; this class maps them onto VS Code's file model. A refused or conflicting save throws,
 * which keeps the editor dirty: the developer's edit is never lost.
 */
export class ShadowFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly snapshots = new Map<string, ShadowSnapshot>();
  /** stat()'s mtime per file; moves only when we want VS Code to reload (after our own save). */
  private readonly mtimes = new Map<string, number>();
  /** Files saved whose editor must reload what the cloud now holds, once VS Code has taken the write's stat. */
  private readonly reloadAfterStat = new Set<string>();
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  private pending: vscode.FileChangeEvent[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly service: ShadowService,
    private readonly listener: ShadowSaveListener,
  ) {}

  private static address(uri: vscode.Uri): ShadowAddress {
    const parsed = parseShadowPath(uri.path);
    if (!parsed.ok) throw vscode.FileSystemError.FileNotFound(`${uri.toString()}: ${parsed.reason}`);
    return parsed.address;
  }

  /** The shadow as last read for this file (what a save is diffed against), if it was opened. */
  snapshot(uri: vscode.Uri): ShadowSnapshot | undefined {
    return this.snapshots.get(uri.path);
  }

  /** After re-applying an edit on the latest copy: the next save is diffed against, and sends the version of, `latest`. */
  rebase(uri: vscode.Uri, latest: ShadowSnapshot): void {
    this.snapshots.set(uri.path, latest);
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
    // Changes come from our own saves and explicit refreshes; there is no server push to watch.
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (!uri.path.endsWith('.json')) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    ShadowFileSystem.address(uri);
    let mtime = this.mtimes.get(uri.path);
    if (mtime === undefined) this.mtimes.set(uri.path, (mtime = Date.now()));
    const snapshot = this.snapshots.get(uri.path);
    // VS Code stats a file right after writing it and keeps that as the editor's version; the change announced
    // after it (not before, or the editor would think it is current) makes the saved editor reload the cloud's copy.
    if (this.reloadAfterStat.delete(uri.path)) setTimeout(() => this.touch(uri), 0);
    return { type: vscode.FileType.File, ctime: 0, mtime, size: snapshot ? encoder.encode(renderShadow(snapshot.shadow)).length : 0 };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const snapshot = await this.service.read(ShadowFileSystem.address(uri));
    this.snapshots.set(uri.path, snapshot);
    return encoder.encode(renderShadow(snapshot.shadow));
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const address = ShadowFileSystem.address(uri);
    const base = this.snapshots.get(uri.path) ?? (await this.service.read(address));
    try {
      const outcome = await this.service.save(address, decoder.decode(content), base);
      if (outcome.ignored.length > 0) void vscode.window.showWarningMessage(vscode.l10n.t('Only desired is sent. Not sent: {0}', outcome.ignored.join('; ')));
      if (!outcome.sent) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No change to desired: nothing was sent.'));
        // Edits to read-only parts are dropped from the editor too: it reloads the shadow as read.
        this.reloadAfterStat.add(uri.path);
        return;
      }
      this.snapshots.set(uri.path, outcome.snapshot);
      this.listener.saved(uri, outcome.snapshot);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Shadow {0}/{1} saved: version {2}', address.productId, address.deviceName, outcome.snapshot.shadow.version), 5000);
      // The editor then reloads the version and metadata the cloud set (see stat).
      this.reloadAfterStat.add(uri.path);
    } catch (error) {
      if (error instanceof ShadowRefusedError) throw new Error(vscode.l10n.t('Not sent: {0}', error.message));
      if (error instanceof ShadowConflictError) {
        // After the failed save is reported, so the diff opens on top of the error and the edit stays in the editor.
        setTimeout(() => this.listener.conflict(uri, error), 0);
        throw new Error(
          vscode.l10n.t(
            'Not saved: the shadow changed since you opened it (version {0} → {1}). Your edit is kept; compare the latest with yours, run "Re-apply My Shadow Edit on the Latest", then save again.',
            error.readVersion,
            error.latest.shadow.version,
          ),
        );
      }
      throw error;
    }
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
    return vscode.FileSystemError.NoPermissions(vscode.l10n.t('A device shadow can only be opened, edited and saved.'));
  }

  dispose(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.changes.dispose();
  }
}
