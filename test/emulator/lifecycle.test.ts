import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTopicRulePayload, encodeRuleSql, fromBase64, parseShadowData } from '@iot-devkit/core';
import { admin, coreClient, expectError, expectOk, sdkClient, startTestEmulator, type Client } from './harness.js';

// Every stateful action, end to end over real HTTP, once per signer: the official SDK (TC3 POST and GET, v1
// HmacSHA256 GET and HmacSHA1 POST) and the toolkit's own builder (TC3 POST, v1 GET). Each run uses its own names.
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
before(async () => {
  emulator = await startTestEmulator();
});
after(() => emulator.close());

const clients: [string, () => Client][] = [
  ['sdk-tc3-post', () => sdkClient(emulator.hostPort, { signMethod: 'TC3-HMAC-SHA256', reqMethod: 'POST' })],
  ['sdk-tc3-get', () => sdkClient(emulator.hostPort, { signMethod: 'TC3-HMAC-SHA256', reqMethod: 'GET' })],
  ['sdk-v1-sha256-get', () => sdkClient(emulator.hostPort, { signMethod: 'HmacSHA256', reqMethod: 'GET' })],
  ['sdk-v1-sha1-post', () => sdkClient(emulator.hostPort, { signMethod: 'HmacSHA1', reqMethod: 'POST' })],
  ['core-tc3-post', () => coreClient(emulator.endpoint, { scheme: 'TC3-HMAC-SHA256', method: 'POST' })],
  ['core-v1-get', () => coreClient(emulator.endpoint, { scheme: 'HmacSHA256', method: 'GET' })],
];

for (const [label, makeClient] of clients) {
  const id = label.replace(/-/g, '_');

  test(`${label}: products and devices — create, describe, list, PSK, enable state, delete, with their documented errors`, async () => {
    const call = makeClient();
    const created = expectOk(
      await call('CreateProduct', { ProductName: `prod_${id}`, ProductProperties: { ProductDescription: label, EncryptionType: '2' } }),
      'CreateProduct',
    );
    const productId = created['ProductId'] as string;
    assert.match(productId, /^[A-Z0-9]{10}$/);
    expectError(await call('CreateProduct', { ProductName: `prod_${id}` }), 'InvalidParameterValue.ProductAlreadyExist', 'same name again');
    const described = expectOk(await call('DescribeProduct', { ProductId: productId }), 'DescribeProduct');
    assert.equal(described['ProductName'], `prod_${id}`);
    assert.equal((described['ProductProperties'] as Record<string, unknown>)['EncryptionType'], '2');
    const listed = expectOk(await call('DescribeProducts', { Offset: 0, Limit: 250 }), 'DescribeProducts');
    assert.ok((listed['Products'] as { ProductId: string }[]).some((p) => p.ProductId === productId));
    expectError(await call('DescribeProducts', { Offset: 0, Limit: 5 }), 'InvalidParameterValue', 'Limit below the documented 10-250');

    const device = expectOk(
      await call('CreateDevice', { ProductId: productId, DeviceName: 'dev-a', Attribute: { Tags: [{ Tag: 'room', Type: 2, Value: 'lab' }] } }),
      'CreateDevice',
    );
    assert.equal(device['DeviceName'], 'dev-a');
    assert.equal(fromBase64(device['DevicePsk'] as string)?.length, 16, 'a 16-byte base64 PSK');
    expectError(await call('CreateDevice', { ProductId: productId, DeviceName: 'dev-a' }), 'InvalidParameterValue.DeviceAlreadyExist', 'duplicate device');
    const badName = expectError(await call('CreateDevice', { ProductId: productId, DeviceName: 'bad name!' }), 'InvalidParameterValue', 'DeviceName pattern');
    assert.match(badName, /DeviceName/);
    expectError(await call('CreateDevice', { ProductId: 'NOPRODUCT1', DeviceName: 'x' }), 'ResourceNotFound.ProductNotExist', 'unknown product');
    expectError(
      await call('CreateDevice', { ProductId: productId, DeviceName: 'dev-b', DefinedPsk: 'not base64!' }),
      'InvalidParameterValue.DefinedPskNotBase64',
      'DefinedPsk',
    );

    const info = expectOk(await call('DescribeDevice', { ProductId: productId, DeviceName: 'dev-a' }), 'DescribeDevice');
    assert.equal(info['EnableState'], 1);
    assert.deepEqual(info['Tags'], [{ Tag: 'room', Type: 2, Value: 'lab' }]);
    const devices = expectOk(await call('DescribeDevices', { ProductId: productId, Offset: 0, Limit: 10 }), 'DescribeDevices');
    assert.equal(devices['TotalCount'], 1);
    expectError(await call('DescribeDevice', { ProductId: productId, DeviceName: 'ghost' }), 'ResourceNotFound.DeviceNotExist', 'unknown device');

    expectOk(await call('UpdateDevicePSK', { ProductId: productId, DeviceName: 'dev-a', Psk: 'VOQmAku7T1haYaiV7LJfmg==' }), 'UpdateDevicePSK');
    assert.equal(expectOk(await call('DescribeDevice', { ProductId: productId, DeviceName: 'dev-a' }), 'after PSK')['DevicePsk'], 'VOQmAku7T1haYaiV7LJfmg==');
    expectError(await call('UpdateDevicePSK', { ProductId: productId, DeviceName: 'dev-a', Psk: '%%%' }), 'InvalidParameterValue', 'PSK not base64');

    expectOk(await call('UpdateDeviceAvailableState', { ProductId: productId, DeviceName: 'dev-a', EnableState: 0 }), 'disable');
    assert.equal(expectOk(await call('DescribeDevice', { ProductId: productId, DeviceName: 'dev-a' }), 'after disable')['EnableState'], 0);
    expectError(
      await call('PublishMessage', { Topic: `${productId}/dev-a/control`, Payload: 'x', ProductId: productId, DeviceName: 'dev-a' }),
      'FailedOperation.DeviceAlreadyDisabled',
      'publish to a disabled device',
    );
    expectOk(await call('UpdateDeviceAvailableState', { ProductId: productId, DeviceName: 'dev-a', EnableState: 1 }), 'enable');

    expectError(await call('DeleteProduct', { ProductId: productId }), 'UnauthorizedOperation.DevicesExistUnderProduct', 'product with devices');
    expectOk(await call('DeleteDevice', { ProductId: productId, DeviceName: 'dev-a' }), 'DeleteDevice');
    expectError(await call('DeleteDevice', { ProductId: productId, DeviceName: 'dev-a' }), 'ResourceNotFound.DeviceNotExist', 'deleted twice');
    expectOk(await call('DeleteProduct', { ProductId: productId }), 'DeleteProduct');
    expectError(await call('DescribeProduct', { ProductId: productId }), 'ResourceNotFound.ProductNotExist', 'deleted product');
  });

  test(`${label}: device shadow — version check, desired merged (null deletes), delta against reported, 8 KB, invalid JSON, delete`, async () => {
    const call = makeClient();
    const productId = expectOk(await call('CreateProduct', { ProductName: `shadow_${id}`, ProductProperties: { EncryptionType: '2' } }), 'CreateProduct')[
      'ProductId'
    ] as string;
    expectOk(await call('CreateDevice', { ProductId: productId, DeviceName: 'lamp' }), 'CreateDevice');
    const target = { ProductId: productId, DeviceName: 'lamp' };
    expectError(await call('DescribeDeviceShadow', target), 'ResourceNotFound.DeviceShadowNotExist', 'no shadow yet');
    expectError(await call('DescribeDeviceShadow', { ProductId: productId, DeviceName: 'ghost' }), 'ResourceNotFound.ProductOrDeviceNotExist', 'no device');

    const first = expectOk(await call('UpdateDeviceShadow', { ...target, State: '{"desired":{"color":"red","level":3}}', ShadowVersion: 0 }), 'first update');
    const firstData = parseShadowData(first['Data'] as string);
    assert.ok(firstData.ok);
    assert.equal(firstData.envelope?.type, 'update');
    assert.equal(firstData.shadow.version, 1);
    const stale = expectError(
      await call('UpdateDeviceShadow', { ...target, State: '{"desired":{"color":"blue"}}', ShadowVersion: 0 }),
      'FailedOperation.UpdateVersionNotMatch',
      'stale version',
    );
    assert.match(stale, /version 1/);
    expectError(
      await call('UpdateDeviceShadow', { ...target, State: '{"desired":{"color":', ShadowVersion: 1 }),
      'InvalidParameterValue.InvalidJSON',
      'broken JSON',
    );
    expectError(
      await call('UpdateDeviceShadow', { ...target, State: '{"reported":{"color":"red"}}', ShadowVersion: 1 }),
      'InvalidParameterValue.JSONHasInvalidNode',
      'reported is not ours to set',
    );
    expectError(
      await call('UpdateDeviceShadow', { ...target, State: '{"desired":"red"}', ShadowVersion: 1 }),
      'InvalidParameterValue.NotMergeAble',
      'desired not an object',
    );
    expectError(
      await call('UpdateDeviceShadow', { ...target, State: JSON.stringify({ desired: { blob: 'x'.repeat(8200) } }), ShadowVersion: 1 }),
      'InvalidParameterValue.JSONSizeExceedLimit',
      'over 8 KB',
    );

    const reported = await admin(emulator.endpoint, 'POST', `/devices/${productId}/lamp/reported`, { color: 'blue', level: 3 });
    assert.equal(reported.status, 200);
    assert.deepEqual(reported.json['delta'], { color: 'red' });
    const read = parseShadowData(expectOk(await call('DescribeDeviceShadow', target), 'describe')['Data'] as string);
    assert.ok(read.ok);
    assert.equal(read.envelope?.type, 'get');
    assert.equal(read.shadow.version, 2);
    assert.deepEqual(read.shadow.state, { desired: { color: 'red', level: 3 }, reported: { color: 'blue', level: 3 } });
    assert.deepEqual(read.delta, { color: 'red' });
    assert.equal(typeof (read.shadow.metadata.reported?.['color'] as { timestamp: unknown }).timestamp, 'number');

    const merged = parseShadowData(
      expectOk(await call('UpdateDeviceShadow', { ...target, State: '{"desired":{"color":null,"mode":"eco"}}', ShadowVersion: 2 }), 'merge')['Data'] as string,
    );
    assert.ok(merged.ok);
    assert.deepEqual(merged.shadow.state.desired, { level: 3, mode: 'eco' });
    assert.deepEqual(merged.delta, { mode: 'eco' });

    expectOk(await call('DeleteDeviceShadow', target), 'DeleteDeviceShadow');
    expectError(await call('DescribeDeviceShadow', target), 'ResourceNotFound.DeviceShadowNotExist', 'after delete');
    expectError(await call('DeleteDeviceShadow', target), 'ResourceNotFound.DeviceShadowNotExist', 'deleted twice');
  });

  test(`${label}: rules — create, list, disable, replace, enable, delete; Sql must be base64 of a rule SQL`, async () => {
    const call = makeClient();
    const name = `rule_${id}`;
    const built = buildTopicRulePayload({
      sql: "SELECT temperature FROM 'DEMO000001/+/event' WHERE temperature > 30",
      actions: [{ republish: { topic: 'DEMO000001/thermostat-1/alert' } }],
      description: label,
      ruleDisabled: false,
    });
    assert.ok(built.ok);
    expectOk(await call('CreateTopicRule', { RuleName: name, TopicRulePayload: built.payload }), 'CreateTopicRule');
    expectError(await call('CreateTopicRule', { RuleName: name, TopicRulePayload: built.payload }), 'InvalidParameterValue.TopicRuleAlreadyExist', 'duplicate');
    const plainSql = expectError(
      await call('CreateTopicRule', { RuleName: `${name}_plain`, TopicRulePayload: { Sql: "SELECT * FROM 'a/b/c'" } }),
      'InvalidParameterValue',
      'SQL not encoded',
    );
    assert.match(plainSql, /not valid base64/);
    expectError(
      await call('CreateTopicRule', { RuleName: `${name}_shape`, TopicRulePayload: { Sql: encodeRuleSql('SELECT * FROM nowhere'), RuleDisabled: true } }),
      'InvalidParameterValue.InvalidSQL',
      'SQL shape',
    );
    expectError(
      await call('CreateTopicRule', {
        RuleName: `${name}_idle`,
        TopicRulePayload: { Sql: encodeRuleSql("SELECT * FROM 'a/b/c'"), Actions: '[]', RuleDisabled: false },
      }),
      'InvalidParameterValue.ActionNil',
      'enabled without actions',
    );
    expectError(
      await call('CreateTopicRule', { RuleName: `${name}_x`, TopicRulePayload: { Actions: '[]' } }),
      'MissingParameter',
      'Sql is required in TopicRulePayload',
    );

    const list = expectOk(await call('ListTopicRules', { PageNum: 1, PageSize: 100 }), 'ListTopicRules');
    const mine = (list['Rules'] as { RuleName: string; RuleDisabled: boolean; TopicPattern: string; Description: string }[]).find((r) => r.RuleName === name);
    assert.deepEqual(
      { ...mine, CreatedAt: undefined },
      { RuleName: name, Description: label, CreatedAt: undefined, RuleDisabled: false, TopicPattern: 'DEMO000001/+/event' },
    );

    expectOk(await call('DisableTopicRule', { RuleName: name }), 'disable');
    expectError(await call('DisableTopicRule', { RuleName: name }), 'FailedOperation.RuleAlreadyDisabled', 'disable twice');
    const replacement = buildTopicRulePayload({
      sql: "SELECT * FROM 'DEMO000001/thermostat-2/event'",
      actions: [{ forward: { api: 'http://127.0.0.1:8080/hook' } }],
      ruleDisabled: true,
    });
    assert.ok(replacement.ok);
    expectOk(await call('ReplaceTopicRule', { RuleName: name, TopicRulePayload: replacement.payload }), 'ReplaceTopicRule');
    expectError(
      await call('ReplaceTopicRule', { RuleName: `${name}_none`, TopicRulePayload: replacement.payload }),
      'ResourceNotFound.TopicRuleNotExist',
      'replace unknown',
    );
    expectOk(await call('EnableTopicRule', { RuleName: name }), 'enable');
    expectError(await call('EnableTopicRule', { RuleName: name }), 'FailedOperation.RuleAlreadyEnabled', 'enable twice');
    const relisted = expectOk(await call('ListTopicRules', { PageNum: 1, PageSize: 100 }), 'relist');
    assert.equal(
      (relisted['Rules'] as { RuleName: string; TopicPattern: string }[]).find((r) => r.RuleName === name)?.TopicPattern,
      'DEMO000001/thermostat-2/event',
    );
    expectOk(await call('DeleteTopicRule', { RuleName: name }), 'delete');
    expectError(await call('DeleteTopicRule', { RuleName: name }), 'ResourceNotFound.TopicRuleNotExist', 'delete twice');
  });

  test(`${label}: PublishMessage is recorded and read back; topic must be the device's own`, async () => {
    const call = makeClient();
    const payload = `hello from ${label} 你好`;
    expectOk(
      await call('PublishMessage', { Topic: 'DEMO000001/thermostat-2/control', Payload: payload, ProductId: 'DEMO000001', DeviceName: 'thermostat-2', Qos: 1 }),
      'PublishMessage',
    );
    const messages = (await admin(emulator.endpoint, 'GET', '/messages')).json['Messages'] as { Topic: string; Payload: string; Qos: number }[];
    assert.ok(
      messages.some((m) => m.Payload === payload && m.Topic === 'DEMO000001/thermostat-2/control' && m.Qos === 1),
      'the message is recorded as sent',
    );
    expectError(
      await call('PublishMessage', { Topic: 'DEMO000001/thermostat-1/control', Payload: 'x', ProductId: 'DEMO000001', DeviceName: 'thermostat-2' }),
      'FailedOperation.InvalidTopicName',
      "another device's topic",
    );
    expectError(
      await call('PublishMessage', { Topic: 'DEMO000001/ghost/control', Payload: 'x', ProductId: 'DEMO000001', DeviceName: 'ghost' }),
      'ResourceNotFound.DeviceNotExist',
      'unknown device',
    );
  });

  test(`${label}: trro ModifyProjectSecMode, with Key required when Mode is 1`, async () => {
    const call = label.startsWith('sdk')
      ? sdkClient(emulator.hostPort, {
          signMethod: label.includes('tc3') ? 'TC3-HMAC-SHA256' : label.includes('sha1') ? 'HmacSHA1' : 'HmacSHA256',
          reqMethod: label.endsWith('get') ? 'GET' : 'POST',
          version: '2022-03-25',
        })
      : coreClient(emulator.endpoint, {
          scheme: label.includes('tc3') ? 'TC3-HMAC-SHA256' : 'HmacSHA256',
          method: label.endsWith('get') ? 'GET' : 'POST',
          service: 'trro',
          version: '2022-03-25',
        });
    expectOk(
      await call('ModifyProjectSecMode', {
        ProjectId: `m82k540iwduvuuma${id}`,
        Mode: 1,
        Key: '123456789012345678901234567abcde',
        AutoRegister: 3,
        FieldListEnable: 1,
      }),
      'ModifyProjectSecMode',
    );
    assert.equal(emulator.emulator.state.trroProjects.get(`m82k540iwduvuuma${id}`)?.AutoRegister, 3);
    expectError(await call('ModifyProjectSecMode', { ProjectId: 'p', Mode: 1 }), 'MissingParameter', 'Key with Mode 1');
    expectError(
      await call('ModifyProjectSecMode', { ProjectId: 'p', Mode: 1, Key: 'UPPERCASE-NOT-ALLOWED-0000000000' }),
      'InvalidParameterValue',
      'Key pattern',
    );
  });
}
