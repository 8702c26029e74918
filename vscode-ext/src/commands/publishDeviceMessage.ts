import * as vscode from 'vscode';
import { parseJsonBounded, publishTopicChoices, type PublishDirection } from '@iot-devkit/core';
import { deviceKey } from '../host/devices/deviceKey.js';
import { emulatorEndpointOf, readEmulatorTopicPolicies } from '../host/devices/emulatorTopicPolicies.js';
import { callExplained, showFailure } from '../host/devices/callExplained.js';
import { topicPickItems } from '../host/devices/topicPickItems.js';
import type { TreeActionDeps } from '../host/devices/TreeActionDeps.js';
import type { ResourceNode } from '../host/tree/ResourceTreeProvider.js';

type Direction = PublishDirection;
const TYPE_IT = '';

/**
 * On a device: a topic and a payload, sent either from its connected virtual device (device → cloud) or through the
 * PublishMessage API (cloud → device). The direction is the first choice, so which side sends is never implied.
 */
export const publishDeviceMessage = (deps: TreeActionDeps) => async (node?: ResourceNode) => {
  if (node?.kind !== 'device') return;
  const target = { productId: node.productId, deviceName: node.deviceName };
  const own = `${target.productId}/${target.deviceName}`;
  const connected = deps.tree.connected.has(deviceKey(target.productId, target.deviceName));
  const direction = await vscode.window.showQuickPick(
    [
      {
        label: vscode.l10n.t('$(arrow-up) From the virtual device (device → cloud)'),
        description: connected ? vscode.l10n.t('connected') : vscode.l10n.t('not connected: "Connect Virtual Device" first'),
        direction: 'device' as Direction,
      },
      { label: vscode.l10n.t('$(arrow-down) Through the PublishMessage API (cloud → device)'), direction: 'api' as Direction },
    ],
    { title: vscode.l10n.t('Publish Message: {0}', own), ignoreFocusOut: true },
  );
  if (!direction) return;
  if (direction.direction === 'device' && !connected) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} has no virtual device connected: run "Connect Virtual Device" on it first.', target.deviceName));
    return;
  }
  // The device publishes where it may publish; the API sends where the device subscribes (its own topics), the
  // product's CreateTopicPolicy topics included (read from the emulator; the cloud's API lists none).
  const policies = await readEmulatorTopicPolicies(emulatorEndpointOf(deps, target.productId), target.productId);
  const topics = publishTopicChoices(target.productId, target.deviceName, direction.direction, policies);
  const pickedTopic = await vscode.window.showQuickPick(
    [...topicPickItems(topics, vscode.env.language.toLowerCase().startsWith('zh')), { label: vscode.l10n.t('$(edit) Type a topic…'), value: TYPE_IT }],
    { title: vscode.l10n.t('Publish Message: topic'), ignoreFocusOut: true },
  );
  if (!pickedTopic) return;
  const topic =
    pickedTopic.value !== TYPE_IT
      ? pickedTopic.value
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Publish Message: topic'),
          value: `${own}/`,
          ignoreFocusOut: true,
          validateInput: (value) => (/^[^\s#+]{1,128}$/.test(value) ? undefined : vscode.l10n.t('topic: 1 to 128 characters, no spaces and no wildcards')),
        });
  if (!topic) return;
  const payload = await vscode.window.showInputBox({
    title: vscode.l10n.t('Publish Message: payload for {0}', topic),
    prompt: vscode.l10n.t('Any text; JSON is shown pretty-printed in the monitor.'),
    value: '{"temperature": 31}',
    ignoreFocusOut: true,
    validateInput: (value) => (value.length <= 64 * 1024 ? undefined : vscode.l10n.t('payload: at most 64 KB')),
  });
  if (payload === undefined) return;
  await showFailure(vscode.l10n.t('Publish Message'), async () => {
    const devices = deps.virtualDevices();
    if (direction.direction === 'device') {
      if (!devices.publish(target, topic, payload, 0)) throw new Error(vscode.l10n.t('{0} disconnected meanwhile.', target.deviceName));
    } else {
      await callExplained(deps.api, 'PublishMessage', { ProductId: target.productId, DeviceName: target.deviceName, Topic: topic, Payload: payload, Qos: 0 });
      devices.notePublishedByApi(target, topic, payload, 0);
    }
    const json = parseJsonBounded(payload, 'payload', { maxDepth: 64 }).ok ? 'JSON' : vscode.l10n.t('text');
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Published {0} ({1} characters) to {2} {3}.',
        json,
        payload.length,
        topic,
        direction.direction === 'device' ? vscode.l10n.t('from the virtual device') : vscode.l10n.t('through the PublishMessage API'),
      ),
    );
  });
};
