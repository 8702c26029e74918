import * as vscode from 'vscode';
import { deviceKey } from '../host/devices/deviceKey.js';
import { callExplained, showFailure } from '../host/devices/callExplained.js';
import { refreshAndReveal, type TreeActionDeps } from '../host/devices/TreeActionDeps.js';
import type { ResourceNode } from '../host/tree/ResourceTreeProvider.js';

/** On a device: a modal confirmation naming it, then DeleteDevice (a connected virtual device is disconnected first). */
export const deleteDevice = (deps: TreeActionDeps) => async (node?: ResourceNode) => {
  if (node?.kind !== 'device') return;
  const { productId, deviceName } = node;
  const remove = vscode.l10n.t('Delete Device');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete device "{0}" of product {1}?', deviceName, productId),
    { modal: true, detail: vscode.l10n.t('Its shadow and PSK go with it; this cannot be undone.') },
    remove,
  );
  if (answer !== remove) return;
  await showFailure(remove, async () => {
    if (deps.tree.connected.has(deviceKey(productId, deviceName))) await deps.virtualDevices().disconnect({ productId, deviceName });
    await callExplained(deps.api, 'DeleteDevice', { ProductId: productId, DeviceName: deviceName });
    const product: ResourceNode = { kind: 'product', productId, productName: '' };
    await refreshAndReveal(deps, product);
    void vscode.window.showInformationMessage(vscode.l10n.t('Deleted device {0} of {1}.', deviceName, productId));
  });
};
