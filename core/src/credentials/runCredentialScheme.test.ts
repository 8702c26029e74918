import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { CREDENTIAL_SCHEMES, credentialFieldsOf } from './credentialSchemes.js';
import { runCredentialScheme } from './runCredentialScheme.js';

// Made-up keys, never a real device's or account's.
const PSK = 'bWFkZVVwVGVzdE9ubHlQSw==';
const ONENET_KEY = 'bWFkZVVwT25lTmV0S2V5Rm9yVGVzdHM=';
const NOW = 1_700_000_000;
const allText = (value: unknown) => JSON.stringify(value);

describe('runCredentialScheme: one form, every scheme', () => {
  test('MQTT sign: the password is the documented HMAC of the username, computed independently', () => {
    const r = runCredentialScheme({
      scheme: 'mqtt-device',
      mode: 'sign',
      now: NOW,
      values: { productId: 'ABCDE12345', deviceName: 'dev_1', devicePsk: PSK, expiry: String(NOW + 600), hmac: 'sha256', connid: 'a1B2c' },
    });
    assert.equal(r.ok, true);
    const out = Object.fromEntries(r.outputs.map((o) => [o.name, o.value]));
    assert.equal(out['username'], `ABCDE12345dev_1;12010126;a1B2c;${NOW + 600}`);
    assert.equal(out['password'], `${createHmac('sha256', Buffer.from(PSK, 'base64')).update(out['username']!).digest('hex')};hmacsha256`);
    assert.equal(out['host'], 'ABCDE12345.iotcloud.tencentdevices.com');
    assert.ok(r.steps.length >= 5);
    assert.ok(!allText(r).includes(PSK), 'the PSK never appears in the result');
  });

  test('MQTT verify: a right pair is ok; an expired one is named', () => {
    const signed = runCredentialScheme({
      scheme: 'mqtt-device',
      mode: 'sign',
      now: NOW,
      values: { productId: 'ABCDE12345', deviceName: 'dev_1', devicePsk: PSK, expiry: String(NOW + 60) },
    });
    const out = Object.fromEntries(signed.outputs.map((o) => [o.name, o.value]));
    const right = runCredentialScheme({
      scheme: 'mqtt-device',
      mode: 'verify',
      now: NOW,
      values: { productId: 'ABCDE12345', deviceName: 'dev_1', username: out['username']!, password: out['password']!, devicePsk: PSK },
    });
    assert.equal(right.ok, true, allText(right.findings));
    const later = runCredentialScheme({
      scheme: 'mqtt-device',
      mode: 'verify',
      now: NOW + 3600,
      values: { productId: 'ABCDE12345', deviceName: 'dev_1', username: out['username']!, password: out['password']!, devicePsk: PSK },
    });
    assert.equal(later.ok, false);
    assert.ok(later.findings.some((f) => f.problem === 'expired'));
    const otherDevice = runCredentialScheme({
      scheme: 'mqtt-device',
      mode: 'verify',
      now: NOW,
      values: { productId: 'ABCDE12345', deviceName: 'dev_2', username: out['username']!, password: out['password']!, devicePsk: PSK },
    });
    assert.deepEqual(
      otherDevice.findings.map((f) => `${f.problem}@${f.field}`),
      ['client-id-mismatch@username.clientId'],
    );
    const missing = runCredentialScheme({
      scheme: 'mqtt-device',
      mode: 'verify',
      now: NOW,
      values: { username: out['username']!, password: out['password']!, devicePsk: PSK },
    });
    assert.equal(missing.problem?.field, 'productId', 'verify needs the device it checks the username against');
  });

  test('MQTT sign with the form fields sdkAppId and expiry "never": the C SDKs\' app id, INT_MAX, the shape named', () => {
    const signed = runCredentialScheme({
      scheme: 'mqtt-device',
      mode: 'sign',
      now: NOW,
      values: { productId: 'ABCDE12345', deviceName: 'dev_1', devicePsk: PSK, expiry: 'never', sdkAppId: '21010406', hmac: 'sha1', connid: 'a1B2c' },
    });
    const out = Object.fromEntries(signed.outputs.map((o) => [o.name, o.value]));
    assert.equal(out['username'], 'ABCDE12345dev_1;21010406;a1B2c;2147483647');
    assert.equal(out['password'], `${createHmac('sha1', Buffer.from(PSK, 'base64')).update(out['username']!).digest('hex')};hmacsha1`);
    assert.match(signed.steps.find((s) => s.id === 'shape')!.value, /^qcloud-iot-sdk-embedded-c, qcloud-iot-explorer-sdk-embedded-c/);
    const wrongAppId = runCredentialScheme({
      scheme: 'mqtt-device',
      mode: 'sign',
      now: NOW,
      values: { productId: 'ABCDE12345', deviceName: 'dev_1', devicePsk: PSK, sdkAppId: '1' },
    });
    assert.equal(wrongAppId.problem?.field, 'sdkAppId');
  });

  test('OneNET token sign and verify round-trip; the sign is the documented HMAC', () => {
    const et = NOW + 3600;
    const r = runCredentialScheme({
      scheme: 'onenet-token',
      mode: 'sign',
      now: NOW,
      values: { res: 'products/123456', et: String(et), method: 'sha256', key: ONENET_KEY },
    });
    assert.equal(r.ok, true);
    const token = r.outputs.find((o) => o.name === 'token')!.value;
    const expected = createHmac('sha256', Buffer.from(ONENET_KEY, 'base64')).update(`${et}\nsha256\nproducts/123456\n2018-10-31`).digest('base64');
    assert.equal(new URLSearchParams(token).get('sign'), expected);
    const v = runCredentialScheme({ scheme: 'onenet-token', mode: 'verify', now: NOW, values: { token, key: ONENET_KEY, expectedRes: 'products/123456' } });
    assert.equal(v.ok, true, allText(v.findings));
    const wrongRes = runCredentialScheme({
      scheme: 'onenet-token',
      mode: 'verify',
      now: NOW,
      values: { token, key: ONENET_KEY, expectedRes: 'products/654321' },
    });
    assert.ok(
      wrongRes.findings.some((f) => f.problem === 'wrong-resource'),
      allText(wrongRes.findings),
    );
  });

  test('OneNET api-key and MXCHIP token request show the steps with the secrets masked', () => {
    const apiKey = 'madeUpOneNetApiKeyForTests123';
    const a = runCredentialScheme({ scheme: 'onenet-api-key', mode: 'sign', now: NOW, values: { apiKey } });
    assert.equal(a.ok, true);
    assert.match(allText(a.steps), /api-key: made\*\*\*\*/);
    assert.ok(!allText(a).includes(apiKey));
    const secret = 'madeUpMxchipSecretForTests';
    const m = runCredentialScheme({
      scheme: 'mxchip-token',
      mode: 'sign',
      now: NOW,
      values: { clientId: 'id-1', clientSecret: secret, baseUrl: 'https://api.example.com' },
    });
    assert.equal(m.ok, true);
    assert.match(allText(m.steps), /POST https:\/\/api\.example\.com\/v3\/open_api\/token\//);
    assert.match(allText(m.steps), /Bearer/);
    assert.ok(!allText(m).includes(secret));
  });

  test('MXCHIP verify names an expired token and a wrong one', () => {
    const token = 'madeUpAccessToken123';
    const expired = runCredentialScheme({
      scheme: 'mxchip-token',
      mode: 'verify',
      now: NOW,
      values: { authorization: `Bearer ${token}`, accessToken: token, obtainedAt: String(NOW - 700_000), expiresIn: '604800' },
    });
    assert.ok(expired.findings.some((f) => f.problem === 'expired'));
    const wrong = runCredentialScheme({
      scheme: 'mxchip-token',
      mode: 'verify',
      now: NOW,
      values: { authorization: 'Bearer other', accessToken: token, obtainedAt: String(NOW), expiresIn: '604800' },
    });
    assert.ok(wrong.findings.some((f) => f.problem === 'wrong-token'));
    assert.ok(!allText(expired).includes(token) && !allText(wrong).includes(token));
  });

  describe('bad input names the field and what it must be, never throws', () => {
    const cases: Array<[string, Parameters<typeof runCredentialScheme>[0], string, RegExp]> = [
      ['missing required', { scheme: 'mqtt-device', mode: 'sign', now: NOW, values: { deviceName: 'd', devicePsk: PSK } }, 'productId', /required/],
      [
        'PSK not base64',
        { scheme: 'mqtt-device', mode: 'sign', now: NOW, values: { productId: 'ABCDE12345', deviceName: 'd', devicePsk: 'not base64!' } },
        'devicePsk',
        /base64/,
      ],
      [
        'expiry not a number',
        { scheme: 'mqtt-device', mode: 'sign', now: NOW, values: { productId: 'ABCDE12345', deviceName: 'd', devicePsk: PSK, expiry: 'tomorrow' } },
        'expiry',
        /Unix time/,
      ],
      [
        'expiry past',
        { scheme: 'mqtt-device', mode: 'sign', now: NOW, values: { productId: 'ABCDE12345', deviceName: 'd', devicePsk: PSK, expiry: String(NOW - 1) } },
        'expiry',
        /past|ago/,
      ],
      [
        'option outside the set',
        { scheme: 'onenet-token', mode: 'sign', now: NOW, values: { res: 'products/1', et: String(NOW + 9), method: 'SHA256', key: ONENET_KEY } },
        'method',
        /sha256/,
      ],
      ['unknown scheme', { scheme: 'aws' as never, mode: 'sign', now: NOW, values: {} }, 'scheme', /mqtt-device/],
      ['mode not offered', { scheme: 'onenet-api-key', mode: 'verify', now: NOW, values: {} }, 'mode', /sign/],
      [
        'blank required value',
        { scheme: 'mqtt-device', mode: 'sign', now: NOW, values: { productId: '   ', deviceName: 'd', devicePsk: PSK } },
        'productId',
        /required/,
      ],
      [
        'a value that is not a string (from an untrusted page)',
        { scheme: 'mqtt-device', mode: 'sign', now: NOW, values: { productId: 42, deviceName: 'd', devicePsk: PSK } as never },
        'productId',
        /required/,
      ],
      ['values that are not an object', { scheme: 'mqtt-device', mode: 'sign', now: NOW, values: 'productId=1' as never }, 'productId', /required/],
      [
        'token without its times',
        { scheme: 'mxchip-token', mode: 'verify', now: NOW, values: { authorization: 'Bearer x', accessToken: 'x' } },
        'obtainedAt',
        /Unix time/,
      ],
    ];
    for (const [name, run, field, expected] of cases) {
      test(name, () => {
        const r = runCredentialScheme(run);
        assert.equal(r.ok, false);
        assert.equal(r.problem?.field, field);
        assert.match(r.problem!.expected, expected);
        assert.ok(!allText(r).includes(PSK));
      });
    }
  });

  test('every scheme has at least one field per mode, every secret field is marked, names are unique', () => {
    for (const scheme of CREDENTIAL_SCHEMES) {
      for (const mode of scheme.modes) assert.ok(credentialFieldsOf(scheme, mode).length > 0, `${scheme.id} ${mode}`);
      const names = scheme.fields.map((f) => f.name);
      assert.equal(new Set(names).size, names.length, scheme.id);
      for (const f of scheme.fields)
        if (/psk|key|secret|token|authorization|password/i.test(f.name) && !/expected/i.test(f.name))
          assert.ok(f.secret, `${scheme.id}.${f.name} should be secret`);
    }
  });
});
