import * as vscode from 'vscode';
import { maskForDisplay } from '@iot-devkit/core';
import { showFailure } from '../host/devices/callExplained.js';
import { resolveDeviceConnection } from '../host/devices/resolveDeviceConnection.js';
import type { TreeActionDeps } from '../host/devices/TreeActionDeps.js';
import type { ResourceNode } from '../host/tree/ResourceTreeProvider.js';

type Field = 'json' | 'clientId' | 'username' | 'password';

/**
 * On a device: computes clientId, username and password with the core's signDeviceCredentials (the PSK from
 * DescribeDevice, in memory only) and copies them — all as one JSON object, or one field; the notification names
 * what was copied with the password masked.
 */
export const copyMqttCredentials = (deps: TreeActionDeps) => async (node?: ResourceNode) => {
  if (node?.kind !== 'device') return;
  const target = { productId: node.productId, deviceName: node.deviceName };
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('All, as JSON'), description: 'broker, clientId, username, password', field: 'json' as Field },
      { label: 'clientId', field: 'clientId' as Field },
      { label: 'username', field: 'username' as Field },
      { label: 'password', description: vscode.l10n.t('valid for an hour'), field: 'password' as Field },
    ],
    { title: vscode.l10n.t('Copy MQTT Credentials of {0}/{1}', target.productId, target.deviceName), ignoreFocusOut: true },
  );
  if (!picked) return;
  await showFailure(vscode.l10n.t('Copy MQTT Credentials'), async () => {
    const connection = await resolveDeviceConnection(deps, target);
    if (!connection) return;
    const { clientId, username, password, expiry } = connection.credentials;
    const text =
      picked.field === 'json'
        ? JSON.stringify({ broker: connection.broker, clientId, username, password }, null, 2)
        : { clientId, username, password }[picked.field];
    await vscode.env.clipboard.writeText(text);
    const until = expiry === undefined ? '' : new Date(expiry * 1000).toLocaleTimeString();
    void vscode.window.showInformationMessage(
      picked.field === 'json'
        ? vscode.l10n.t(
            'Copied the MQTT credentials of {0} for {1}: clientId {2}, username {3}, password {4} (valid until {5}).',
            target.deviceName,
            connection.broker,
            clientId,
            username,
            maskForDisplay(password),
            until,
          )
        : picked.field === 'password'
          ? vscode.l10n.t('Copied the MQTT password of {0}: {1} (valid until {2}).', target.deviceName, maskForDisplay(password), until)
          : vscode.l10n.t('Copied the MQTT {0} of {1}: {2}', picked.field, target.deviceName, text),
    );
  });
};
