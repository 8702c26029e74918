import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { SigningInputError } from '../../signing/SigningInputError.js';
import { generateConnId } from './generateConnId.js';
import { signDeviceCredentials } from './signDeviceCredentials.js';

// Made-up PSK (16 bytes, base64), never a real device's.
const PSK = 'bWFkZVVwVGVzdE9ubHlQSw==';
const NOW = 1_700_000_000;
const base = { productId: 'ABCDE12345', deviceName: 'dev_1', devicePsk: PSK, now: NOW, expiry: NOW + 600, connid: 'a1B2c' };

/** The documented formula, written with node:crypto and nothing from the core. */
const reference = (hmac: 'sha256' | 'sha1', username: string) =>
  `${createHmac(hmac, Buffer.from(PSK, 'base64')).update(username, 'utf8').digest('hex')};hmac${hmac}`;

test('HMAC-SHA256 credentials match the formula computed independently', () => {
  const c = signDeviceCredentials(base);
  assert.equal(c.clientId, 'ABCDE12345dev_1');
  assert.equal(c.username, `ABCDE12345dev_1;12010126;a1B2c;${NOW + 600}`);
  assert.equal(c.password, reference('sha256', c.username));
  assert.match(c.password, /^[0-9a-f]{64};hmacsha256$/);
  assert.equal(c.host, 'ABCDE12345.iotcloud.tencentdevices.com');
  assert.equal(c.port, 1883);
});

test('HMAC-SHA1 credentials match the formula computed independently', () => {
  const c = signDeviceCredentials({ ...base, hmac: 'sha1', deviceName: 'sensor:01-a' });
  assert.equal(c.password, reference('sha1', 'ABCDE12345sensor:01-a;12010126;a1B2c;' + (NOW + 600)));
  assert.match(c.password, /^[0-9a-f]{40};hmacsha1$/);
});

test('every step is returned in order, with zh/en rules, and the PSK never appears in any step', () => {
  const c = signDeviceCredentials(base);
  assert.deepEqual(
    c.steps.map((s) => s.id),
    ['clientId', 'username', 'devicePskBytes', 'signature', 'password', 'broker', 'shape'],
  );
  assert.equal(c.steps.find((s) => s.id === 'devicePskBytes')!.value, '16 bytes');
  assert.equal(c.steps.find((s) => s.id === 'signature')!.value + ';hmacsha256', c.password);
  for (const step of c.steps) {
    assert.ok(step.title.en && step.title.zh && step.rule.en && step.rule.zh, step.id);
    assert.ok(!step.value.includes(PSK) && !step.value.includes(Buffer.from(PSK, 'base64').toString('hex')), step.id);
  }
});

test('the connid comes from the injected random source: deterministic, 5 alphanumerics', () => {
  const fixed = () => 0.5;
  const a = signDeviceCredentials({ ...base, connid: undefined, random: fixed });
  assert.equal(a.connid, generateConnId(fixed));
  assert.match(a.connid, /^[A-Za-z0-9]{5}$/);
  assert.equal(
    generateConnId(() => 0),
    'AAAAA',
  );
  assert.equal(
    generateConnId(() => 0.9999999),
    '99999',
  );
  // floor(r * 62) indexes A-Z a-z 0-9: 0 → A, 0.5 → 31 → f, 0.99 → 61 → 9, 0.25 → 15 → P, 0.75 → 46 → u.
  const seq = [0, 0.5, 0.99, 0.25, 0.75];
  let i = 0;
  assert.equal(
    generateConnId(() => seq[i++]!),
    'Af9Pu',
  );
});

test('the expiry defaults to now + 3600', () => {
  assert.equal(signDeviceCredentials({ ...base, expiry: undefined }).expiry, NOW + 3600);
});

test('bad input names the field and never repeats the PSK', () => {
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ devicePsk: 'not base64!' }, 'devicePsk', /DefinedPskNotBase64/],
    [{ devicePsk: PSK + '\n' }, 'devicePsk', /whitespace/],
    [{ devicePsk: 'bWFkZVVwVGVzdE9ubHlQSw' }, 'devicePsk', /multiple of 4/],
    [{ devicePsk: 'ab-_ab-_' }, 'devicePsk', /URL-safe/],
    [{ devicePsk: '' }, 'devicePsk', /non-empty/],
    [{ productId: '' }, 'productId', /empty/],
    [{ productId: 'abcde12345' }, 'productId', /upper-case/],
    [{ deviceName: '' }, 'deviceName', /empty/],
    [{ deviceName: 'has space' }, 'deviceName', /1 to 48/],
    [{ deviceName: 'x'.repeat(49) }, 'deviceName', /1 to 48/],
    [{ expiry: NOW - 1 }, 'expiry', /already past/],
    [{ expiry: NOW }, 'expiry', /already past/],
    [{ expiry: (NOW + 600) * 1000 }, 'expiry', /milliseconds/],
    [{ expiry: 3600 }, 'expiry', /lifetime/],
    [{ expiry: 'tomorrow' }, 'expiry', /"never" or a Unix time/],
    [{ expiry: String((NOW + 600) * 1000) }, 'expiry', /milliseconds/],
    [{ sdkAppId: '12010127' }, 'sdkAppId', /12010126 or 21010406/],
    [{ hmac: 'md5' }, 'hmac', /sha256/],
    [{ connid: 'abc' }, 'connid', /5 letters/],
  ];
  for (const [override, field, message] of cases) {
    assert.throws(
      () => signDeviceCredentials({ ...base, ...override } as never),
      (e: unknown) => e instanceof SigningInputError && e.field === field && message.test(e.message) && !e.message.includes(PSK),
      `${JSON.stringify(override)} → ${field}`,
    );
  }
});

test('a past expiry can be reproduced on purpose (allowPastExpiry)', () => {
  const c = signDeviceCredentials({ ...base, expiry: NOW - 10, allowPastExpiry: true });
  assert.equal(c.password, reference('sha256', `ABCDE12345dev_1;12010126;a1B2c;${NOW - 10}`));
});
