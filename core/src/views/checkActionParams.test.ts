import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkActionParams } from './checkActionParams.js';

test('values are given their documented types, then checked; each problem names its field and code', () => {
  const ok = checkActionParams('iotcloud', 'UpdateDeviceShadow', {
    ProductId: 'ABCDE12345',
    DeviceName: 'thermostat-1',
    State: '{"desired":{}}',
    ShadowVersion: '7',
  });
  assert.deepEqual(ok.problems, []);
  assert.equal(ok.params['ShadowVersion'], 7);
  const bad = checkActionParams('', 'updatedeviceshadow', { ProductId: 'ABCDE12345', DeviceName: 'bad name!', State: '{}', ShadowVersion: 'one' });
  assert.deepEqual(bad.problems.map((p) => p.field).sort(), ['DeviceName', 'ShadowVersion']);
  for (const p of bad.problems) assert.ok(p.code !== '' && p.message !== '', JSON.stringify(p));
});

test("the catalog's secret parameters are named; an action it does not know passes as given", () => {
  assert.deepEqual(checkActionParams('iotcloud', 'CreateDevice', { ProductId: 'ABCDE12345', DeviceName: 'd' }).secretNames, ['DefinedPsk', 'LoraAppKey']);
  const unknown = { A: '1' };
  const checked = checkActionParams('iotcloud', 'SomethingNew', unknown);
  assert.deepEqual(checked, { params: { A: '1' }, problems: [], secretNames: [] });
  assert.notEqual(checked.params, unknown, 'a copy, not the caller’s object');
});
