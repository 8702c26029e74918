import * as vscode from 'vscode';
import { showFailure } from '../host/devices/callExplained.js';
import { emulatorEndpointOf } from '../host/devices/emulatorTopicPolicies.js';
import { resolveDeviceConnection } from '../host/devices/resolveDeviceConnection.js';
import type { TreeActionDeps } from '../host/devices/TreeActionDeps.js';
import type { ShadowAddress } from '../host/shadow/shadowUri.js';
import type { ResourceNode } from '../host/tree/ResourceTreeProvider.js';

const targetOf = (node?: ResourceNode): ShadowAddress | undefined =>
  node?.kind === 'device' ? { productId: node.productId, deviceName: node.deviceName } : undefined;

/** On a device: connects a virtual device to the profile's broker; a refusal is shown with the broker's cause. */
export const connectVirtualDevice = (deps: TreeActionDeps) => async (node?: ResourceNode) => {
  const target = targetOf(node);
  if (!target) return;
  await showFailure(vscode.l10n.t('Connect Virtual Device'), async () => {
    const connection = await resolveDeviceConnection(deps, target);
    if (!connection) return;
    const devices = deps.virtualDevices();
    try {
      await devices.connect(target, connection);
    } catch (error) {
      const monitor = devices.monitor(target);
      const message = error instanceof Error ? error.message : String(error);
      monitor.problem(message);
      // The emulator keeps the verifier's named cause of a refused CONNECT (GET /_emulator/connections).
      const cause = connection.emulatorEndpoint ? await refusalCause(connection.emulatorEndpoint, connection.credentials.clientId) : undefined;
      if (cause) monitor.problem(vscode.l10n.t('The emulator says why: {0}', cause));
      throw new Error(cause ? `${message}: ${cause}` : message, { cause: error });
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('Virtual device {0} connected to {1}.', target.deviceName, connection.broker));
  });
};

async function refusalCause(endpoint: string, clientId: string): Promise<string | undefined> {
  try {
    const response = await fetch(new URL('_emulator/connections', endpoint.endsWith('/') ? endpoint : `${endpoint}/`));
    const body = (await response.json()) as { refused?: { clientId: string; cause?: { en?: string; zh?: string } }[] };
    const refused = (body.refused ?? []).filter((r) => r.clientId === clientId).at(-1);
    if (!refused?.cause) return undefined;
    return vscode.env.language.toLowerCase().startsWith('zh') ? refused.cause.zh : refused.cause.en;
  } catch {
    return undefined;
  }
}

export const disconnectVirtualDevice = (deps: TreeActionDeps) => async (node?: ResourceNode) => {
  const target = targetOf(node);
  if (!target) return;
  await showFailure(vscode.l10n.t('Disconnect Virtual Device'), () => deps.virtualDevices().disconnect(target));
};

/** On a device (or the status bar, which asks which connected device): shows its monitor. */
export const monitorDeviceMessages = (deps: TreeActionDeps) => async (node?: ResourceNode) => {
  let target = targetOf(node);
  const devices = deps.virtualDevices();
  if (!target) {
    const connected = devices.connectedTargets();
    if (connected.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('No virtual device is connected: right-click a device in Products & Devices to connect or monitor it.'),
      );
      return;
    }
    const picked =
      connected.length === 1
        ? { target: connected[0]! }
        : await vscode.window.showQuickPick(
            connected.map((t) => ({ label: t.deviceName, description: t.productId, target: t })),
            { title: vscode.l10n.t('Monitor Messages of which device?') },
          );
    if (!picked) return;
    target = picked.target;
  }
  const monitor = await devices.showMonitor(target, emulatorEndpointOf(deps, target.productId));
  if (!devices.isConnected(target))
    monitor.event(vscode.l10n.t('No virtual device is connected for {0}: "Connect Virtual Device" shows its traffic here.', target.deviceName));
};
