import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { buildTopicRulePayload, DEMO_PRODUCT_ID, DEMO_RULE_NAME } from '@iot-devkit/core';
import { admin, expectError, expectOk, sdkClient, startTestEmulator, type Client } from '../emulator/harness.js';
import { connectDevice, deviceCredentials, refusedConnect } from './deviceClient.js';

// Real MQTT.js devices over TCP and WebSocket against the running emulator (cli's startEmulator), with credentials
// computed in deviceClient.ts by node:crypto alone; the official Node SDK (tencentcloud-sdk-nodejs-common) on the API side.
const P = DEMO_PRODUCT_ID;
const log: string[] = [];
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let call: Client;
const psk: Record<string, string> = {};

before(async () => {
  emulator = await startTestEmulator({ mqttPort: 0, mqttWsPort: 0, log: (line) => log.push(line), rrpcTimeoutMs: 400 });
  call = sdkClient(emulator.hostPort, { signMethod: 'TC3-HMAC-SHA256', reqMethod: 'POST' });
  for (const name of ['thermostat-1', 'thermostat-2'])
    psk[name] = expectOk(await call('DescribeDevice', { ProductId: P, DeviceName: name }), 'DescribeDevice')['DevicePsk'] as string;
});
after(() => emulator.close());

const transports = [
  ['TCP', () => `mqtt://127.0.0.1:${emulator.mqttPort}`],
  ['WebSocket', () => `ws://127.0.0.1:${emulator.mqttWsPort}`],
] as const;

for (const [transport, url] of transports) {
  describe(`over ${transport}`, () => {
    test('UpdateDeviceShadow (API) pushes the delta to the connected device; its report shows in DescribeDeviceShadow', async () => {
      const device = await connectDevice(url(), deviceCredentials(P, 'thermostat-1', psk['thermostat-1']!));
      try {
        const result = `$shadow/operation/result/${P}/thermostat-1`;
        await device.client.subscribeAsync(result);
        const read = expectOk(await call('DescribeDeviceShadow', { ProductId: P, DeviceName: 'thermostat-1' }), 'DescribeDeviceShadow');
        const version = (JSON.parse(read['Data'] as string) as { payload: { version: number } }).payload.version;
        const target = transport === 'TCP' ? 23 : 24;
        expectOk(
          await call('UpdateDeviceShadow', {
            ProductId: P,
            DeviceName: 'thermostat-1',
            State: JSON.stringify({ desired: { targetTemperature: target } }),
            ShadowVersion: version,
          }),
          'UpdateDeviceShadow',
        );
        const delta = JSON.parse((await device.next(result)).text) as { type: string; payload: { state: Record<string, unknown>; version: number } };
        assert.equal(delta.type, 'delta');
        assert.deepEqual(delta.payload.state, { targetTemperature: target });
        assert.equal(delta.payload.version, version + 1);
        // The device applies it and reports back with the version it was told, as iot-device-java does.
        await device.client.publishAsync(
          `$shadow/operation/${P}/thermostat-1`,
          JSON.stringify({ type: 'update', state: { reported: { targetTemperature: target } }, version: delta.payload.version, clientToken: `${transport}-1` }),
        );
        const answer = JSON.parse((await device.next(result)).text) as { type: string; result: number; clientToken: string; payload: { version: number } };
        assert.deepEqual([answer.type, answer.result, answer.clientToken, answer.payload.version], ['update', 0, `${transport}-1`, version + 2]);
        const after = JSON.parse(
          expectOk(await call('DescribeDeviceShadow', { ProductId: P, DeviceName: 'thermostat-1' }), 'DescribeDeviceShadow again')['Data'] as string,
        ) as { payload: { state: { reported: Record<string, unknown> } } };
        assert.equal(after.payload.state.reported['targetTemperature'], target);
        const info = expectOk(await call('DescribeDevice', { ProductId: P, DeviceName: 'thermostat-1' }), 'DescribeDevice');
        assert.equal(info['Online'], 1);
        assert.equal(info['ClientIP'], '127.0.0.1');
        assert.ok(Math.abs((info['LoginTime'] as number) - Date.now() / 1000) < 60);
      } finally {
        await device.close();
      }
      await waitFor(async () => expectOk(await call('DescribeDevice', { ProductId: P, DeviceName: 'thermostat-1' }), 'offline')['Online'] === 0);
    });

    test('PublishMessage reaches the subscribed device, base64 decoded, at QoS 0 and 1; PublishBroadcastMessage too', async () => {
      const device = await connectDevice(url(), deviceCredentials(P, 'thermostat-2', psk['thermostat-2']!));
      try {
        const control = `${P}/thermostat-2/control`;
        await device.client.subscribeAsync(control, { qos: 1 });
        expectOk(await call('PublishMessage', { ProductId: P, DeviceName: 'thermostat-2', Topic: control, Payload: 'plain text', Qos: 0 }), 'QoS 0');
        assert.equal((await device.next(control)).text, 'plain text');
        const base64 = Buffer.from('{"power":"on"}').toString('base64');
        expectOk(
          await call('PublishMessage', { ProductId: P, DeviceName: 'thermostat-2', Topic: control, Payload: base64, PayloadEncoding: 'base64', Qos: 1 }),
          'QoS 1',
        );
        assert.equal((await device.next(control)).text, '{"power":"on"}');
        const broadcast = `$broadcast/rxd/${P}/thermostat-2`;
        await device.client.subscribeAsync(broadcast);
        const task = expectOk(
          await call('PublishBroadcastMessage', { ProductId: P, Payload: Buffer.from('firmware 2.0').toString('base64'), PayloadEncoding: 'base64', Qos: 0 }),
          'broadcast',
        );
        assert.equal(typeof task['TaskId'], 'number');
        assert.equal((await device.next(broadcast)).text, 'firmware 2.0');
      } finally {
        await device.close();
      }
    });
  });
}

test('a refused CONNECT gets CONNACK 4 or 5, and the emulator names the verifier cause without printing a secret', async () => {
  const url = `mqtt://127.0.0.1:${emulator.mqttPort}`;
  const otherPsk = Buffer.from('not-the-device-psk').toString('base64');
  assert.equal(await refusedConnect(url, deviceCredentials(P, 'thermostat-1', otherPsk)), 4, 'another PSK');
  const expired = deviceCredentials(P, 'thermostat-1', psk['thermostat-1']!, { expiry: Math.floor(Date.now() / 1000) - 60 });
  assert.equal(await refusedConnect(url, expired), 4, 'expired');
  assert.equal(await refusedConnect(url, deviceCredentials('NOPRODUCT1', 'ghost', psk['thermostat-1']!)), 5, 'no such device');
  const { json } = await admin(emulator.endpoint, 'GET', '/connections');
  const refused = (json['refused'] as { returnCode: number; problems: string[]; cause: { en: string } }[]).slice(-3);
  assert.deepEqual(
    refused.map((r) => [r.returnCode, r.problems]),
    [
      [4, ['signature-mismatch']],
      [4, ['expired']],
      [5, []],
    ],
  );
  assert.match(refused[0]!.cause.en, /The password was not computed from this PSK over this username/);
  assert.match(refused[1]!.cause.en, /is not after now/);
  const lines = log.filter((l) => l.startsWith('MQTT CONNECT refused'));
  assert.match(
    lines.at(-3)!,
    /CONNACK 4 \(bad user name or password\) \[IoT Devkit emulator diagnosis — the real broker sends only the code: The password was not computed/,
  );
  for (const secret of [psk['thermostat-1']!, otherPsk, expired.password]) assert.ok(!log.join('\n').includes(secret), 'no PSK or password in the log');
  assert.ok(!JSON.stringify(json).includes(expired.password), 'nor in /_emulator/connections');
});

test("a device is refused another device's topics: SUBACK 0x80, and its PUBLISH is dropped", async () => {
  const url = `mqtt://127.0.0.1:${emulator.mqttPort}`;
  const one = await connectDevice(url, deviceCredentials(P, 'thermostat-1', psk['thermostat-1']!));
  const two = await connectDevice(url, deviceCredentials(P, 'thermostat-2', psk['thermostat-2']!));
  try {
    const granted = await one.client.subscribeAsync(`${P}/thermostat-2/control`).then(
      () => [0],
      (error: { packet?: { granted?: number[] } }) => error.packet?.granted,
    );
    assert.deepEqual(granted, [128]);
    await two.client.subscribeAsync(`${P}/thermostat-2/data`);
    await one.client.publishAsync(`${P}/thermostat-2/data`, 'spoofed', { qos: 1 });
    await one.client.publishAsync(`${P}/thermostat-1/data`, 'own');
    await two.client.publishAsync(`${P}/thermostat-2/data`, 'genuine');
    assert.equal((await two.next(`${P}/thermostat-2/data`)).text, 'genuine', 'the spoofed message never arrived; the next one did');
    const { json } = await admin(emulator.endpoint, 'GET', '/connections');
    const refusals = (json['topicRefusals'] as { operation: string; topic: string; reason: string }[]).slice(-2);
    assert.deepEqual(
      refusals.map((r) => [r.operation, r.topic]),
      [
        ['subscribe', `${P}/thermostat-2/control`],
        ['publish', `${P}/thermostat-2/data`],
      ],
    );
    assert.match(refusals[1]!.reason, /it is device DEMO000001\/thermostat-2's topic/);
    assert.ok(log.some((l) => l.startsWith('MQTT PUBLISH dropped: DEMO000001/thermostat-1 may not publish to "DEMO000001/thermostat-2/data"')));
    assert.equal(one.client.connected, true, 'dropped, not disconnected');
  } finally {
    await one.close();
    await two.close();
  }
});

test('a rule republishes only when its WHERE holds; the evaluations and PublishMessage record say which fired', async () => {
  const url = `ws://127.0.0.1:${emulator.mqttWsPort}`;
  const target = await connectDevice(url, deviceCredentials(P, 'thermostat-1', psk['thermostat-1']!));
  const sender = await connectDevice(url, deviceCredentials(P, 'thermostat-2', psk['thermostat-2']!));
  try {
    // The demo rule's target, a CreateTopicPolicy topic of the demo product the device may subscribe to.
    const alert = `${P}/thermostat-1/alert`;
    await target.client.subscribeAsync(alert);
    const { json: before } = await admin(emulator.endpoint, 'GET', '/rule-evaluations');
    const since = Math.max(0, ...(before['evaluations'] as { id: number }[]).map((e) => e.id));
    await sender.client.publishAsync(`${P}/thermostat-2/event`, '{"temperature": 25}');
    await sender.client.publishAsync(`${P}/thermostat-2/event`, '{"temperature": 35, "humidity": 50}');
    assert.equal((await target.next(alert)).text, '{"temperature":35}', 'the first message did not pass WHERE temperature > 30');
    expectOk(
      await call('PublishMessage', { ProductId: P, DeviceName: 'thermostat-2', Topic: `${P}/thermostat-2/event`, Payload: '{"temperature": 40}' }),
      'PublishMessage',
    );
    assert.equal((await target.next(alert)).text, '{"temperature":40}');
    const { json } = await admin(emulator.endpoint, 'GET', `/rule-evaluations?since=${since}`);
    const evaluations = (json['evaluations'] as { ruleName: string; whereHeld: boolean; source: string; output: unknown }[]).filter(
      (e) => e.ruleName === DEMO_RULE_NAME,
    );
    assert.deepEqual(
      evaluations.map((e) => [e.whereHeld, e.source]),
      [
        [false, `${P}thermostat-2`],
        [true, `${P}thermostat-2`],
        [true, 'PublishMessage'],
      ],
    );
    const { json: messages } = await admin(emulator.endpoint, 'GET', '/messages');
    assert.deepEqual((messages['Messages'] as { FiredRules: string[] }[]).at(-1)!.FiredRules, [DEMO_RULE_NAME]);
  } finally {
    await target.close();
    await sender.close();
  }
});

test('a rule forward POSTs to a loopback URL', async () => {
  const received: string[] = [];
  const hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push(body);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  const built = buildTopicRulePayload({
    sql: `SELECT temperature FROM '${P}/thermostat-2/data' WHERE temperature < 0`,
    actions: [{ forward: { api: hookUrl } }],
    ruleDisabled: false,
  });
  assert.ok(built.ok);
  expectOk(await call('CreateTopicRule', { RuleName: 'forward_test', TopicRulePayload: built.payload }), 'CreateTopicRule');
  const device = await connectDevice(`mqtt://127.0.0.1:${emulator.mqttPort}`, deviceCredentials(P, 'thermostat-2', psk['thermostat-2']!));
  try {
    await device.client.publishAsync(`${P}/thermostat-2/data`, '{"temperature": 5}');
    await device.client.publishAsync(`${P}/thermostat-2/data`, '{"temperature": -3}');
    await waitFor(async () => received.length > 0);
    assert.equal(received.length, 1);
    const body = JSON.parse(received[0]!) as { payload: unknown; devicename: string; topic: string };
    assert.deepEqual([body.payload, body.devicename, body.topic], [{ temperature: -3 }, 'thermostat-2', `${P}/thermostat-2/data`]);
  } finally {
    await device.close();
    hook.close();
    expectOk(await call('DeleteTopicRule', { RuleName: 'forward_test' }), 'DeleteTopicRule');
  }
});

test('PublishRRPCMessage waits for the device reply; no reply in time is RRPCTimeout, no device is DeviceOffline', async () => {
  expectError(await call('PublishRRPCMessage', { ProductId: P, DeviceName: 'thermostat-2', Payload: 'ping' }), 'FailedOperation.DeviceOffline', 'offline');
  const device = await connectDevice(`mqtt://127.0.0.1:${emulator.mqttPort}`, deviceCredentials(P, 'thermostat-2', psk['thermostat-2']!));
  try {
    await device.client.subscribeAsync(`$rrpc/rxd/${P}/thermostat-2/+`);
    let reply = true;
    device.client.on('message', (topic, payload) => {
      const id = topic.split('/').at(-1);
      if (reply && topic.startsWith('$rrpc/rxd/')) void device.client.publishAsync(`$rrpc/txd/${P}/thermostat-2/${id}`, `pong:${payload.toString()}`);
    });
    const answered = expectOk(await call('PublishRRPCMessage', { ProductId: P, DeviceName: 'thermostat-2', Payload: 'ping' }), 'PublishRRPCMessage');
    assert.equal(Buffer.from(answered['PayloadBase64'] as string, 'base64').toString(), 'pong:ping');
    assert.equal(typeof answered['MessageId'], 'number');
    reply = false;
    expectError(await call('PublishRRPCMessage', { ProductId: P, DeviceName: 'thermostat-2', Payload: 'ping' }), 'FailedOperation.RRPCTimeout', 'no reply');
  } finally {
    await device.close();
  }
});

test('a CreateTopicPolicy topic can be used by every device of the product, in its direction only', async () => {
  expectOk(await call('CreateTopicPolicy', { ProductId: P, TopicName: 'alerts', Privilege: 2 }), 'CreateTopicPolicy');
  expectError(await call('CreateTopicPolicy', { ProductId: P, TopicName: 'alerts', Privilege: 2 }), 'InvalidParameterValue.TopicPolicyAlreadyExist', 'again');
  const device = await connectDevice(`mqtt://127.0.0.1:${emulator.mqttPort}`, deviceCredentials(P, 'thermostat-1', psk['thermostat-1']!));
  try {
    const alerts = `${P}/thermostat-1/alerts`;
    assert.deepEqual(
      (await device.client.subscribeAsync(alerts)).map((g) => g.qos),
      [0],
    );
    expectOk(await call('PublishMessage', { ProductId: P, DeviceName: 'thermostat-1', Topic: alerts, Payload: 'overheat' }), 'PublishMessage');
    assert.equal((await device.next(alerts)).text, 'overheat');
    await device.client.publishAsync(alerts, 'from the device', { qos: 1 });
    await waitFor(async () => log.some((l) => l.includes(`may not publish to "${alerts}": the topic is subscribe-only for the device`)));
  } finally {
    await device.close();
  }
});

test("a client id longer than MQTT 3.1's 23 characters connects (ProductId + a 40-character DeviceName)", async () => {
  const name = 'greenhouse-sensor-with-a-long-name-00001';
  const created = expectOk(await call('CreateDevice', { ProductId: P, DeviceName: name }), 'CreateDevice');
  const device = await connectDevice(`ws://127.0.0.1:${emulator.mqttWsPort}`, deviceCredentials(P, name, created['DevicePsk'] as string));
  try {
    const { json } = await admin(emulator.endpoint, 'GET', '/connections');
    assert.ok((json['connected'] as { clientId: string; transport: string }[]).some((c) => c.clientId === `${P}${name}` && c.transport === 'ws'));
  } finally {
    await device.close();
    expectOk(await call('DeleteDevice', { ProductId: P, DeviceName: name }), 'DeleteDevice');
  }
});

test('a device with a persistent session (clean: false) gets the QoS 1 messages published while it was offline, QoS 0 ones not', async () => {
  const name = 'thermostat-2';
  const control = `${P}/${name}/control`;
  const url = `mqtt://127.0.0.1:${emulator.mqttPort}`;
  const first = await connectDevice(url, deviceCredentials(P, name, psk[name]!), { clean: false });
  await first.client.subscribeAsync(control, { qos: 1 });
  await first.close();
  await waitFor(async () => expectOk(await call('DescribeDevice', { ProductId: P, DeviceName: name }), 'offline')['Online'] === 0);
  expectOk(await call('PublishMessage', { ProductId: P, DeviceName: name, Topic: control, Payload: 'kept while away', Qos: 1 }), 'QoS 1 offline');
  expectOk(await call('PublishMessage', { ProductId: P, DeviceName: name, Topic: control, Payload: 'dropped while away', Qos: 0 }), 'QoS 0 offline');
  const again = await connectDevice(url, deviceCredentials(P, name, psk[name]!), { clean: false });
  try {
    assert.equal((await again.next(control)).text, 'kept while away');
    expectOk(await call('PublishMessage', { ProductId: P, DeviceName: name, Topic: control, Payload: 'online again', Qos: 0 }), 'QoS 0 online');
    assert.equal((await again.next(control)).text, 'online again', 'the QoS 0 message sent while away was not kept');
  } finally {
    await again.close();
  }
  // A clean session forgets the subscription: nothing is kept for a device that did not ask.
  const clean = await connectDevice(url, deviceCredentials(P, name, psk[name]!));
  await clean.close();
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
