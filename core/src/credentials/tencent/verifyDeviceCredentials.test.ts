import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { SigningInputError } from '../../signing/SigningInputError.js';
import { verifyDeviceCredentials } from './verifyDeviceCredentials.js';

// Made-up PSK, 16 bytes base64.
const PSK = 'bWFkZVVwVGVzdE9ubHlQSw==';
const NOW = 1_700_000_000;
const USERNAME = `ABCDE12345dev_1;12010126;a1B2c;${NOW + 600}`;

/** Independent password makers, each following the formula or one mistake in it, with node:crypto only. */
const hmacHex = (alg: 'sha256' | 'sha1', key: Buffer, text: string) => createHmac(alg, key).update(text, 'utf8').digest('hex');
const rightKey = Buffer.from(PSK, 'base64');
const rawTextKey = Buffer.from(PSK, 'utf8');

const verify = (username: string, password: string, extra: Record<string, unknown> = {}) =>
  verifyDeviceCredentials({ username, password, devicePsk: PSK, now: NOW, ...extra });
const problems = (v: ReturnType<typeof verify>) => v.findings.map((f) => `${f.problem}@${f.field}`).sort();

test('right sha256 and sha1 credentials are ok', () => {
  for (const alg of ['sha256', 'sha1'] as const) {
    const v = verify(USERNAME, `${hmacHex(alg, rightKey, USERNAME)};hmac${alg}`, { productId: 'ABCDE12345', deviceName: 'dev_1', clientId: 'ABCDE12345dev_1' });
    assert.equal(v.ok, true, JSON.stringify(v.findings));
    assert.deepEqual(v.findings, []);
    assert.equal(v.parsed.hmac, alg);
    assert.equal(v.parsed.connid, 'a1B2c');
    assert.equal(v.parsed.expiry, NOW + 600);
  }
});

test('mistake: expiry already past → expired, even with a right signature', () => {
  const username = `ABCDE12345dev_1;12010126;a1B2c;${NOW - 1}`;
  const v = verify(username, `${hmacHex('sha256', rightKey, username)};hmacsha256`);
  assert.equal(v.ok, false);
  assert.deepEqual(problems(v), ['expired@username.expiry']);
  assert.match(v.findings[0]!.message.en, /2023-11-14T22:13:19Z/);
});

test('mistake: signed with HMAC-SHA1 but suffixed ;hmacsha256 → wrong-method', () => {
  const v = verify(USERNAME, `${hmacHex('sha1', rightKey, USERNAME)};hmacsha256`);
  assert.deepEqual(problems(v), ['wrong-method@password.suffix']);
  assert.match(v.findings[0]!.message.en, /HMAC-SHA1.*;hmacsha256/);
});

test('mistake: signed with HMAC-SHA256 but suffixed ;hmacsha1 → wrong-method', () => {
  const v = verify(USERNAME, `${hmacHex('sha256', rightKey, USERNAME)};hmacsha1`);
  assert.deepEqual(problems(v), ['wrong-method@password.suffix']);
});

test('mistake: HMAC keyed by the base64 text, not the decoded bytes → key-not-base64-decoded', () => {
  const v = verify(USERNAME, `${hmacHex('sha256', rawTextKey, USERNAME)};hmacsha256`);
  assert.deepEqual(problems(v), ['key-not-base64-decoded@password.signature']);
  const both = verify(USERNAME, `${hmacHex('sha1', rawTextKey, USERNAME)};hmacsha256`);
  assert.deepEqual(problems(both), ['key-not-base64-decoded@password.signature', 'wrong-method@password.suffix']);
});

test('mistake: username for another device than ProductId+DeviceName → client-id-mismatch', () => {
  const password = `${hmacHex('sha256', rightKey, USERNAME)};hmacsha256`;
  const other = verify(USERNAME, password, { productId: 'ABCDE12345', deviceName: 'dev_2' });
  assert.deepEqual(problems(other), ['client-id-mismatch@username.clientId']);
  assert.match(other.findings[0]!.message.en, /another device: DeviceName "dev_1", not "dev_2"/);
  assert.doesNotMatch(other.findings[0]!.message.en, /ProductId/, 'only the part that differs is named');
  const otherProduct = verify(USERNAME, password, { productId: 'ZZZZZ00000', deviceName: 'dev_1' });
  assert.match(otherProduct.findings[0]!.message.en, /ProductId "ABCDE12345", not "ZZZZZ00000"/);
  assert.match(otherProduct.findings[0]!.message.zh, /产品 ID 为 "ABCDE12345"/);
  assert.deepEqual(problems(verify(USERNAME, password, { clientId: 'ABCDE12345dev_2' })), ['client-id-mismatch@clientId']);
});

test('mistake: malformed usernames name the part', () => {
  const sign = (u: string) => `${hmacHex('sha256', rightKey, u)};hmacsha256`;
  const cases: [string, string[]][] = [
    [`ABCDE12345dev_1;12010126;a1B2c`, ['malformed-username@username']],
    [`ABCDE12345dev_1;12010127;a1B2c;${NOW + 600}`, ['malformed-username@username.sdkappid']],
    [`ABCDE12345dev_1;12010126;a1B2;${NOW + 600}`, ['malformed-username@username.connid']],
    // 13 digits are the Python SDK's milliseconds (accepted, see mqttCredentialShapes.test.ts); 12 and 14 are no SDK's.
    [`ABCDE12345dev_1;12010126;a1B2c;${(NOW + 600) * 100}`, ['malformed-username@username.expiry']],
    [`ABCDE12345dev_1;12010126;a1B2c;${(NOW + 600) * 10000}`, ['malformed-username@username.expiry']],
    [`ABCDE12345dev_1;12010126;a1B2c;soon`, ['malformed-username@username.expiry']],
    [`abc;12010126;a1B2c;${NOW + 600}`, ['malformed-username@username.clientId']],
  ];
  for (const [username, expected] of cases) assert.deepEqual(problems(verify(username, sign(username))), expected, username);
});

test('mistake: password without or with a wrong suffix → malformed-password', () => {
  const hex = hmacHex('sha256', rightKey, USERNAME);
  assert.deepEqual(problems(verify(USERNAME, hex)), ['malformed-password@password.suffix']);
  assert.deepEqual(problems(verify(USERNAME, `${hex};HMACSHA256`)), ['malformed-password@password.suffix']);
  assert.deepEqual(problems(verify(USERNAME, `${hex.toUpperCase()};hmacsha256`)), ['malformed-password@password.signature']);
});

test('mistake: another PSK or a username edited after signing → signature-mismatch', () => {
  const otherKey = Buffer.from('anotherMadeUpKey', 'utf8');
  assert.deepEqual(problems(verify(USERNAME, `${hmacHex('sha256', otherKey, USERNAME)};hmacsha256`)), ['signature-mismatch@password.signature']);
  const edited = USERNAME.replace('a1B2c', 'zzzzz');
  assert.deepEqual(problems(verify(edited, `${hmacHex('sha256', rightKey, USERNAME)};hmacsha256`)), ['signature-mismatch@password.signature']);
  // A SHA-1-long signature under a ;hmacsha256 suffix, from a wrong key: both named.
  assert.deepEqual(problems(verify(USERNAME, `${hmacHex('sha1', otherKey, USERNAME)};hmacsha256`)), [
    'signature-mismatch@password.signature',
    'wrong-method@password.suffix',
  ]);
});

test('the expected password and recomputed steps are returned; the PSK is not in them', () => {
  const v = verify(USERNAME, 'deadbeef;hmacsha256');
  assert.equal(v.expectedPassword, `${hmacHex('sha256', rightKey, USERNAME)};hmacsha256`);
  assert.equal(v.steps.find((s) => s.id === 'broker')!.value, 'ABCDE12345.iotcloud.tencentdevices.com:1883');
  assert.ok(v.steps.every((s) => !s.value.includes(PSK)));
  assert.ok(v.findings.every((f) => !f.message.en.includes(PSK) && !f.message.zh.includes(PSK)));
});

test('bad input to verify names the field', () => {
  const ok = `${hmacHex('sha256', rightKey, USERNAME)};hmacsha256`;
  for (const [input, field] of [
    [{ username: '', password: ok, devicePsk: PSK, now: NOW }, 'username'],
    [{ username: USERNAME, password: '', devicePsk: PSK, now: NOW }, 'password'],
    [{ username: USERNAME, password: ok, devicePsk: 'no base64', now: NOW }, 'devicePsk'],
    [{ username: USERNAME, password: ok, devicePsk: PSK, now: Date.now() }, 'now'],
  ] as const) {
    assert.throws(
      () => verifyDeviceCredentials(input),
      (e: unknown) => e instanceof SigningInputError && e.field === field,
      field,
    );
  }
});
