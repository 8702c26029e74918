import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { DIAGNOSIS_CAUSES, diagnose, type CapturedRequest, type Diagnosis, type DiagnosisCauseId, type DiagnosisInput } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';
import { referenceV1, rfc3986 } from './referenceSigners.js';
import { sdkSign } from '../support/tencentSdk.js';

// One test per known v1 mistake: the wrong sign string and signature are built here by hand and node:crypto,
// the request carries what was sent, and the diagnosis must name the mistake.
const KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const HOST = 'iotcloud.tencentcloudapi.com';
const TS = 1465185768;
const PARAMS: [string, string][] = [
  ['Action', 'DescribeDevices'],
  ['Version', '2021-04-08'],
  ['Timestamp', String(TS)],
  ['Nonce', '11886'],
  ['SecretId', SECRET_ID],
  ['Region', 'ap-guangzhou'],
  ['ProductId', 'ABCDEFGHIJ'],
  ['DeviceName', '温度计 1+2'],
  // Indexed names: DeviceNames.12 sorts before DeviceNames.2 in ASCII.
  ...Array.from({ length: 13 }, (_, i): [string, string] => [`DeviceNames.${i}`, `dev-${i}`]),
  ['limit', '10'],
];

const ascii = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const requestString = (params: readonly [string, string][]) => params.map(([k, v]) => `${k}=${v}`).join('&');
const sortedAscii = (params: readonly [string, string][]) => [...params].sort(([a], [b]) => ascii(a, b));
const signString = (params: readonly [string, string][], method = 'GET', host = HOST, path = '/') =>
  `${method}${host}${path}?${requestString(sortedAscii(params))}`;

interface V1Scenario {
  params?: [string, string][];
  method?: 'GET' | 'POST';
  /** The sign string the client computed; default the right one over the params sent. */
  signed?: string;
  algorithm?: 'HmacSHA1' | 'HmacSHA256';
  key?: string;
  encodeSignature?: (signature: string) => string;
  input?: Partial<DiagnosisInput>;
}

const covered = new Set<DiagnosisCauseId>();
let runs = 0;

function request(s: V1Scenario): CapturedRequest {
  const params = s.params ?? PARAMS;
  const method = s.method ?? 'GET';
  const algorithm = s.algorithm ?? (params.some(([k, v]) => k === 'SignatureMethod' && v === 'HmacSHA256') ? 'HmacSHA256' : 'HmacSHA1');
  const signature = referenceV1(algorithm, s.key ?? KEY, s.signed ?? signString(params, method));
  const query = `${params.map(([k, v]) => `${k}=${rfc3986(v)}`).join('&')}&Signature=${(s.encodeSignature ?? rfc3986)(signature)}`;
  return method === 'GET'
    ? { method, url: `https://${HOST}/?${query}`, headers: [{ name: 'Host', value: HOST }], body: '' }
    : {
        method,
        url: `https://${HOST}/`,
        headers: [
          { name: 'Host', value: HOST },
          { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
        ],
        body: query,
      };
}

const run = (s: V1Scenario): Diagnosis => diagnose({ request: request(s), secretKey: KEY, ...s.input }, runs++ % 2 === 0 ? { crypto: nodeHashProvider } : {});

function expectCause(d: Diagnosis, cause: DiagnosisCauseId, evidence = 'signature-reproduced'): void {
  assert.equal(d.cause, cause, `${d.cause}: ${d.explanation.en}`);
  assert.equal(d.findings[0]!.evidence, evidence);
  assert.ok(d.explanation.en.includes('The doc: "') && d.explanation.zh.includes('文档原文：“'));
  assert.ok(!JSON.stringify(d).includes(KEY), 'the SecretKey never appears in a diagnosis');
  covered.add(cause);
}

test('a correct v1 request matches (HmacSHA1 and HmacSHA256, GET and POST), and agrees with the official SDK', () => {
  const sha1 = run({});
  assert.equal(sha1.match, true, sha1.explanation.en);
  assert.equal(sha1.scheme, 'HmacSHA1');
  assert.equal(sha1.expectedSignature, sdkSign.sign(KEY, signString(PARAMS), 'HmacSHA1'));
  const sha256 = run({ params: [...PARAMS, ['SignatureMethod', 'HmacSHA256']], method: 'POST' });
  assert.equal(sha256.match, true, sha256.explanation.en);
  assert.equal(sha256.scheme, 'HmacSHA256');
  assert.equal(sha256.cause, null);
});

test('parameters sorted numerically, case-insensitively, or not at all', () => {
  const numeric = [...PARAMS].sort(([a], [b]) => numericThenAscii(a, b));
  const d = run({ signed: `GET${HOST}/?${requestString(numeric)}` });
  expectCause(d, 'v1-params-sorted-numerically');
  assert.equal(d.firstDifferingStep?.part, 'request string (sorted name=value pairs)');
  const ignoringCase = [...PARAMS].sort(([a], [b]) => ascii(a.toLowerCase(), b.toLowerCase()));
  expectCause(run({ signed: `GET${HOST}/?${requestString(ignoringCase)}` }), 'v1-params-sorted-case-insensitively');
  expectCause(run({ signed: `GET${HOST}/?${requestString(PARAMS)}` }), 'v1-params-not-sorted');
});

/** DeviceNames.2 before DeviceNames.12, otherwise ASCII. */
function numericThenAscii(a: string, b: string): number {
  const [, pa = a, na] = /^(.*?)(\d+)$/.exec(a) ?? [];
  const [, pb = b, nb] = /^(.*?)(\d+)$/.exec(b) ?? [];
  if (na !== undefined && nb !== undefined && pa === pb) return Number(na) - Number(nb);
  return ascii(a, b);
}

test('values URL-encoded inside the sign string', () => {
  const encoded = sortedAscii(PARAMS).map(([k, v]): [string, string] => [k, rfc3986(v)]);
  const d = run({ signed: `GET${HOST}/?${requestString(encoded)}` });
  expectCause(d, 'v1-values-url-encoded');
  assert.match(d.firstDifferingStep?.diff?.got ?? '', /%E6%B8%A9/);
});

test('the Signature URL-encoded twice (a library encoding an already encoded value)', () => {
  const d = run({ encodeSignature: (s) => rfc3986(rfc3986(s)) });
  expectCause(d, 'v1-signature-double-encoded');
  assert.equal(d.match, false);
  assert.equal(d.firstDifferingStep?.step, 'query');
  assert.match(d.explanation.en, /%25/);
});

test('wrong method, host or path in the sign string', () => {
  expectCause(run({ method: 'POST', signed: signString(PARAMS, 'GET') }), 'v1-wrong-method-host-path');
  expectCause(run({ signed: signString(PARAMS, 'GET', `https://${HOST}`) }), 'v1-wrong-method-host-path');
  expectCause(run({ signed: signString(PARAMS, 'GET', HOST, '') }), 'v1-wrong-method-host-path');
  expectCause(run({ signed: signString(PARAMS, 'get') }), 'v1-wrong-method-host-path');
});

test('HmacSHA256 computed but SignatureMethod not sent (the server then verifies HmacSHA1)', () => {
  expectCause(run({ algorithm: 'HmacSHA256' }), 'v1-hmacsha256-without-signature-method');
  expectCause(run({ algorithm: 'HmacSHA256', signed: signString([...PARAMS, ['SignatureMethod', 'HmacSHA256']]) }), 'v1-hmacsha256-without-signature-method');
  expectCause(run({ params: [...PARAMS, ['SignatureMethod', 'HmacSHA256']], algorithm: 'HmacSHA1' }), 'v1-signature-method-mismatch');
});

test('a parameter added after signing (Token)', () => {
  const withToken: [string, string][] = [...PARAMS, ['Token', 'made-up-session-token']];
  const d = run({ params: withToken, signed: signString(PARAMS) });
  expectCause(d, 'v1-param-added-after-signing');
  assert.match(d.explanation.en, /without Token/);
});

test('the Timestamp sent is not the one signed (the clock read twice): found by the exact search, POST too', () => {
  const signedParams = PARAMS.map(([k, v]): [string, string] => (k === 'Timestamp' ? [k, String(TS - 45)] : [k, v]));
  for (const method of ['GET', 'POST'] as const) {
    const d = run({ method, signed: signString(signedParams, method) });
    expectCause(d, 'v1-timestamp-mismatch');
    assert.match(d.verdict.headline.en, new RegExp(`Timestamp signed at ${TS - 45}, sent ${TS}: 45 s later`));
    assert.equal(d.firstDifferingStep?.step, 'stringToSign');
  }
});

test("official SDK: a POST over v1's 1 MB limit is named even with a correct signature (the cloud asks for TC3)", () => {
  const params: [string, string][] = [...PARAMS.filter(([k]) => !k.startsWith('DeviceNames')), ['Data', 'a'.repeat(1024 * 1024)]];
  const signature = sdkSign.sign(KEY, signString(params, 'POST'), 'HmacSHA1');
  const body = `${params.map(([k, v]) => `${k}=${rfc3986(v)}`).join('&')}&Signature=${rfc3986(signature)}`;
  const d = diagnose({
    request: { method: 'POST', url: `https://${HOST}/`, headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }], body },
    secretKey: KEY,
  });
  assert.equal(d.match, true);
  expectCause(d, 'v1-body-over-limit', 'request');
  assert.match(d.verdict.headline.en, /over signature v1's limit of 1 MB/);
  assert.match(d.verdict.fix!.en, /TC3-HMAC-SHA256/);
  assert.equal(run({}).ruledOut.includes('v1-body-over-limit'), true, 'a small request is not over the limit');
});

test('official SDK: a SecretId signed with a leading space and sent without; a value sent with spaces and signed trimmed', () => {
  const spaced = PARAMS.map(([k, v]): [string, string] => (k === 'SecretId' ? [k, ` ${v}`] : [k, v]));
  const signed = sdkSign.sign(KEY, signString(spaced), 'HmacSHA1');
  assert.equal(signed, referenceV1('HmacSHA1', KEY, signString(spaced)));
  const d = run({ signed: signString(spaced) });
  expectCause(d, 'v1-value-whitespace');
  assert.match(d.verdict.headline.en, /SecretId was signed with a leading space/);
  const sentSpaced = PARAMS.map(([k, v]): [string, string] => (k === 'ProductId' ? [k, `${v} `] : [k, v]));
  const trimmed = run({ params: sentSpaced, signed: signString(PARAMS) });
  expectCause(trimmed, 'v1-value-whitespace');
});

test('shared mistakes in v1: SecretKey whitespace, SecretId as the key, clock skew, token evidence', () => {
  expectCause(run({ key: KEY + '\n' }), 'secret-key-whitespace');
  expectCause(run({ key: SECRET_ID }), 'secret-id-key-swapped');
  const leaked = run({ params: PARAMS.map(([k, v]): [string, string] => [k, k === 'SecretId' ? KEY : v]) });
  expectCause(leaked, 'secret-id-key-swapped', 'request');
  expectCause(run({ input: { sentAt: TS + 3600 } }), 'clock-skew', 'sent-time');
  expectCause(run({ input: { errorCode: 'AuthFailure.SecretIdNotFound' } }), 'temporary-key-without-token', 'server-error-code');
  expectCause(run({ params: [...PARAMS, ['Token', 't']], input: { errorCode: 'AuthFailure.TokenFailure' } }), 'long-term-key-with-token', 'server-error-code');
});

test('the pasted sign string is compared character by character; nothing reproducible is said honestly', () => {
  const theirs = `GET${HOST}/?${requestString(sortedAscii(PARAMS).map(([k, v]): [string, string] => [k, rfc3986(v)]))}`;
  const d = run({ signed: theirs, input: { stringToSign: theirs } });
  assert.equal(d.firstDifferingStep?.source, 'supplied');
  assert.equal(d.firstDifferingStep?.part, 'request string (sorted name=value pairs)');
  const unknown = run({ key: 'anotherMadeUpSecretKeyEXAMPLE000' });
  assert.equal(unknown.cause, null);
  assert.match(unknown.explanation.en, /^Nothing reproduces the signature/);
  for (const id of [
    'v1-params-sorted-numerically',
    'v1-values-url-encoded',
    'v1-wrong-method-host-path',
    'v1-hmacsha256-without-signature-method',
    'secret-key-whitespace',
  ] as const)
    assert.ok(unknown.ruledOut.includes(id), id);
});

after(() => {
  assert.deepEqual(
    DIAGNOSIS_CAUSES.filter((c) => c.startsWith('v1-') && !covered.has(c)),
    [],
  );
});
