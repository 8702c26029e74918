import assert from 'node:assert/strict';
import { test } from 'node:test';
import { historyKeyParams, historyOutcome } from './historyEntryView.js';

test('ProductId and DeviceName first, whatever their order in the request', () => {
  assert.deepEqual(historyKeyParams({ Offset: 0, DeviceName: 'thermostat-1', ProductId: 'DEMO000001' }), [
    { name: 'ProductId', value: 'DEMO000001' },
    { name: 'DeviceName', value: 'thermostat-1' },
  ]);
});

test('other actions: the first two plain parameters; objects, empty values and secrets are skipped', () => {
  assert.deepEqual(historyKeyParams({ Filters: [{ Name: 'x' }], Offset: 0, Limit: 10, Extra: 'z' }), [
    { name: 'Offset', value: '0' },
    { name: 'Limit', value: '10' },
  ]);
  assert.deepEqual(historyKeyParams({ DefinedPsk: 'c2VjcmV0', ProductId: 'P1', DeviceName: '[redacted]' }), [{ name: 'ProductId', value: 'P1' }]);
  assert.deepEqual(historyKeyParams(undefined), []);
});

test('long values are cut so a row stays short', () => {
  const [param] = historyKeyParams({ Topic: 'a/'.repeat(40) });
  assert.equal(param?.value.length, 32);
  assert.ok(param?.value.endsWith('…'));
});

test('outcome: the error code before the status, OK for 2xx, and no response', () => {
  assert.deepEqual(historyOutcome({ status: 200, errorCode: 'ResourceNotFound.DeviceNotExist' }), {
    kind: 'apiError',
    label: 'ResourceNotFound.DeviceNotExist',
  });
  assert.deepEqual(historyOutcome({ status: 200 }), { kind: 'ok', label: 'OK' });
  assert.deepEqual(historyOutcome({ status: 502 }), { kind: 'httpError', label: 'HTTP 502' });
  assert.deepEqual(historyOutcome({}), { kind: 'noResponse', label: 'No response' });
});
