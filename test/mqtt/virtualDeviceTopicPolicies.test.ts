import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { DEMO_PRODUCT_ID } from '@iot-devkit/core';
import { runCli, spawnCli } from '../support/cli.js';
import { expectOk, sdkClient, startTestEmulator, type Client } from '../emulator/harness.js';
import { connectDevice, deviceCredentials } from './deviceClient.js';

// `iot-devkit device connect` subscribes to the product's CreateTopicPolicy topics as well, read from the running
// emulator; messages reach it there from a real MQTT.js device (through the demo rule) and from PublishMessage.
const P = DEMO_PRODUCT_ID;
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let call: Client;
const psk: Record<string, string> = {};

before(async () => {
  emulator = await startTestEmulator({ mqttPort: 0 });
  call = sdkClient(emulator.hostPort, { signMethod: 'TC3-HMAC-SHA256', reqMethod: 'POST' });
  for (const name of ['thermostat-1', 'thermostat-2'])
    psk[name] = expectOk(await call('DescribeDevice', { ProductId: P, DeviceName: name }), 'DescribeDevice')['DevicePsk'] as string;
});
after(() => emulator.close());

const connectArgs = (...extra: string[]) => [
  'device',
  'connect',
  '--product-id',
  P,
  '--device-name',
  'thermostat-1',
  '--psk-env',
  'DEVICE_PSK',
  '--broker',
  `mqtt://127.0.0.1:${emulator.mqttPort}`,
  ...extra,
];

test('device connect subscribes to the CreateTopicPolicy topics it may subscribe to and receives an MQTT.js message through the rule and a PublishMessage', async () => {
  expectOk(await call('CreateTopicPolicy', { ProductId: P, TopicName: 'cli-commands', Privilege: 3 }), 'CreateTopicPolicy');
  expectOk(await call('CreateTopicPolicy', { ProductId: P, TopicName: 'cli-telemetry', Privilege: 1 }), 'CreateTopicPolicy');
  const device = spawnCli(connectArgs('--endpoint', emulator.endpoint), { env: { DEVICE_PSK: psk['thermostat-1']! } });
  const sender = await connectDevice(`mqtt://127.0.0.1:${emulator.mqttPort}`, deviceCredentials(P, 'thermostat-2', psk['thermostat-2']!));
  try {
    await device.waitFor(/CreateTopicPolicy topics of DEMO000001: alert \(Privilege 2\), cli-commands \(Privilege 3\), cli-telemetry \(Privilege 1\)/);
    await device.waitFor(/Subscribed DEMO000001\/thermostat-1\/alert: QoS 1/);
    await device.waitFor(/Subscribed DEMO000001\/thermostat-1\/cli-commands: QoS 1/);
    // The demo rule republishes thermostat-2's hot events to thermostat-1/alert, a topic only the policy names.
    await sender.client.publishAsync(`${P}/thermostat-2/event`, '{"temperature": 36}');
    await device.waitFor(/← DEMO000001\/thermostat-1\/alert \{"temperature":36\}/);
    expectOk(
      await call('PublishMessage', { ProductId: P, DeviceName: 'thermostat-1', Topic: `${P}/thermostat-1/cli-commands`, Payload: 'reboot' }),
      'PublishMessage',
    );
    await device.waitFor(/← DEMO000001\/thermostat-1\/cli-commands reboot/);
    assert.ok(!device.stdout().includes('Subscribed DEMO000001/thermostat-1/cli-telemetry'), 'a publish-only policy is not subscribed');
  } finally {
    await sender.close();
    assert.equal(await device.stop(), 0);
  }
});

test('an emulator that does not answer: the default topics only, and a line saying why and what names it', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const device = spawnCli(connectArgs('--endpoint', `http://127.0.0.1:${port}/`), { env: { DEVICE_PSK: psk['thermostat-1']! } });
  try {
    await device.waitFor(/Subscribed \$shadow\/operation\/result\/DEMO000001\/thermostat-1: QoS 1/);
    assert.match(
      device.stdout(),
      new RegExp(
        `CreateTopicPolicy topics: none read: http://127\\.0\\.0\\.1:${port}/_emulator/products/DEMO000001/topics did not answer .*--endpoint URL names`,
      ),
    );
    assert.ok(!device.stdout().includes('Subscribed DEMO000001/thermostat-1/alert'), device.stdout());
  } finally {
    assert.equal(await device.stop(), 0);
  }
});

test('--endpoint: a bad URL or the cloud API exits 2 naming the flag', () => {
  const bad = runCli(connectArgs('--endpoint', 'ftp://x'), { env: { DEVICE_PSK: psk['thermostat-1']! } });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--endpoint: the emulator's API URL such as http:\/\/127\.0\.0\.1:9180\/; got "ftp:\/\/x"/);
  const cloud = runCli(connectArgs('--endpoint', 'https://iotcloud.tencentcloudapi.com'), { env: { DEVICE_PSK: psk['thermostat-1']! } });
  assert.equal(cloud.status, 2);
  assert.match(cloud.stderr, /--endpoint: the cloud has no action that lists topic policies/);
  assert.match(runCli(['device', '--help']).stdout, /--endpoint URL {3}the emulator's API, where the product's CreateTopicPolicy topics are read/);
});
