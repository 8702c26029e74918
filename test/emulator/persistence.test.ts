import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildTopicRulePayload, parseShadowData, serializeState } from '@iot-devkit/core';
import { EmulatorStartError } from '../../cli/src/emulator/startEmulator.js';
import { admin, expectError, expectOk, sdkClient, startTestEmulator } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'iot-devkit-emulator-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a restart loses nothing: products, devices, shadows (version and metadata), rules, messages, TRRO settings', async () => {
  const dataFile = join(dir, 'restart.json');
  const first = await startTestEmulator({ dataFile });
  assert.equal(first.origin, 'demo', 'a new data file starts from the demo data');
  assert.ok(existsSync(dataFile), 'the initial state is written at once');
  const call = sdkClient(first.hostPort, { signMethod: 'TC3-HMAC-SHA256', reqMethod: 'POST' });
  const productId = expectOk(await call('CreateProduct', { ProductName: 'kept', ProductProperties: { EncryptionType: '2' } }), 'CreateProduct')[
    'ProductId'
  ] as string;
  const psk = expectOk(await call('CreateDevice', { ProductId: productId, DeviceName: 'kept-1' }), 'CreateDevice')['DevicePsk'];
  expectOk(
    await call('UpdateDeviceShadow', { ProductId: productId, DeviceName: 'kept-1', State: '{"desired":{"on":true}}', ShadowVersion: 0 }),
    'UpdateDeviceShadow',
  );
  await admin(first.endpoint, 'POST', `/devices/${productId}/kept-1/reported`, { on: false });
  const rule = buildTopicRulePayload({ sql: `SELECT * FROM '${productId}/kept-1/event'`, ruleDisabled: true });
  assert.ok(rule.ok);
  expectOk(await call('CreateTopicRule', { RuleName: 'kept_rule', TopicRulePayload: rule.payload }), 'CreateTopicRule');
  expectOk(
    await call('PublishMessage', { Topic: `${productId}/kept-1/control`, Payload: 'kept', ProductId: productId, DeviceName: 'kept-1' }),
    'PublishMessage',
  );
  expectOk(
    await sdkClient(first.hostPort, { signMethod: 'TC3-HMAC-SHA256', reqMethod: 'POST', version: '2022-03-25' })('ModifyProjectSecMode', {
      ProjectId: 'kept',
      Mode: 0,
    }),
    'trro',
  );
  expectOk(await call('DeleteDevice', { ProductId: 'DEMO000001', DeviceName: 'thermostat-2' }), 'a deletion is kept too');
  const before = serializeState(first.emulator.state);
  await first.close();

  const second = await startTestEmulator({ dataFile });
  try {
    assert.equal(second.origin, 'file');
    assert.equal(serializeState(second.emulator.state), before, 'the reloaded state is the saved state, field for field');
    const again = sdkClient(second.hostPort, { signMethod: 'HmacSHA256', reqMethod: 'GET' });
    const shadow = parseShadowData(
      expectOk(await again('DescribeDeviceShadow', { ProductId: productId, DeviceName: 'kept-1' }), 'after restart')['Data'] as string,
    );
    assert.ok(shadow.ok);
    assert.equal(shadow.shadow.version, 2);
    assert.deepEqual(shadow.delta, { on: true });
    assert.equal(expectOk(await again('DescribeDevice', { ProductId: productId, DeviceName: 'kept-1' }), 'device')['DevicePsk'], psk);
    expectError(await again('DescribeDevice', { ProductId: 'DEMO000001', DeviceName: 'thermostat-2' }), 'ResourceNotFound.DeviceNotExist', 'still deleted');
    // Ids keep counting after a restart.
    expectOk(await again('PublishMessage', { Topic: `${productId}/kept-1/control`, Payload: 'after', ProductId: productId, DeviceName: 'kept-1' }), 'publish');
    const ids = ((await admin(second.endpoint, 'GET', '/messages')).json['Messages'] as { Id: number }[]).map((m) => m.Id);
    assert.deepEqual(ids, [1, 2]);
  } finally {
    await second.close();
  }
});

test('a crash between writing the temporary file and renaming it leaves the old data file intact', async () => {
  const dataFile = join(dir, 'crash.json');
  const seed = await startTestEmulator({ dataFile });
  await seed.close();
  const before = readFileSync(dataFile, 'utf8');

  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./fixtures/crashingEmulator.ts', import.meta.url).pathname, dataFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      const match = /listening (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the child exited early (${code}): ${output}`)));
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const call = sdkClient(endpoint.slice('http://'.length, -1), { signMethod: 'TC3-HMAC-SHA256', reqMethod: 'POST' });
  await assert.rejects(call('CreateProduct', { ProductName: 'never-saved' }), 'the process dies before it answers');
  assert.equal(await exited, 'SIGKILL');
  assert.match(output, /temp written /, 'it died after the temporary file was written');

  assert.equal(readFileSync(dataFile, 'utf8'), before, 'the data file is byte for byte the old one');
  const leftovers = readdirSync(dir).filter((name) => name.startsWith('.crash.json.') && name.endsWith('.tmp'));
  assert.equal(leftovers.length, 1);
  assert.match(readFileSync(join(dir, leftovers[0]!), 'utf8'), /never-saved/, 'the new state was in the temporary file only');

  const restarted = await startTestEmulator({ dataFile });
  try {
    assert.equal(restarted.origin, 'file');
    assert.ok(![...restarted.emulator.state.products.values()].some((p) => p.ProductName === 'never-saved'));
    assert.deepEqual(
      readdirSync(dir).filter((name) => name.endsWith('.tmp')),
      [],
      'the stale temporary file is cleaned up at start',
    );
  } finally {
    await restarted.close();
  }
});

test('a data file that is not an emulator state is refused with the reason and left untouched', async () => {
  const dataFile = join(dir, 'not-ours.json');
  writeFileSync(dataFile, '{"products": "my notes"}');
  await assert.rejects(
    startTestEmulator({ dataFile }),
    (error: unknown) => error instanceof EmulatorStartError && /format: expected "iot-devkit-emulator-state"/.test(error.message),
  );
  writeFileSync(dataFile, '{"format":"iot-devkit-emulator-state","formatVersion":1,"devices":[{"ProductId":"P"}]}');
  await assert.rejects(startTestEmulator({ dataFile }), /devices\[0\]\.DeviceName: expected a string/);
  assert.equal(readFileSync(dataFile, 'utf8'), '{"format":"iot-devkit-emulator-state","formatVersion":1,"devices":[{"ProductId":"P"}]}');
});

test('without --data nothing is written and each start begins from the demo data', async () => {
  const first = await startTestEmulator();
  const call = sdkClient(first.hostPort, { signMethod: 'TC3-HMAC-SHA256', reqMethod: 'POST' });
  expectOk(await call('DeleteDevice', { ProductId: 'DEMO000001', DeviceName: 'thermostat-1' }), 'delete');
  await first.close();
  const second = await startTestEmulator();
  try {
    assert.ok(second.emulator.state.devices.has('DEMO000001/thermostat-1'));
  } finally {
    await second.close();
  }
});
