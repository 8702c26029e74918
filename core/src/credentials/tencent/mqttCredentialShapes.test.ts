import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { signDeviceCredentials } from './signDeviceCredentials.js';
import { verifyDeviceCredentials } from './verifyDeviceCredentials.js';

// Each official device SDK's username/password, made here the way that SDK's source makes it (node:crypto, string
// concatenation) and nothing from the core; the verifier must accept each and name the SDK.
const PSK = 'bWFkZVVwVGVzdE9ubHlQSw=='; // made up, 16 bytes
const NOW = 1_700_000_000;
const PRODUCT = 'L4WG9V9M2M';
const DEVICE = 'TEST2';
const CLIENT_ID = PRODUCT + DEVICE;
const key = Buffer.from(PSK, 'base64');
const hmacHex = (alg: 'sha1' | 'sha256', text: string) => createHmac(alg, key).update(text, 'utf8').digest('hex');

/** C's snprintf(buf, size, "%s;%s;%s;%ld", …): writes at most size - 1 characters. */
const snprintf = (size: number, text: string) => text.slice(0, size - 1);
const C_LONG_MAX_64 = '9223372036854775807';

interface SdkCase {
  readonly sdk: RegExp;
  readonly username: string;
  readonly password: string;
}

const cases: Record<string, SdkCase> = (() => {
  // qcloud-iot-sdk-embedded-c mqtt_client_connect.c: LONG_MAX (64-bit), buffer = clientId + appid + 6 + digits + 4.
  const cHub = snprintf(CLIENT_ID.length + 8 + 6 + C_LONG_MAX_64.length + 4, `${CLIENT_ID};21010406;aB3x9;${C_LONG_MAX_64}`);
  // qcloud-iot-explorer-sdk-embedded-c mqtt_client_connect.c and qcloud-mqtt-sign.c: buffer = clientId + 8 + 6 + 20.
  const cExplorer = snprintf(CLIENT_ID.length + 8 + 6 + 20, `${CLIENT_ID};21010406;5AiF2;${C_LONG_MAX_64}`);
  // The same SDKs on a 32-bit MCU: LONG_MAX is 2147483647.
  const c32 = `${CLIENT_ID};21010406;5AiF2;2147483647`;
  // iot-device-java TXMqttConnection.connect(): Integer.MAX_VALUE with automatic reconnect, else now/1000 + 600.
  const javaReconnect = `${CLIENT_ID};12010126;Qw7Er;${2 ** 31 - 1}`;
  const javaTimed = `${CLIENT_ID};12010126;Qw7Er;${NOW + 600}`;
  // iot-device-python hub/protocol/protocol.py: str(int(round(time.time() * 1000))).
  const python = `${CLIENT_ID};21010406;zX8cV;${NOW * 1000 + 123}`;
  return {
    'qcloud-iot-sdk-embedded-c, 64-bit LONG_MAX': { sdk: /^qcloud-iot-sdk-embedded-c —/, username: cHub, password: `${hmacHex('sha1', cHub)};hmacsha1` },
    'explorer C SDK / sign tool, LONG_MAX cut to 17 digits': {
      sdk: /^qcloud-iot-explorer-sdk-embedded-c \/ qcloud_iot_mqtt_sign —/,
      username: cExplorer,
      password: `${hmacHex('sha1', cExplorer)};hmacsha1`,
    },
    'C SDKs on a 32-bit MCU': { sdk: /^qcloud-iot-sdk-embedded-c, qcloud-iot-explorer/, username: c32, password: `${hmacHex('sha1', c32)};hmacsha1` },
    'iot-device-java, Integer.MAX_VALUE': { sdk: /^iot-device-java —/, username: javaReconnect, password: `${hmacHex('sha256', javaReconnect)};hmacsha256` },
    'iot-device-java, now + 600': { sdk: /^documented, iot-device-java —/, username: javaTimed, password: `${hmacHex('sha256', javaTimed)};hmacsha256` },
    'iot-device-python, milliseconds': { sdk: /^iot-device-python —/, username: python, password: `${hmacHex('sha1', python)};hmacsha1` },
  };
})();

test('the cut LONG_MAX is what the sign tool readme prints', () => {
  assert.match(cases['explorer C SDK / sign tool, LONG_MAX cut to 17 digits']!.username, /;5AiF2;92233720368547758$/);
});

for (const [name, c] of Object.entries(cases)) {
  test(`verify accepts ${name} and names the shape`, () => {
    const v = verifyDeviceCredentials({ username: c.username, password: c.password, devicePsk: PSK, now: NOW, productId: PRODUCT, deviceName: DEVICE });
    assert.deepEqual(v.findings, []);
    assert.equal(v.ok, true);
    assert.match(v.steps.find((s) => s.id === 'shape')!.value, c.sdk);
    assert.equal(v.expectedPassword, c.password);
  });
}

test('the shape step spells each part: sdkappid, expiry kind, hmac', () => {
  const c = cases['qcloud-iot-sdk-embedded-c, 64-bit LONG_MAX']!;
  const v = verifyDeviceCredentials({ username: c.username, password: c.password, devicePsk: PSK, now: NOW });
  assert.equal(
    v.steps.find((s) => s.id === 'shape')!.value,
    'qcloud-iot-sdk-embedded-c — sdkappid 21010406 · expiry 9223372036854775807 = LONG_MAX, 64-bit (never) · hmacsha1',
  );
  assert.equal(v.parsed.sdkAppId, '21010406');
  assert.equal(v.parsed.expiry, undefined, 'LONG_MAX has no expiry time');
  assert.equal(v.parsed.expiryPart?.shape, 'long-max');
});

test('a never-expiring username is not expired however late it is; INT_MAX expires in 2038', () => {
  const c = cases['C SDKs on a 32-bit MCU']!;
  const after2038 = verifyDeviceCredentials({ username: c.username, password: c.password, devicePsk: PSK, now: 2_147_483_647 });
  assert.deepEqual(
    after2038.findings.map((f) => f.problem),
    ['expired'],
  );
  const long = cases['qcloud-iot-sdk-embedded-c, 64-bit LONG_MAX']!;
  assert.equal(verifyDeviceCredentials({ username: long.username, password: long.password, devicePsk: PSK, now: 99_999_999_999 }).ok, true);
});

test('an sdkappid no SDK sends, or a mixed combination: the first is malformed, the second accepted but named as no single SDK', () => {
  const odd = `${CLIENT_ID};10011117;aB3x9;${NOW + 600}`;
  const v = verifyDeviceCredentials({ username: odd, password: `${hmacHex('sha256', odd)};hmacsha256`, devicePsk: PSK, now: NOW });
  assert.deepEqual(
    v.findings.map((f) => `${f.problem}@${f.field}`),
    ['malformed-username@username.sdkappid'],
  );
  assert.match(v.findings[0]!.message.en, /12010126 or 21010406/);
  const mixed = `${CLIENT_ID};21010406;aB3x9;${NOW + 600}`;
  const m = verifyDeviceCredentials({ username: mixed, password: `${hmacHex('sha256', mixed)};hmacsha256`, devicePsk: PSK, now: NOW });
  assert.equal(m.ok, true);
  assert.match(m.steps.find((s) => s.id === 'shape')!.value, /^no single SDK/);
});

test('generation makes every SDK shape: --sdk-app-id and --expiry never or a C LONG_MAX text', () => {
  const base = { productId: PRODUCT, deviceName: DEVICE, devicePsk: PSK, now: NOW };
  const never = signDeviceCredentials({ ...base, connid: 'Qw7Er', expiry: 'never' });
  assert.equal(never.username, cases['iot-device-java, Integer.MAX_VALUE']!.username);
  assert.equal(never.password, cases['iot-device-java, Integer.MAX_VALUE']!.password);
  assert.equal(never.expiry, 2_147_483_647);
  const c = signDeviceCredentials({ ...base, connid: '5AiF2', expiry: '92233720368547758', sdkAppId: '21010406', hmac: 'sha1' });
  assert.equal(c.password, cases['explorer C SDK / sign tool, LONG_MAX cut to 17 digits']!.password);
  assert.equal(c.expiry, undefined);
  assert.match(c.shape, /^qcloud-iot-explorer-sdk-embedded-c/);
  const hub = signDeviceCredentials({ ...base, connid: 'aB3x9', expiry: C_LONG_MAX_64, sdkAppId: '21010406', hmac: 'sha1' });
  assert.equal(hub.password, cases['qcloud-iot-sdk-embedded-c, 64-bit LONG_MAX']!.password);
});
