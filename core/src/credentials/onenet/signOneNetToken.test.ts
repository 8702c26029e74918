import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { SigningInputError } from '../../signing/SigningInputError.js';
import { buildOneNetApiKeyRequest } from './oneNetApiKeyRequest.js';
import { signOneNetToken } from './signOneNetToken.js';

// Made-up access key (32 bytes, base64), not anyone's real key.
const KEY = Buffer.from('madeUpOneNetAccessKeyForTests!!!').toString('base64');
const NOW = 1_700_000_000;
const ET = NOW + 3600;

/** The documented formula, written with node:crypto and URLSearchParams-free encoding, nothing from the core. */
function referenceToken(res: string, et: number, method: 'md5' | 'sha1' | 'sha256'): string {
  const version = '2018-10-31';
  const sign = createHmac(method, Buffer.from(KEY, 'base64')).update(`${et}\n${method}\n${res}\n${version}`, 'utf8').digest('base64');
  const enc = (v: string) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `version=${enc(version)}&res=${enc(res)}&et=${et}&method=${method}&sign=${enc(sign)}`;
}

for (const method of ['md5', 'sha1', 'sha256'] as const) {
  for (const res of ['products/123456', 'products/123456/devices/dev-01']) {
    test(`${method} token for ${res} matches the formula computed independently`, () => {
      const t = signOneNetToken({ res, et: ET, method, key: KEY, now: NOW });
      assert.equal(t.token, referenceToken(res, ET, method));
      assert.equal(t.stringToSign, `${ET}\n${method}\n${res}\n2018-10-31`);
      assert.ok(t.token.includes('res=products%2F123456'), 'res is URL-encoded');
      assert.doesNotMatch(t.token.split('&sign=')[1]!, /[+/=]/, 'sign is URL-encoded');
    });
  }
}

test('every step is returned with zh/en rules; the key never appears', () => {
  const t = signOneNetToken({ res: 'products/123456', et: ET, method: 'sha256', key: KEY, now: NOW });
  assert.deepEqual(
    t.steps.map((s) => s.id),
    ['res', 'keyBytes', 'stringToSign', 'sign', 'token'],
  );
  assert.equal(t.steps[1]!.value, '32 bytes');
  for (const step of t.steps) {
    assert.ok(step.title.zh && step.title.en && step.rule.zh && step.rule.en);
    assert.ok(!step.value.includes(KEY));
  }
});

test('bad input names the field and never repeats the key', () => {
  const base = { res: 'products/123456', et: ET, method: 'sha256', key: KEY, now: NOW };
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ key: 'not base64!' }, 'key', /base64/],
    [{ key: '' }, 'key', /non-empty/],
    [{ res: '' }, 'res', /empty/],
    [{ res: 'products%2F123456' }, 'res', /raw/],
    [{ res: 'devices/1' }, 'res', /products/],
    [{ res: 'products/' }, 'res', /products/],
    [{ et: NOW - 5 }, 'et', /already past/],
    [{ et: ET * 1000 }, 'et', /milliseconds/],
    [{ method: 'SHA256' }, 'method', /lower case/],
    [{ method: 'sha512' }, 'method', /md5/],
  ];
  for (const [override, field, message] of cases) {
    assert.throws(
      () => signOneNetToken({ ...base, ...override } as never),
      (e: unknown) => e instanceof SigningInputError && e.field === field && message.test(e.message) && !e.message.includes(KEY),
      JSON.stringify(override),
    );
  }
});

test('api-key scheme: header and PUT /keys/{key} to send, key masked in every step', () => {
  const apiKey = 'AvMadeUpApiKey/ForTests+xRHxA=';
  const r = buildOneNetApiKeyRequest({ apiKey });
  assert.equal(r.method, 'PUT');
  assert.deepEqual(r.headers, { 'api-key': apiKey });
  // "/" escaped (it would end the segment), "+" and "=" raw as in the doc's example.
  assert.equal(r.url, 'http://api.onenet.hk.chinamobile.com/keys/AvMadeUpApiKey%2FForTests+xRHxA=');
  assert.deepEqual(
    r.steps.map((s) => s.value),
    ['api-key: AvMa****', 'PUT http://api.onenet.hk.chinamobile.com/keys/AvMa****'],
  );
  const other = buildOneNetApiKeyRequest({ apiKey, keyToUpdate: 'OtherMadeUpKey=' });
  assert.equal(other.url, 'http://api.onenet.hk.chinamobile.com/keys/OtherMadeUpKey=');
  assert.throws(
    () => buildOneNetApiKeyRequest({ apiKey: '' }),
    (e: unknown) => e instanceof SigningInputError && e.field === 'apiKey',
  );
  assert.throws(
    () => buildOneNetApiKeyRequest({ apiKey: apiKey + '\n' }),
    (e: unknown) => e instanceof SigningInputError && e.field === 'apiKey' && !e.message.includes(apiKey),
  );
});
