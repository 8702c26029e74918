import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { createDemoState, DEMO_PRODUCT_ID } from '../emulator/demoState.js';
import { deviceKey } from '../emulator/EmulatorState.js';
import { authenticateDeviceConnect } from './authenticateDeviceConnect.js';

const NOW = 1_800_000_000;
const state = createDemoState(NOW * 1000);
const device = state.devices.get(deviceKey(DEMO_PRODUCT_ID, 'thermostat-1'))!;
const clientId = `${DEMO_PRODUCT_ID}thermostat-1`;

/** The password as the device SDK doc computes it, with node:crypto: HMAC over the username, keyed by the decoded PSK. */
function credentials(expiry: number | string, hmac: 'sha256' | 'sha1' = 'sha256', psk = device.DevicePsk) {
  const username = `${clientId};12010126;AbCdE;${expiry}`;
  const password = `${createHmac(hmac, Buffer.from(psk, 'base64')).update(username).digest('hex')};hmac${hmac}`;
  return { username, password };
}

const connect = (c: { username?: string; password?: string }, id = clientId) =>
  authenticateDeviceConnect(state, { clientId: id, username: c.username, password: c.password, nowSeconds: NOW });

test('right credentials connect, in the documented shape and with the C SDKs LONG_MAX expiry', () => {
  assert.equal(connect(credentials(NOW + 600)).ok, true);
  assert.equal(connect(credentials(NOW + 600, 'sha1')).ok, true);
  assert.equal(connect(credentials('9223372036854775807', 'sha1')).ok, true);
});

test('wrong credentials get CONNACK 4 with the verifier named cause; a device that may not connect gets 5', () => {
  const expired = connect(credentials(NOW - 1));
  assert.ok(!expired.ok);
  assert.equal(expired.returnCode, 4);
  assert.deepEqual(expired.problems, ['expired']);
  assert.match(expired.cause.en, /is not after now/);
  const otherPsk = connect(credentials(NOW + 600, 'sha256', Buffer.from('another-psk-1234').toString('base64')));
  assert.ok(!otherPsk.ok);
  assert.equal(otherPsk.returnCode, 4);
  assert.deepEqual(otherPsk.problems, ['signature-mismatch']);
  assert.ok(!otherPsk.cause.en.includes(device.DevicePsk), 'the cause never holds the PSK');
  const noPassword = connect({ username: credentials(NOW + 600).username });
  assert.ok(!noPassword.ok);
  assert.equal(noPassword.returnCode, 4);
  assert.match(noPassword.cause.en, /no password/);
  const wrongClient = connect(credentials(NOW + 600), `${DEMO_PRODUCT_ID}thermostat-2`);
  assert.ok(!wrongClient.ok);
  assert.equal(wrongClient.returnCode, 4);
  assert.ok(wrongClient.problems.includes('client-id-mismatch'));
  const unknown = connect(credentials(NOW + 600), 'NOPRODUCT1nobody');
  assert.ok(!unknown.ok, 'the username names a device, so the verifier still runs and names the client id');
  const nobody = authenticateDeviceConnect(state, { clientId: 'NOPRODUCT1nobody', username: 'x;12010126;AbCdE;1', password: 'ab', nowSeconds: NOW });
  assert.ok(!nobody.ok);
  assert.equal(nobody.returnCode, 5);
  assert.match(nobody.cause.en, /names no device of this emulator/);
  device.EnableState = 0;
  try {
    const disabled = connect(credentials(NOW + 600));
    assert.ok(!disabled.ok);
    assert.equal(disabled.returnCode, 5);
    assert.match(disabled.cause.en, /is disabled/);
  } finally {
    device.EnableState = 1;
  }
});
