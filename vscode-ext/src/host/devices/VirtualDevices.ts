import * as vscode from 'vscode';
import { COMMANDS, SCHEMES } from '../../constants.js';
import type { Services } from '../Services.js';
import { shadowPath, type ShadowAddress } from '../shadow/shadowUri.js';
import type { ResourceTreeProvider } from '../tree/ResourceTreeProvider.js';
import { deviceKey } from './deviceKey.js';
import { DeviceMonitor } from './DeviceMonitor.js';
import { readEmulatorTopicPolicies } from './emulatorTopicPolicies.js';
import type { DeviceConnection } from './resolveDeviceConnection.js';
import { VirtualDevice } from './VirtualDevice.js';

/**
 * The virtual devices of this window and their monitors: one connection and one monitor per device, a status bar
 * item naming the connected ones, and the shadow editor told when a report lands (so it shows the reported state).
 */
export class VirtualDevices implements vscode.Disposable {
  private readonly devices = new Map<string, VirtualDevice>();
  private readonly monitors = new Map<string, DeviceMonitor>();
  private readonly status = vscode.window.createStatusBarItem('iotDevkit.virtualDevices', vscode.StatusBarAlignment.Left, 10);

  constructor(
    private readonly services: Services,
    private readonly tree: ResourceTreeProvider,
  ) {
    this.status.name = vscode.l10n.t('IoT Devkit virtual devices');
    this.status.command = COMMANDS.monitorDeviceMessages;
  }

  /** The devices connected now, for the status bar's "monitor which one?". */
  connectedTargets(): ShadowAddress[] {
    return [...this.devices.values()].map((d) => ({ productId: d.productId, deviceName: d.deviceName }));
  }

  isConnected(target: ShadowAddress): boolean {
    return this.devices.has(deviceKey(target.productId, target.deviceName));
  }

  monitor(target: ShadowAddress): DeviceMonitor {
    const key = deviceKey(target.productId, target.deviceName);
    let monitor = this.monitors.get(key);
    if (!monitor) {
      monitor = new DeviceMonitor(target.productId, target.deviceName);
      this.monitors.set(key, monitor);
    }
    return monitor;
  }

  /** Shows the monitor and, against the emulator, starts reading its rule evaluations. */
  async showMonitor(target: ShadowAddress, emulatorEndpoint: string | undefined): Promise<DeviceMonitor> {
    const monitor = this.monitor(target);
    monitor.show();
    if (emulatorEndpoint) await monitor.watchRules(emulatorEndpoint);
    return monitor;
  }

  async connect(target: ShadowAddress, connection: DeviceConnection): Promise<void> {
    const key = deviceKey(target.productId, target.deviceName);
    if (this.devices.has(key)) return;
    const monitor = await this.showMonitor(target, connection.emulatorEndpoint);
    monitor.event(connection.pskSource);
    const uri = vscode.Uri.from({ scheme: SCHEMES.shadow, path: shadowPath(target) });
    const policies = await readEmulatorTopicPolicies(connection.emulatorEndpoint, target.productId);
    const device = await VirtualDevice.connect(
      target,
      connection.broker,
      connection.credentials,
      monitor,
      {
        reported: (reported, version) => {
          // An editor without a draft reloads the cloud's copy: the reported value and the new version.
          this.services.shadowFs.touch(uri);
          this.services.delta.refresh(target);
          void vscode.window.showInformationMessage(
            vscode.l10n.t('{0} reported {1}: shadow version {2}', target.deviceName, JSON.stringify(reported), version),
          );
        },
        closed: () => {
          this.devices.delete(key);
          this.tree.connected.delete(key);
          this.changed();
        },
      },
      policies,
    );
    this.devices.set(key, device);
    this.tree.connected.add(key);
    this.changed();
  }

  async disconnect(target: ShadowAddress): Promise<void> {
    await this.devices.get(deviceKey(target.productId, target.deviceName))?.end();
  }

  /** Publishes from the connected virtual device; false when it is not connected. */
  publish(target: ShadowAddress, topic: string, payload: string, qos: 0 | 1): boolean {
    const device = this.devices.get(deviceKey(target.productId, target.deviceName));
    if (!device) return false;
    device.publish(topic, payload, qos);
    return true;
  }

  /** What the API sent the device (PublishMessage), in its monitor, so both directions read in one place. */
  notePublishedByApi(target: ShadowAddress, topic: string, payload: string, qos: number): void {
    this.monitor(target).sent(topic, qos, payload, vscode.l10n.t('through the PublishMessage API'));
  }

  /** The tree's row of the device (its icon, description and menu) and the status bar follow the connections. */
  private changed(): void {
    this.tree.refresh();
    this.updateStatus();
  }

  private updateStatus(): void {
    const names = [...this.devices.values()].map((d) => d.deviceName);
    if (names.length === 0) {
      this.status.hide();
      return;
    }
    this.status.text = `$(broadcast) ${names.length === 1 ? names[0] : vscode.l10n.t('{0} virtual devices', names.length)}`;
    this.status.tooltip = vscode.l10n.t('Virtual devices connected: {0}. Click to monitor one.', names.join(', '));
    this.status.show();
  }

  dispose(): void {
    for (const device of this.devices.values()) void device.end();
    for (const monitor of this.monitors.values()) monitor.dispose();
    this.status.dispose();
  }
}
