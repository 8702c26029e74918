import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnose, type Diagnosis } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';
import { sdkSign } from '../support/tencentSdk.js';
import { sdkSignedTc3 } from './sdkSignedRequest.js';
import { capturedTc3, referenceTc3, referenceV1, rfc3986, utcDate } from './referenceSigners.js';

// The signed timestamp is searched exactly (every second of the credential's UTC day and the hours either side that
// a local date in any time zone, UTC−12 … UTC+14, can be).
// The signatures come from the official SDK (sign3, sign) or, where the SDK cannot write the mistake (milliseconds,
// fractions in the string to sign), from the doc's pseudo-code in referenceSigners.ts.
const KEY = 'tsSearchOnlyMadeUpSecretKey00000';
const SECRET_ID = 'AKIDtsSearchOnlyMadeUpSecretId00000';
const HOST = 'iotcloud.tencentcloudapi.com';
const BODY = '{"ProductId":"ABCDEFGHIJ","DeviceName":"dev-1"}';
// 2026-12-01 12:00:36 UTC: mid-day, so hours either way stay on the same UTC day.
const SIGNED_AT = 1796150316;

/** A request the official SDK signed at `signedAt`, sent with X-TC-Timestamp `sent`. */
function sdkRequest(signedAt: number, sent: string) {
  return sdkSignedTc3({
    secretId: SECRET_ID,
    secretKey: KEY,
    timestamp: signedAt,
    body: BODY,
    sent: [
      ['Content-Type', 'application/json'],
      ['Host', HOST],
      ['X-TC-Action', 'DescribeDevice'],
      ['X-TC-Timestamp', sent],
    ],
  });
}

/** A request whose string to sign carried `signedText` (ms, a fraction), signed by the doc's pseudo-code. */
function referenceRequest(signedText: string, sent: number) {
  const { signature } = referenceTc3({
    canonicalHeaders: `content-type:application/json\nhost:${HOST}\n`,
    signedHeaders: 'content-type;host',
    payload: BODY,
    timestamp: signedText,
    date: utcDate(sent),
    service: 'iotcloud',
    secretKey: KEY,
  });
  return capturedTc3({
    headers: [
      ['Content-Type', 'application/json'],
      ['X-TC-Timestamp', String(sent)],
    ],
    body: BODY,
    secretId: SECRET_ID,
    date: utcDate(sent),
    service: 'iotcloud',
    signedHeaders: 'content-type;host',
    signature,
  });
}

function expectTimestamp(d: Diagnosis, signed: string, cause: 'timestamp-mismatch' | 'v1-timestamp-mismatch' = 'timestamp-mismatch'): void {
  assert.equal(d.cause, cause, d.verdict.headline.en);
  assert.equal(d.findings[0]!.evidence, 'signature-reproduced');
  assert.equal(d.signatureExplained, true);
  assert.equal(d.verdict.kind, 'cause-found');
  assert.ok(d.verdict.headline.en.includes(signed), `${signed} named in: ${d.verdict.headline.en}`);
  assert.ok(!d.ruledOut.includes(cause));
}

test('the issue case: X-TC-Timestamp 120 s after the signed one, same UTC day — found exactly, both values and "120 s" named', () => {
  for (const crypto of [nodeHashProvider, undefined]) {
    const d = diagnose(
      { request: sdkRequest(SIGNED_AT, String(SIGNED_AT + 120)), secretKey: KEY, errorCode: 'AuthFailure.SignatureFailure' },
      crypto ? { crypto } : {},
    );
    expectTimestamp(d, String(SIGNED_AT));
    assert.match(d.verdict.headline.en, /signed at 1796150316, sent 1796150436: 120 s later — the clock was read twice/);
    assert.match(d.verdict.headline.zh, /1796150316.*1796150436.*120 秒/);
    assert.equal(d.firstDifferingStep?.step, 'stringToSign');
    assert.equal(d.firstDifferingStep?.part, 'RequestTimestamp');
    assert.equal(d.firstDifferingStep?.expected.split('\n')[1], String(SIGNED_AT + 120), 'expected: what the server builds from what was sent');
    assert.equal(d.firstDifferingStep?.got.split('\n')[1], String(SIGNED_AT), 'got: what the client signed');
  }
});

test('offsets of one second, a few minutes and several hours, either way, found exactly', () => {
  for (const offset of [1, -1, 7 * 60 + 3, -(4 * 60), 5 * 3600 + 17, -(11 * 3600 + 59 * 60 + 59)]) {
    const d = diagnose({ request: sdkRequest(SIGNED_AT, String(SIGNED_AT + offset)), secretKey: KEY }, { crypto: nodeHashProvider });
    expectTimestamp(d, String(SIGNED_AT));
    assert.ok(d.verdict.headline.en.includes(`${Math.abs(offset)} s`), d.verdict.headline.en);
    assert.ok(d.verdict.headline.en.includes(offset > 0 ? 'later' : 'earlier'));
  }
  // A whole time zone apart is named as one.
  const zone = diagnose({ request: sdkRequest(SIGNED_AT - 8 * 3600, String(SIGNED_AT)), secretKey: KEY }, { crypto: nodeHashProvider });
  expectTimestamp(zone, String(SIGNED_AT - 8 * 3600));
  assert.match(zone.verdict.headline.en, /28800 s \(8 h 0 min\) later — a time zone's worth/);
});

test('the day before and after the credential date are searched too (a local date combined with a skew)', () => {
  // Sent just after midnight UTC, signed 3 h earlier: the signed second is on the previous UTC day.
  const sent = Date.parse('2026-12-02T00:30:00Z') / 1000;
  const d = diagnose({ request: sdkRequest(sent - 3 * 3600, String(sent)), secretKey: KEY }, { crypto: nodeHashProvider });
  // The SDK dates the credential from the signed time (2026-12-01): the date differs from the sent one too.
  assert.ok(
    d.findings.some((f) => f.cause === 'timestamp-mismatch' && f.evidence === 'signature-reproduced'),
    d.verdict.headline.en,
  );
});

test('a local date from the farthest time zones (UTC+14, UTC−12) with the clock read twice: the signed second is found', () => {
  // Kiritimati (UTC+14) at 00:30 local on 2026-12-02 is 2026-12-01 10:30 UTC, 13.5 h before the credential's day;
  // Baker Island (UTC−12) at 23:30 local on 2026-12-02 is 2026-12-03 11:30 UTC, 11.5 h after it.
  for (const signedAt of [Date.parse('2026-12-01T10:30:00Z') / 1000, Date.parse('2026-12-03T11:30:00Z') / 1000]) {
    const { signature } = referenceTc3({
      canonicalHeaders: `content-type:application/json\nhost:${HOST}\n`,
      signedHeaders: 'content-type;host',
      payload: BODY,
      timestamp: String(signedAt),
      date: '2026-12-02',
      service: 'iotcloud',
      secretKey: KEY,
    });
    const request = capturedTc3({
      headers: [
        ['Content-Type', 'application/json'],
        ['X-TC-Timestamp', String(signedAt + 120)],
      ],
      body: BODY,
      secretId: SECRET_ID,
      date: '2026-12-02',
      service: 'iotcloud',
      signedHeaders: 'content-type;host',
      signature,
    });
    const d = diagnose({ request, secretKey: KEY }, { crypto: nodeHashProvider });
    const found = d.findings.find((f) => f.cause === 'timestamp-mismatch');
    assert.equal(found?.evidence, 'signature-reproduced', `${signedAt}: ${d.verdict.headline.en}`);
    assert.ok(found!.detail.en.includes(String(signedAt)), found!.detail.en);
  }
});

test('milliseconds and fractions signed while the header carries whole seconds', () => {
  const ms = diagnose({ request: referenceRequest(String(SIGNED_AT * 1000 + 482), SIGNED_AT), secretKey: KEY }, { crypto: nodeHashProvider });
  expectTimestamp(ms, '1796150316482');
  assert.match(ms.verdict.headline.en, /in milliseconds — the same instant/);
  for (const fraction of ['1796150316.482', '1796150316.48', '1796150317.005']) {
    const d = diagnose({ request: referenceRequest(fraction, SIGNED_AT), secretKey: KEY });
    expectTimestamp(d, fraction);
    assert.match(d.verdict.headline.en, /seconds with a fraction/);
  }
});

test('a header in milliseconds or with a fraction while whole seconds were signed: the header is named, and the signed second found', () => {
  for (const header of [String(SIGNED_AT * 1000 + 482), `${SIGNED_AT}.482`, String((SIGNED_AT + 3) * 1000)]) {
    const d = diagnose({ request: sdkRequest(SIGNED_AT, header), secretKey: KEY }, { crypto: nodeHashProvider });
    assert.equal(d.cause, 'timestamp-header-missing', 'the server meets the unreadable header first');
    const found = d.findings.find((f) => f.cause === 'timestamp-mismatch');
    assert.equal(found?.evidence, 'signature-reproduced', `${header}: ${JSON.stringify(d.findings.map((f) => f.detail.en))}`);
    assert.ok(found!.detail.en.includes(`carries ${header}`) && found!.detail.en.includes(`made with ${SIGNED_AT}, in whole seconds`), found!.detail.en);
  }
});

test('v1: a Timestamp parameter other than the one signed is found exactly, HmacSHA1 and HmacSHA256, through the official SDK', () => {
  const params = (ts: number, method?: string): [string, string][] => [
    ['Action', 'DescribeDevices'],
    ['Nonce', '11886'],
    ['ProductId', 'ABCDEFGHIJ'],
    ['Region', 'ap-guangzhou'],
    ['SecretId', SECRET_ID],
    ...(method ? [['SignatureMethod', method] as [string, string]] : []),
    ['Timestamp', String(ts)],
    ['Version', '2021-04-08'],
  ];
  const signString = (p: [string, string][]) => `GET${HOST}/?${p.map(([k, v]) => `${k}=${v}`).join('&')}`;
  for (const [algorithm, offset] of [
    ['HmacSHA1', 120],
    ['HmacSHA256', -3 * 3600],
    ['HmacSHA1', 1],
  ] as const) {
    const method = algorithm === 'HmacSHA256' ? algorithm : undefined;
    const signature = sdkSign.sign(KEY, signString(params(SIGNED_AT, method)), algorithm);
    assert.equal(signature, referenceV1(algorithm, KEY, signString(params(SIGNED_AT, method))), 'the SDK and the reference agree');
    const sent = params(SIGNED_AT + offset, method);
    const url = `https://${HOST}/?${sent.map(([k, v]) => `${k}=${rfc3986(v)}`).join('&')}&Signature=${rfc3986(signature)}`;
    const d = diagnose({ request: { method: 'GET', url, headers: [], body: '' }, secretKey: KEY }, { crypto: nodeHashProvider });
    expectTimestamp(d, String(SIGNED_AT), 'v1-timestamp-mismatch');
    assert.ok(d.verdict.headline.en.includes(`${Math.abs(offset)} s`), d.verdict.headline.en);
  }
});

test('a signature made with another key: the whole search runs, nothing is claimed, the timestamp is ruled out', () => {
  const request = sdkRequest(SIGNED_AT, String(SIGNED_AT));
  const d = diagnose({ request, secretKey: 'anotherMadeUpSecretKey0000000000' }, { crypto: nodeHashProvider });
  assert.equal(d.cause, null);
  assert.equal(d.verdict.kind, 'not-reproduced');
  assert.ok(d.ruledOut.includes('timestamp-mismatch'));
  assert.ok(d.variantsTried > 50 * 3600, `every second of the 50 hours a local date can span tried: ${d.variantsTried}`);
});
