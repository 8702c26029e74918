import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findActionEntry } from '../catalog/catalog.js';
import { secretParamNames } from './secretPolicy.js';
import { actionSummary, describeActionForm } from './actionForm.js';

test("an action's form: found case-insensitively in any service, structures and arrays edited as JSON", () => {
  const shadow = describeActionForm('', 'updatedeviceshadow');
  assert.equal(shadow?.name, 'UpdateDeviceShadow');
  assert.equal(shadow?.service, 'iotcloud');
  assert.equal(shadow?.destructive, false);
  assert.deepEqual(
    shadow?.params.map((f) => [f.name, f.required, f.structured, f.baseType]),
    [
      ['ProductId', true, false, 'String'],
      ['DeviceName', true, false, 'String'],
      ['State', true, false, 'String'],
      ['ShadowVersion', true, false, 'Integer'],
    ],
  );
  assert.equal(describeActionForm('iotcloud', 'CreateTopicRule')?.params.find((f) => f.name === 'TopicRulePayload')?.structured, true);
  assert.equal(describeActionForm('iotcloud', 'NoSuchAction'), undefined);
  assert.equal(describeActionForm('iotcloud', 'DeleteDevice')?.destructive, true);
});

test('the secret fields are exactly the secret policy’s', () => {
  const create = describeActionForm('iotcloud', 'CreateDevice');
  assert.deepEqual(
    create?.params.filter((f) => f.secret).map((f) => f.name),
    secretParamNames('iotcloud', 'CreateDevice'),
  );
  assert.equal(create?.params.find((f) => f.name === 'DeviceName')?.secret, false);
});

test('the summary is the form without its parameters', () => {
  const entry = findActionEntry('iotcloud', 'CreateDevice')!;
  const { description: _description, params: _params, ...summary } = describeActionForm('iotcloud', 'CreateDevice')!;
  assert.deepEqual(actionSummary(entry), summary);
});
