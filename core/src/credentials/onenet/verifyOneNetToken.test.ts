import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { SigningInputError } from '../../signing/SigningInputError.js';
import { verifyOneNetToken } from './verifyOneNetToken.js';

const KEY = Buffer.from('madeUpOneNetAccessKeyForTests!!!').toString('base64');
const NOW = 1_700_000_000;
const ET = NOW + 3600;
const RES = 'products/123456/devices/dev-01';
type Method = 'md5' | 'sha1' | 'sha256';

/** Independent token maker with knobs for each mistake, node:crypto only. */
function makeToken(
  o: {
    res?: string;
    et?: number;
    method?: Method;
    hmac?: Method;
    methodInString?: string;
    resInString?: string;
    rawKey?: boolean;
    encode?: 'once' | 'none' | 'twice' | 'res-raw' | 'sign-raw';
    version?: string;
  } = {},
): string {
  const res = o.res ?? RES;
  const et = o.et ?? ET;
  const method = o.method ?? 'sha256';
  const version = o.version ?? '2018-10-31';
  const key = o.rawKey ? Buffer.from(KEY, 'utf8') : Buffer.from(KEY, 'base64');
  const sign = createHmac(o.hmac ?? method, key)
    .update(`${et}\n${o.methodInString ?? method}\n${o.resInString ?? res}\n${version}`)
    .digest('base64');
  const once = (v: string) => encodeURIComponent(v);
  const mode = o.encode ?? 'once';
  const e = (name: string, v: string) => {
    if (mode === 'none' || (mode === 'res-raw' && name === 'res') || (mode === 'sign-raw' && name === 'sign')) return v;
    return mode === 'twice' ? once(once(v)) : once(v);
  };
  return `version=${e('version', version)}&res=${e('res', res)}&et=${et}&method=${method}&sign=${e('sign', sign)}`;
}

const verify = (token: string, extra: Record<string, unknown> = {}) => verifyOneNetToken({ token, key: KEY, now: NOW, ...extra });
const problems = (token: string, extra: Record<string, unknown> = {}) =>
  verify(token, extra)
    .findings.map((f) => `${f.problem}@${f.field}`)
    .sort();

test('right tokens for each method, product- and device-level, are ok', () => {
  for (const method of ['md5', 'sha1', 'sha256'] as const) {
    for (const res of ['products/123456', RES]) {
      const v = verify(makeToken({ method, res }), { expectedRes: res });
      assert.equal(v.ok, true, `${method} ${res}: ${JSON.stringify(v.findings)}`);
      assert.equal(v.parsed.res, res);
      assert.equal(v.expectedToken, makeToken({ method, res }));
    }
  }
});

test('mistake: et already past → expired', () => {
  assert.deepEqual(problems(makeToken({ et: NOW - 60 })), ['expired@et']);
});

test('mistake: token for another res than expected → wrong-resource', () => {
  assert.deepEqual(problems(makeToken({ res: 'products/123456/devices/dev-02' }), { expectedRes: RES }), ['wrong-resource@res']);
  assert.deepEqual(problems(makeToken({ res: 'products/123456/device/dev-01' })), ['wrong-resource@res']);
});

test('mistake: sign computed for the product-level res under a device-level token → wrong-resource', () => {
  assert.deepEqual(problems(makeToken({ resInString: 'products/123456' })), ['wrong-resource@res']);
  const v = verify(makeToken({ resInString: 'products/123456' }));
  assert.match(v.findings[0]!.message.en, /computed for res "products\/123456"/);
});

test('mistake: token says sha256 but the sign is HMAC-SHA1 → wrong-method', () => {
  assert.deepEqual(problems(makeToken({ method: 'sha256', hmac: 'sha1' })), ['wrong-method@method']);
  assert.match(verify(makeToken({ method: 'sha256', hmac: 'sha1' })).findings[0]!.message.en, /HMAC-SHA1.*method=sha256/);
});

test('mistake: method changed after signing (sign made for md5 throughout) → wrong-method', () => {
  const token = makeToken({ method: 'sha1', hmac: 'md5', methodInString: 'md5' });
  assert.deepEqual(problems(token), ['wrong-method@method']);
  assert.match(verify(token).findings[0]!.message.en, /computed for method=md5/);
});

test('mistake: HMAC keyed by the base64 text → key-not-base64-decoded', () => {
  assert.deepEqual(problems(makeToken({ rawKey: true })), ['key-not-base64-decoded@sign']);
  assert.deepEqual(problems(makeToken({ rawKey: true, hmac: 'md5' })), ['key-not-base64-decoded@sign', 'wrong-method@method']);
});

test('mistake: sign not URL-encoded → wrong-url-encoding on sign', () => {
  // Every HMAC's base64 ends in "=" padding, so an unencoded sign always shows.
  assert.deepEqual(problems(makeToken({ encode: 'sign-raw' })), ['wrong-url-encoding@sign']);
});

test('mistake: res not URL-encoded → wrong-url-encoding on res', () => {
  assert.deepEqual(problems(makeToken({ encode: 'res-raw' })), ['wrong-url-encoding@res']);
  assert.deepEqual(problems(makeToken({ encode: 'none' })), ['wrong-url-encoding@res', 'wrong-url-encoding@sign']);
});

test('mistake: values URL-encoded twice → wrong-url-encoding, and the rest still checked', () => {
  const v = verify(makeToken({ encode: 'twice' }));
  assert.deepEqual(v.findings.map((f) => `${f.problem}@${f.field}`).sort(), ['wrong-url-encoding@res', 'wrong-url-encoding@sign']);
  assert.equal(v.parsed.res, RES);
});

test('mistake: the string to sign used the URL-encoded res → wrong-url-encoding on the string to sign', () => {
  assert.deepEqual(problems(makeToken({ resInString: encodeURIComponent(RES) })), ['wrong-url-encoding@stringToSign.res']);
});

test('mistake: "+" in sign read as spaces → wrong-url-encoding, the HMAC still checked', () => {
  // Find an et whose sign contains "+", then send it raw and decode "+" as a form decoder would.
  let et = ET;
  while (!decodeURIComponent(makeToken({ et }).split('&sign=')[1]!).includes('+')) et++;
  const signRaw = decodeURIComponent(makeToken({ et }).split('&sign=')[1]!);
  const token = makeToken({ et }).replace(/&sign=.*$/, '&sign=' + encodeURIComponent(signRaw.replace(/\+/g, ' ')));
  assert.deepEqual(problems(token), ['wrong-url-encoding@sign']);
});

test('mistake: another key → signature-mismatch; malformed tokens name the part', () => {
  const other = verifyOneNetToken({ token: makeToken(), key: Buffer.from('anotherMadeUpKey').toString('base64'), now: NOW });
  assert.deepEqual(
    other.findings.map((f) => f.problem),
    ['signature-mismatch'],
  );
  assert.deepEqual(problems(makeToken().replace(/&sign=.*$/, '')), ['malformed-token@sign']);
  assert.deepEqual(problems(makeToken({ version: '2018-10-30' })), ['malformed-token@version']);
  // Signed with "sha256" in the string to sign, sent as SHA256: both the shape and the mismatch are named.
  assert.deepEqual(problems(makeToken().replace('method=sha256', 'method=SHA256')), ['malformed-token@method', 'wrong-method@method']);
  assert.deepEqual(problems(makeToken() + '&extra'), ['malformed-token@token']);
  assert.deepEqual(problems(makeToken().replace(`et=${ET}`, `et=${ET}000`)), ['malformed-token@et', 'signature-mismatch@sign']);
});

test('a sign of the wrong length under a wrong key names the method too', () => {
  const token = makeToken({ hmac: 'md5' }).replace(/&sign=.*$/, '&sign=' + encodeURIComponent(createHmac('md5', 'x').update('y').digest('base64')));
  assert.deepEqual(problems(token), ['signature-mismatch@sign', 'wrong-method@method']);
});

test('bad input to verify names the field; the key never appears in findings or steps', () => {
  assert.throws(
    () => verifyOneNetToken({ token: '', key: KEY, now: NOW }),
    (e: unknown) => e instanceof SigningInputError && e.field === 'token',
  );
  assert.throws(
    () => verifyOneNetToken({ token: makeToken(), key: 'no base64', now: NOW }),
    (e: unknown) => e instanceof SigningInputError && e.field === 'key',
  );
  const v = verify(makeToken({ rawKey: true }));
  assert.ok(v.steps.every((s) => !s.value.includes(KEY)));
  assert.ok(v.findings.every((f) => !f.message.en.includes(KEY) && !f.message.zh.includes(KEY)));
});

test('a token holding a lone surrogate is refused naming the token; readOneNetToken reports it as a finding of that parameter', async () => {
  const { readOneNetToken } = await import('./readOneNetToken.js');
  const token = 'version=2018-10-31&res=products%2Fp\uD800&et=4102444800&method=sha1&sign=abc';
  assert.throws(
    () => verifyOneNetToken({ token, key: 'VOQmAku7T1haYaiV7LJfmg==', now: 1700000000 }),
    (error: unknown) => error instanceof SigningInputError && error.field === 'token' && /lone UTF-16 surrogate U\+D800 at index 35/.test(error.message),
  );
  const read = readOneNetToken(token);
  assert.ok(
    read.findings.some((f) => f.field === 'res' && /lone UTF-16 surrogate U\+D800 at index 12/.test(f.message.en)),
    JSON.stringify(read.findings),
  );
});
