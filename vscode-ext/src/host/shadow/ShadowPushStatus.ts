import * as vscode from 'vscode';
import { COMMANDS, SCHEMES } from '../../constants.js';
import { shadowUriOf, type ShadowConflicts } from './ShadowConflicts.js';
import type { ShadowFileSystem } from './ShadowFileSystem.js';
import { shadowPushState, type ShadowPushState } from './shadowPushState.js';
import { renderShadow } from './shadowText.js';

const SHADOW_SCHEMES: readonly string[] = [SCHEMES.shadow, SCHEMES.shadowLatest, SCHEMES.shadowYours];

/**
 * Says, in the document and in the status bar, whether the shadow's text is on the device: auto-save makes the tab
 * look saved either way, so "saved" must not be what tells the user it was pushed. A CodeLens on the first line
 * (in the text, where the eye is) and a status bar item (for when CodeLens is off) show the same state.
 */
export class ShadowPushStatus implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('iotDevkit.shadowPush', vscode.StatusBarAlignment.Left, 100);
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly shadowFs: ShadowFileSystem,
    private readonly conflicts: ShadowConflicts,
  ) {
    this.item.name = vscode.l10n.t('Device shadow push state');
    const refresh = () => {
      if (this.statesChanged()) this.lensesChanged.fire();
      this.update();
    };
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.tabGroups.onDidChangeTabs(() => this.update()),
      vscode.workspace.onDidChangeTextDocument(({ document }) => (document.uri.scheme === SCHEMES.shadow ? refresh() : undefined)),
      shadowFs.onDidChangeState(refresh),
      conflicts.onDidChangeState(refresh),
    ];
    this.update();
  }

  /** Each open shadow's state as last shown by the CodeLens. */
  private readonly shown = new Map<string, string>();

  /**
   * Whether any open shadow's state differs from what its CodeLens shows. Lenses are redrawn only then, not on
   * every keystroke or reload: a redraw cancels a hover under the mouse and costs a round trip.
   */
  private statesChanged(): boolean {
    let changed = false;
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme !== SCHEMES.shadow) continue;
      const key = JSON.stringify(this.stateOf(document) ?? null);
      if (this.shown.get(document.uri.toString()) !== key) changed = true;
      this.shown.set(document.uri.toString(), key);
    }
    return changed;
  }

  /** The state of an open shadow document, or undefined before it was read. */
  stateOf(document: vscode.TextDocument): ShadowPushState | undefined {
    const uri = shadowUriOf(document.uri);
    const base = this.shadowFs.snapshot(uri);
    if (!base) return undefined;
    const lastPush = this.shadowFs.lastPush(uri);
    const conflict = this.conflicts.get(uri);
    return shadowPushState({
      text: document.getText(),
      baseText: renderShadow(base.shadow),
      baseVersion: base.shadow.version,
      ...(lastPush ? { lastPush } : {}),
      ...(conflict ? { conflictLatestVersion: conflict.latest.shadow.version } : {}),
    });
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (document.uri.scheme !== SCHEMES.shadow) return [];
    const state = this.stateOf(document);
    if (!state) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const lens = (title: string, command = '', tooltip?: string) =>
      new vscode.CodeLens(top, { title, command, arguments: [document.uri], ...(tooltip ? { tooltip } : {}) });
    switch (state.kind) {
      case 'asRead':
        return [lens(vscode.l10n.t('$(cloud) As on the cloud: version {0}', state.version))];
      case 'pushed':
        return [lens(vscode.l10n.t('$(check) Pushed to the device: version {0}', state.version))];
      case 'notPushed':
        return [
          lens(
            vscode.l10n.t('$(cloud-upload) Not pushed (edited from version {0}) — Ctrl+S or click here pushes to the device', state.baseVersion),
            COMMANDS.pushShadow,
            vscode.l10n.t('Sends UpdateDeviceShadow with your desired changes'),
          ),
          lens(vscode.l10n.t('Discard mine'), COMMANDS.discardShadowEdit, vscode.l10n.t("Drops your edit and shows the cloud's copy; nothing is sent")),
        ];
      case 'conflict':
        return [
          lens(vscode.l10n.t('$(warning) Not pushed: changed on the cloud (version {0} → {1})', state.readVersion, state.latestVersion)),
          lens(vscode.l10n.t('Compare with latest'), COMMANDS.compareShadowWithLatest),
          lens(vscode.l10n.t('Re-apply my edit on the latest'), COMMANDS.reapplyShadowEdit),
          lens(vscode.l10n.t('Discard mine'), COMMANDS.discardShadowEdit),
        ];
    }
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const state = document && SHADOW_SCHEMES.includes(document.uri.scheme) ? this.stateOfShadow(document.uri) : undefined;
    if (!state || !document) {
      this.item.hide();
      return;
    }
    const uri = shadowUriOf(document.uri);
    this.item.backgroundColor = undefined;
    this.item.command = undefined;
    switch (state.kind) {
      case 'asRead':
        this.item.text = vscode.l10n.t('$(cloud) Shadow: as on the cloud, version {0}', state.version);
        this.item.tooltip = vscode.l10n.t('Edit desired, then Ctrl+S pushes it to the device. Auto-save never does.');
        break;
      case 'pushed':
        this.item.text = vscode.l10n.t('$(check) Shadow pushed: version {0}', state.version);
        this.item.tooltip = vscode.l10n.t('The cloud holds your edit; the device receives it as desired.');
        break;
      case 'notPushed':
        this.item.text = vscode.l10n.t('$(cloud-upload) Shadow not pushed — Ctrl+S pushes to the device');
        this.item.tooltip = vscode.l10n.t('Your edit is kept here (auto-save keeps it, never sends it). Click or press Ctrl+S to push.');
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        this.item.command = { title: vscode.l10n.t('Push Shadow to Device'), command: COMMANDS.pushShadow, arguments: [uri] };
        break;
      case 'conflict':
        this.item.text = vscode.l10n.t('$(warning) Shadow not pushed: changed on the cloud (version {0} → {1})', state.readVersion, state.latestVersion);
        this.item.tooltip = vscode.l10n.t('Compare with latest, re-apply your edit on it, or discard yours.');
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        this.item.command = { title: vscode.l10n.t('Compare with latest'), command: COMMANDS.compareShadowWithLatest, arguments: [uri] };
        break;
    }
    this.item.show();
  }

  /** The state of the shadow a conflict view or the editor shows, read from the shadow editor's document. */
  private stateOfShadow(uri: vscode.Uri): ShadowPushState | undefined {
    const target = shadowUriOf(uri).toString();
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target);
    return document ? this.stateOf(document) : undefined;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.lensesChanged.dispose();
    this.item.dispose();
  }
}
