import * as vscode from 'vscode';
import { COMMANDS } from '../../constants.js';
import type { TencentApiClient } from '../api/TencentApiClient.js';
import { deviceKey } from '../devices/deviceKey.js';
import type { ProfileStore } from '../profiles/ProfileStore.js';
import { listDevices, listProducts, listRules, ruleReads, type RuleSummary } from '../shadow/listResources.js';

export type ResourceNode =
  | { readonly kind: 'product'; readonly productId: string; readonly productName: string }
  | { readonly kind: 'device'; readonly productId: string; readonly deviceName: string; readonly online?: boolean }
  | { readonly kind: 'shadow' | 'delta'; readonly productId: string; readonly deviceName: string }
  | { readonly kind: 'rules'; readonly productId: string; readonly deviceName?: string }
  | { readonly kind: 'rule'; readonly rule: RuleSummary; readonly productId: string; readonly deviceName?: string }
  | { readonly kind: 'message'; readonly text: string; readonly command?: string };

/** Products → devices → (shadow, delta, rules reading the device) of the active profile, listed through the API on expand. */
export class ResourceTreeProvider implements vscode.TreeDataProvider<ResourceNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ResourceNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly profiles: ProfileStore,
    private readonly api: TencentApiClient,
    /** `ProductId/DeviceName` of the devices with a virtual device connected: the lazy bundle writes it and refreshes. */
    readonly connected = new Set<string>(),
  ) {
    this.subscriptions = [profiles.onDidChange(() => this.refresh())];
  }

  /** Lists `node` (an element this provider gave VS Code) again with its children, or the whole tree. */
  refresh(node?: ResourceNode): void {
    this.changed.fire(node);
  }

  /** The parent of a node, so TreeView.reveal can open the way to a device or rule just changed. */
  getParent(node: ResourceNode): ResourceNode | undefined {
    if (node.kind === 'product' || node.kind === 'message') return undefined;
    const { productId } = node;
    if (node.kind === 'rule') return { kind: 'rules', productId, ...(node.deviceName ? { deviceName: node.deviceName } : {}) };
    return node.kind === 'device' || !node.deviceName
      ? { kind: 'product', productId, productName: '' }
      : { kind: 'device', productId, deviceName: node.deviceName };
  }

  getTreeItem(node: ResourceNode): vscode.TreeItem {
    const item = this.buildItem(node);
    // A stable id per row, so a node rebuilt after a change (reveal, refresh) is the same row.
    if (node.kind !== 'message')
      item.id = [node.kind, node.productId, 'deviceName' in node ? node.deviceName : '', node.kind === 'rule' ? node.rule.ruleName : ''].join('/');
    return item;
  }

  private buildItem(node: ResourceNode): vscode.TreeItem {
    switch (node.kind) {
      case 'product': {
        const item = new vscode.TreeItem(node.productId, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = node.productName;
        item.iconPath = new vscode.ThemeIcon('package');
        item.contextValue = 'product';
        return item;
      }
      case 'device': {
        const item = new vscode.TreeItem(node.deviceName, vscode.TreeItemCollapsibleState.Collapsed);
        const connected = this.connected.has(deviceKey(node.productId, node.deviceName));
        item.iconPath = connected ? new vscode.ThemeIcon('broadcast', new vscode.ThemeColor('charts.green')) : new vscode.ThemeIcon('circuit-board');
        if (connected) item.description = vscode.l10n.t('virtual device connected');
        else if (node.online !== undefined) item.description = node.online ? vscode.l10n.t('online') : vscode.l10n.t('offline');
        item.contextValue = connected ? 'device.connected' : 'device';
        return item;
      }
      case 'shadow': {
        const item = new vscode.TreeItem(vscode.l10n.t('Shadow'), vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('json');
        item.command = {
          command: COMMANDS.openDeviceShadow,
          title: vscode.l10n.t('Open Device Shadow'),
          arguments: [{ productId: node.productId, deviceName: node.deviceName }],
        };
        return item;
      }
      case 'delta': {
        const item = new vscode.TreeItem(vscode.l10n.t('Delta (desired vs reported)'), vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('diff');
        item.command = {
          command: COMMANDS.showShadowDelta,
          title: vscode.l10n.t('Show Shadow Delta'),
          arguments: [{ productId: node.productId, deviceName: node.deviceName }],
        };
        return item;
      }
      case 'rules': {
        const item = new vscode.TreeItem(vscode.l10n.t('Rules'), vscode.TreeItemCollapsibleState.Collapsed);
        item.iconPath = new vscode.ThemeIcon('symbol-event');
        item.tooltip = node.deviceName ? vscode.l10n.t('Topic rules whose FROM reads this device') : vscode.l10n.t('Topic rules whose FROM reads this product');
        return item;
      }
      case 'rule': {
        const item = new vscode.TreeItem(node.rule.ruleName, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(node.rule.disabled ? 'circle-slash' : 'symbol-event');
        item.description = `${node.rule.topicPattern}${node.rule.disabled ? ` · ${vscode.l10n.t('disabled')}` : ''}`;
        item.tooltip = node.rule.description || node.rule.topicPattern;
        item.contextValue = node.rule.disabled ? 'rule.disabled' : 'rule.enabled';
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('info');
        if (node.command) item.command = { command: node.command, title: node.text };
        return item;
      }
    }
  }

  async getChildren(node?: ResourceNode): Promise<ResourceNode[]> {
    try {
      if (!node) {
        if (!this.profiles.active()) return [{ kind: 'message', text: vscode.l10n.t('Add a profile to list products'), command: COMMANDS.addProfile }];
        const products = await listProducts(this.api);
        return products.length ? products.map((p) => ({ kind: 'product', ...p })) : [{ kind: 'message', text: vscode.l10n.t('No products') }];
      }
      if (node.kind === 'product') {
        const devices = await listDevices(this.api, node.productId);
        const children: ResourceNode[] = devices.length
          ? devices.map((d) => ({ kind: 'device', productId: node.productId, ...d }))
          : [{ kind: 'message', text: vscode.l10n.t('No devices') }];
        return [...children, { kind: 'rules', productId: node.productId }];
      }
      if (node.kind === 'device') {
        const { productId, deviceName } = node;
        return [
          { kind: 'shadow', productId, deviceName },
          { kind: 'delta', productId, deviceName },
          { kind: 'rules', productId, deviceName },
        ];
      }
      if (node.kind === 'rules') {
        const rules = (await listRules(this.api)).filter((rule) => ruleReads(rule, node.productId, node.deviceName));
        return rules.length
          ? rules.map((rule) => ({ kind: 'rule', rule, productId: node.productId, ...(node.deviceName ? { deviceName: node.deviceName } : {}) }))
          : [{ kind: 'message', text: vscode.l10n.t('No rules') }];
      }
      return [];
    } catch (error) {
      return [{ kind: 'message', text: error instanceof Error ? error.message : String(error) }];
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
