import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCatalog } from '@iot-devkit/core';
import { findEmulatedAction } from '../../core/src/emulator/emulatedActions.js';

// Every catalog action, the SDK's new ones included (#15), reaches the emulator as a known action: served, or
// answered UnsupportedOperation naming the action and its service, never InvalidAction or NoSuchVersion.
test('every catalog action is emulated or answered UnsupportedOperation, saying which service', () => {
  let unsupported = 0;
  for (const service of getCatalog().services) {
    for (const action of service.actions) {
      const found = findEmulatedAction(service.version, action.name);
      if (found.ok) {
        assert.equal(found.action.service, service.service);
        continue;
      }
      unsupported++;
      assert.equal(found.error.code, 'UnsupportedOperation', `${service.service} ${action.name}: ${found.error.message}`);
      assert.ok(found.error.message.startsWith(`${action.name} is a documented ${service.service} action`), found.error.message);
      assert.doesNotMatch(found.error.message, /It implements: \./, 'a service with no emulated action says so');
    }
  }
  assert.ok(unsupported > 250, `${unsupported} catalog actions are not emulated`);
  const explorer = findEmulatedAction('2019-04-23', 'ControlDeviceData');
  assert.ok(!explorer.ok && /It implements no iotexplorer action\.$/.test(explorer.error.message));
});

test('ListTopicRules keeps the emulator’s Integer rules over the SDK’s number', () => {
  const found = findEmulatedAction('2021-04-08', 'ListTopicRules');
  assert.ok(found.ok);
  assert.deepEqual(
    found.action.params.map((p) => [p.name, p.baseType, p.minimum]),
    [
      ['PageNum', 'Integer', 1],
      ['PageSize', 'Integer', 1],
    ],
  );
});
