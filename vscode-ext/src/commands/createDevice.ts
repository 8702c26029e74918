import * as vscode from 'vscode';
import { checkActionParams, DEVICE_NAME_PATTERN } from '@iot-devkit/core';
import { callExplained, showFailure } from '../host/devices/callExplained.js';
import { refreshAndReveal, type TreeActionDeps } from '../host/devices/TreeActionDeps.js';
import type { ResourceNode } from '../host/tree/ResourceTreeProvider.js';

/** The catalog's rule for CreateDevice's DeviceName, checked as typed (the same check the request builder runs). */
export function deviceNameProblem(productId: string, deviceName: string): string | undefined {
  const problem = checkActionParams('iotcloud', 'CreateDevice', { ProductId: productId, DeviceName: deviceName }).problems.find(
    (p) => p.field === 'DeviceName',
  );
  if (problem) return `DeviceName: ${problem.message}`;
  // The catalog states the type; the characters are the core's device-identity rule (what a client id may hold).
  return DEVICE_NAME_PATTERN.test(deviceName) ? undefined : vscode.l10n.t('DeviceName: 1 to 48 of a-z A-Z 0-9 : _ -');
}

/** On a product: asks for a DeviceName, creates it with CreateDevice, and reveals the new device. */
export const createDevice = (deps: TreeActionDeps) => async (node?: ResourceNode) => {
  if (node?.kind !== 'product') return;
  const productId = node.productId;
  const deviceName = await vscode.window.showInputBox({
    title: vscode.l10n.t('Create Device in {0}', productId),
    prompt: vscode.l10n.t('DeviceName: 1 to 48 of a-z A-Z 0-9 : _ -'),
    ignoreFocusOut: true,
    validateInput: (value) => (value === '' ? undefined : deviceNameProblem(productId, value)),
  });
  if (!deviceName) return;
  await showFailure(vscode.l10n.t('Create Device'), async () => {
    await callExplained(deps.api, 'CreateDevice', { ProductId: productId, DeviceName: deviceName });
    // CreateDevice answers the DevicePsk: not shown nor kept (the secret policy); Copy MQTT Credentials reads it when asked.
    await refreshAndReveal(deps, { kind: 'device', productId, deviceName });
    void vscode.window.showInformationMessage(vscode.l10n.t('Created device {0} in {1}.', deviceName, productId));
  });
};
