import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_PRODUCT_ID } from '@iot-devkit/core';
import { spawnCli } from '../support/cli.js';
import { expectOk, sdkClient, startTestEmulator, type Client } from '../emulator/harness.js';

// `iot-devkit device connect` as a real process against the emulator's broker; the official SDK edits the shadow.
const P = DEMO_PRODUCT_ID;
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let call: Client;
let psk: string;

before(async () => {
  emulator = await startTestEmulator({ mqttPort: 0 });
  call = sdkClient(emulator.hostPort, { signMethod: 'TC3-HMAC-SHA256', reqMethod: 'POST' });
  psk = expectOk(await call('DescribeDevice', { ProductId: P, DeviceName: 'thermostat-2' }), 'DescribeDevice')['DevicePsk'] as string;
});
after(() => emulator.close());

const shadowOf = async () =>
  JSON.parse(expectOk(await call('DescribeDeviceShadow', { ProductId: P, DeviceName: 'thermostat-2' }), 'DescribeDeviceShadow')['Data'] as string) as {
    payload: { version: number; state: { reported: Record<string, unknown>; desired?: Record<string, unknown> } };
  };

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const end = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`${what}: last ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('device connect --follow-delta: credentials step by step (masked), the delta of UpdateDeviceShadow applied and reported back, stdin reports', async () => {
  const device = spawnCli(
    [
      'device',
      'connect',
      '--product-id',
      P,
      '--device-name',
      'thermostat-2',
      '--psk-env',
      'DEVICE_PSK',
      '--broker',
      `mqtt://127.0.0.1:${emulator.mqttPort}`,
      '--follow-delta',
      '--report',
      '{"firmware":"1.0.0"}',
    ],
    { env: { DEVICE_PSK: psk } },
  );
  try {
    await device.waitFor(/Subscribed \$shadow\/operation\/result\/DEMO000001\/thermostat-2: QoS 1/);
    await device.waitFor(/"type":"update","result":0/);
    const before = await shadowOf();
    assert.equal(before.payload.state.reported['firmware'], '1.0.0', '--report reached the shadow');
    expectOk(
      await call('UpdateDeviceShadow', {
        ProductId: P,
        DeviceName: 'thermostat-2',
        State: JSON.stringify({ desired: { targetTemperature: 25 } }),
        ShadowVersion: before.payload.version,
      }),
      'UpdateDeviceShadow',
    );
    await device.waitFor(/delta \{"targetTemperature":25\} \(version \d+\): applied; reporting it back/);
    await until(shadowOf, (s) => s.payload.state.reported['targetTemperature'] === 25, 'the device reported the delta back');
    device.write('{"temperature": 24.5}\nnot json\n');
    await until(shadowOf, (s) => s.payload.state.reported['temperature'] === 24.5, 'the stdin line was reported');
    await device.waitFor(/stdin line 2.*expected a JSON object such as \{"temp":21\}/);
    const out = device.stdout();
    assert.match(out, /MQTT credentials, step by step:/);
    assert.match(out, /Connecting as DEMO000001thermostat-2 \(username DEMO000001thermostat-2;12010126;\w{5};\d+, password [0-9a-f]{4}\*{4}\)/);
    assert.ok(!out.includes(psk), 'the PSK is never printed');
    assert.ok(!/[0-9a-f]{40,}/.test(out), 'nor the signature or the password');
  } finally {
    assert.equal(await device.stop(), 0);
  }
});

test('device connect with a wrong PSK exits 1 naming the CONNACK code', async () => {
  const device = spawnCli(
    ['device', 'connect', '--product-id', P, '--device-name', 'thermostat-2', '--psk-env', 'DEVICE_PSK', '--broker', `mqtt://127.0.0.1:${emulator.mqttPort}`],
    {
      env: { DEVICE_PSK: Buffer.from('wrong-psk-wrong!').toString('base64') },
    },
  );
  assert.equal(await device.exit, 1);
  assert.match(device.stderr(), /connection refused: CONNACK 4 \(bad user name or password\); the emulator prints the cause/);
});
