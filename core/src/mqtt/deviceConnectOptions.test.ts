import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { signDeviceCredentials } from '../credentials/tencent/signDeviceCredentials.js';
import { verifyDeviceCredentials } from '../credentials/tencent/verifyDeviceCredentials.js';
import { deviceConnectOptions } from './deviceConnectOptions.js';

// A made-up PSK (base64 of 16 bytes); never a real device's.
const PSK = 'bWFkZVVwVGVzdE9ubHlQSw==';
const NOW = 1_700_000_000;

test('the CONNECT carries the computed clientId, username and password, as MQTT 3.1.1 with a clean session', () => {
  const credentials = signDeviceCredentials({ productId: 'ABCDE12345', deviceName: 'thermostat-1', devicePsk: PSK, now: NOW, connid: 'a1B2c' });
  const username = `ABCDE12345thermostat-1;12010126;a1B2c;${NOW + 3600}`;
  // The password as the documentation's formula gives it, computed here with node:crypto only.
  const password = `${createHmac('sha256', Buffer.from(PSK, 'base64')).update(username, 'utf8').digest('hex')};hmacsha256`;
  assert.deepEqual(deviceConnectOptions(credentials), {
    clientId: 'ABCDE12345thermostat-1',
    username,
    password,
    protocolVersion: 4,
    clean: true,
    keepalive: 240,
    reconnectPeriod: 0,
    connectTimeout: 10_000,
  });
});

test('the options hold only what the CONNECT sends: no PSK, no signing steps', () => {
  const text = JSON.stringify(deviceConnectOptions(signDeviceCredentials({ productId: 'ABCDE12345', deviceName: 'd1', devicePsk: PSK, now: NOW })));
  assert.ok(!text.includes(PSK), 'the PSK is not in the options');
  assert.ok(!text.includes('"steps"'), 'the signing steps are not in the options');
});

test('the verifier the broker uses accepts the CONNECT these options describe', () => {
  const options = deviceConnectOptions(signDeviceCredentials({ productId: 'ABCDE12345', deviceName: 'd1', devicePsk: PSK, now: NOW }));
  const verdict = verifyDeviceCredentials({ ...options, devicePsk: PSK, now: NOW + 5, productId: 'ABCDE12345', deviceName: 'd1' });
  assert.equal(verdict.ok, true, JSON.stringify(verdict.findings));
});
