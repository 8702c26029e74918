import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { diagnose } from '@iot-devkit/core';
import { capturedTc3, referenceTc3, utcDate } from './referenceSigners.js';
import { sdkSign } from '../support/tencentSdk.js';
import { assertCovered, BODY, CANONICAL, DOCUMENTED_MISTAKE_CAUSES, expectCause, HOST, KEY, RIGHT, run, SECRET_ID, SENT, SIGNED, TS } from './tc3Scenario.js';

// One test per known TC3 mistake of the documentation's rules (dates, bodies, headers, host and service, timestamps,
// keys) and of the evidence a developer pastes; the real-world causes found in public trackers are in
// tc3RealWorldCauses.test.ts, over the same scenarios (tc3Scenario.ts).

test('a correctly signed request matches, with every expected step and no cause', () => {
  const d = run({});
  assert.equal(d.match, true);
  assert.equal(d.cause, null);
  assert.equal(d.firstDifferingStep, null);
  assert.equal(d.expectedSignature, referenceTc3(RIGHT).signature);
  assert.equal(d.steps.find((s) => s.id === 'canonicalRequest')?.value, referenceTc3(RIGHT).canonicalRequest);
  assert.match(d.explanation.en, /^The signature matches/);
});

test("the official SDK's own signature is a match too", () => {
  const authorization = sdkSign.sign3({
    method: 'POST',
    url: `https://${HOST}/`,
    payload: Buffer.from(BODY),
    timestamp: TS,
    service: 'iotcloud',
    secretId: SECRET_ID,
    secretKey: KEY,
    headers: { 'Content-Type': 'application/json' },
  });
  const request = {
    method: 'POST',
    url: `https://${HOST}/`,
    headers: [...SENT.map(([name, value]) => ({ name, value })), { name: 'Authorization', value: authorization }],
    body: BODY,
  };
  assert.equal(diagnose({ request, secretKey: KEY }).match, true);
});

test("local date instead of UTC: the doc's UTC+8 case, visible in the credential scope", () => {
  const d = run({ raw: { date: '2019-02-26' } });
  expectCause(d, 'local-date-not-utc');
  assert.match(d.explanation.en, /between 00:00 and 08:00 local time/);
  assert.match(d.explanation.en, /UTC\+08:00/);
  assert.match(d.explanation.zh, /00:00 至 08:00/);
  assert.equal(d.firstDifferingStep?.step, 'credentialScope');
  assert.equal(d.firstDifferingStep?.got, '2019-02-26/iotcloud/tc3_request');
});

test('local date instead of UTC, for every offset from −12 h to +14 h that changes the date', () => {
  // 03:30 UTC: offsets of −4 h and beyond give the previous day. 22:10 UTC: +2 h and beyond give the next.
  for (const ts of [1551065400, 1551132600]) {
    let changed = 0;
    for (let hours = -12; hours <= 14; hours++) {
      const local = utcDate(ts + hours * 3600);
      if (local === utcDate(ts)) continue;
      changed++;
      const headers = SENT.map(([k, v]): [string, string] => [k, k === 'X-TC-Timestamp' ? String(ts) : v]);
      expectCause(run({ raw: { date: local, timestamp: ts }, headers }), 'local-date-not-utc');
      // The Authorization may even show the UTC date while the key was derived from the local one.
      expectCause(run({ raw: { date: local, timestamp: ts }, headers, auth: { date: utcDate(ts) } }), 'local-date-not-utc');
    }
    assert.ok(changed >= 4, `offsets changing the date at ${ts}: ${changed}`);
  }
});

test('body sent differs from body signed: re-serialized JSON (spacing, key order, \\uXXXX escaping)', () => {
  const python = '{"ProductId": "ABCDEFGHIJ", "DeviceName": "\\u6e29\\u5ea6\\u8ba1-1", "Limit": 1}';
  const d = run({ raw: { payload: python } });
  expectCause(d, 'body-json-reserialized');
  assert.match(d.explanation.en, /Python json\.dumps/);
  assert.equal(d.firstDifferingStep?.step, 'hashedRequestPayload');
  assert.equal(d.firstDifferingStep?.got, python, 'the body that was signed is shown');
  assert.equal(d.firstDifferingStep?.diff?.index, 13);
  expectCause(run({ raw: { payload: '{"DeviceName":"温度计-1","Limit":1,"ProductId":"ABCDEFGHIJ"}' } }), 'body-json-reserialized');
  expectCause(run({ raw: { payload: '{\n  "ProductId": "ABCDEFGHIJ",\n  "DeviceName": "温度计-1",\n  "Limit": 1\n}' } }), 'body-json-reserialized');
  // The other direction: signed compact with raw UTF-8, sent escaped by another layer.
  expectCause(run({ body: '{"ProductId":"ABCDEFGHIJ","DeviceName":"\\u6e29\\u5ea6\\u8ba1-1","Limit":1}' }), 'body-json-reserialized');
});

test('body sent differs from body signed: a trailing newline, a BOM, an empty payload hash', () => {
  expectCause(run({ raw: { payload: BODY + '\n' } }), 'body-trailing-newline');
  expectCause(run({ body: BODY + '\r\n' }), 'body-trailing-newline');
  const bom = run({ raw: { payload: '\uFEFF' + BODY } });
  expectCause(bom, 'body-bom');
  assert.match(bom.firstDifferingStep?.diff?.got ?? '', /^<BOM>/, 'the BOM is made visible');
  expectCause(run({ raw: { payload: '' } }), 'body-signed-empty');
});

test('Content-Type signed differs from sent: "; charset=utf-8" added or dropped by the HTTP library', () => {
  const charsetAdded: [string, string][] = SENT.map(([k, v]) => [k, k === 'Content-Type' ? 'application/json; charset=utf-8' : v]);
  const d = run({ headers: charsetAdded });
  expectCause(d, 'content-type-mismatch');
  assert.equal(d.firstDifferingStep?.part, 'CanonicalHeaders');
  expectCause(run({ raw: { canonicalHeaders: CANONICAL.replace('application/json', 'application/json; charset=utf-8') } }), 'content-type-mismatch');
  // fetch with a string body and no Content-Type set sends text/plain.
  expectCause(run({ headers: SENT.map(([k, v]) => [k, k === 'Content-Type' ? 'text/plain;charset=UTF-8' : v]) }), 'content-type-mismatch');
});

test('header value not lowercased (X-TC-Action), names not lowercased, names not sorted', () => {
  const d = run({ raw: { canonicalHeaders: CANONICAL.replace('describedevice', 'DescribeDevice') } });
  expectCause(d, 'header-value-not-lowercased');
  assert.equal(d.firstDifferingStep?.part, 'CanonicalHeaders');
  expectCause(
    run({
      raw: { canonicalHeaders: `Content-Type:application/json\nHost:${HOST}\nX-TC-Action:describedevice\n`, signedHeaders: 'Content-Type;Host;X-TC-Action' },
    }),
    'header-names-not-lowercased',
  );
  expectCause(
    run({
      raw: { canonicalHeaders: `host:${HOST}\ncontent-type:application/json\nx-tc-action:describedevice\n`, signedHeaders: 'host;content-type;x-tc-action' },
    }),
    'header-names-not-sorted',
  );
});

test('a signed header missing from the request; SignedHeaders not matching the canonical headers; required headers unsigned', () => {
  const withRegion = `${CANONICAL}x-tc-region:ap-guangzhou\n`;
  const missing = run({ raw: { canonicalHeaders: withRegion, signedHeaders: `${SIGNED};x-tc-region` }, headers: SENT.filter(([k]) => k !== 'X-TC-Region') });
  expectCause(missing, 'signed-header-missing', 'request');
  assert.match(missing.explanation.en, /x-tc-region/);
  expectCause(run({ raw: { canonicalHeaders: CANONICAL, signedHeaders: 'content-type;host' } }), 'signed-headers-mismatch');
  expectCause(run({ raw: { canonicalHeaders: `content-type:application/json\nhost:${HOST}\n` }, auth: { signedHeaders: SIGNED } }), 'signed-headers-mismatch');
  expectCause(run({ raw: { canonicalHeaders: `host:${HOST}\n`, signedHeaders: 'host' } }), 'required-header-not-signed', 'authorization-header');
});

test('service wrong for the host ("cvm" copied from the doc), visible or hidden; host signed with a port', () => {
  const visible = run({ raw: { service: 'cvm' } });
  expectCause(visible, 'wrong-service');
  assert.match(visible.explanation.en, /"cvm" is the doc's example/);
  expectCause(run({ raw: { service: 'cvm' }, auth: { service: 'iotcloud' } }), 'wrong-service');
  expectCause(run({ raw: { canonicalHeaders: CANONICAL.replace(`host:${HOST}`, `host:${HOST}:443`) } }), 'host-mismatch');
  expectCause(run({ raw: { canonicalHeaders: CANONICAL.replace(`host:${HOST}`, 'host:iotcloud.ap-guangzhou.tencentcloudapi.com') } }), 'host-mismatch');
});

test('X-TC-Timestamp differs from the timestamp signed (clock read twice, milliseconds)', () => {
  const d = run({ raw: { timestamp: TS - 1 } });
  expectCause(d, 'timestamp-mismatch');
  assert.equal(d.firstDifferingStep?.part, 'RequestTimestamp');
  expectCause(run({ raw: { timestamp: TS + 37 } }), 'timestamp-mismatch');
  expectCause(run({ raw: { timestamp: TS * 1000 } }), 'timestamp-mismatch');
});

test('clock skew over 5 minutes: from the sent time, from AuthFailure.SignatureExpire, even when the signature matches', () => {
  const late = run({ input: { sentAt: TS + 8 * 3600 } });
  assert.equal(late.match, true);
  expectCause(late, 'clock-skew', 'sent-time');
  assert.match(late.explanation.en, /8 h 0 min behind/);
  assert.match(late.explanation.en, /time zone's worth/);
  expectCause(run({ input: { errorCode: 'AuthFailure.SignatureExpire' } }), 'clock-skew', 'server-error-code');
  // Skew and an unexplained signature: the cause is the skew, and the diagnosis says the signature is not accounted for.
  const both = run({ raw: { secretKey: 'anotherMadeUpSecretKeyEXAMPLE000' }, input: { sentAt: TS - 3600 } });
  expectCause(both, 'clock-skew', 'sent-time');
  assert.equal(both.signatureExplained, false);
  assert.equal(late.signatureExplained, true);
  assert.equal(run({ input: { sentAt: TS + 120 } }).cause, null, 'two minutes is within the limit');
});

test('SecretKey with whitespace or a newline, on either side of the tool', () => {
  const d = run({ raw: { secretKey: KEY + '\n' } });
  expectCause(d, 'secret-key-whitespace');
  assert.match(d.explanation.en, /\\n after it/);
  assert.equal(d.firstDifferingStep?.step, 'secretSigning');
  // The key given to the tool has the newline (read from the same file), and so did the client's.
  expectCause(run({ raw: { secretKey: ' ' + KEY }, input: {} }), 'secret-key-whitespace');
  const sameFile = run({ raw: { secretKey: KEY + '\r\n' }, input: { secretKey: KEY + '\r\n' } });
  expectCause(sameFile, 'secret-key-whitespace');
});

test('SecretId and SecretKey swapped: the HMAC keyed with the SecretId, or the SecretKey sent as the SecretId', () => {
  expectCause(run({ raw: { secretKey: SECRET_ID } }), 'secret-id-key-swapped');
  const leaked = run({ auth: { secretId: KEY } });
  expectCause(leaked, 'secret-id-key-swapped', 'request');
  assert.match(leaked.explanation.en, /Gu5t\*\*\*\*/);
});

test('temporary key without X-TC-Token, long-term key with one: from the server code and the token header', () => {
  expectCause(run({ input: { errorCode: 'AuthFailure.SecretIdNotFound' } }), 'temporary-key-without-token', 'server-error-code');
  expectCause(run({ input: { errorCode: 'AuthFailure.TokenFailure' } }), 'temporary-key-without-token', 'server-error-code');
  expectCause(
    run({ headers: [...SENT, ['X-TC-Token', 'made-up-session-token']], input: { errorCode: 'AuthFailure.TokenFailure' } }),
    'long-term-key-with-token',
    'server-error-code',
  );
});

test('X-TC-Timestamp missing, Authorization malformed', () => {
  const noTimestamp = run({ headers: SENT.filter(([k]) => k !== 'X-TC-Timestamp') });
  expectCause(noTimestamp, 'timestamp-header-missing', 'request');
  assert.deepEqual(noTimestamp.steps, []);
  const request = capturedTc3({
    headers: SENT,
    body: BODY,
    secretId: SECRET_ID,
    date: '2019-02-25',
    service: 'iotcloud',
    signedHeaders: SIGNED,
    signature: 'ABC',
  });
  const malformed = diagnose({ request, secretKey: KEY });
  expectCause(malformed, 'authorization-malformed', 'request');
  assert.match(malformed.explanation.en, /expected Signature= 64 lowercase hex digits/);
});

test('nothing reproduces a signature made with another key: said honestly, every candidate ruled out', () => {
  const d = run({ raw: { secretKey: 'anotherMadeUpSecretKeyEXAMPLE000' } });
  assert.equal(d.match, false);
  assert.equal(d.cause, null);
  assert.equal(d.fix, null);
  assert.match(d.explanation.en, /^Nothing reproduces the signature/);
  for (const id of [
    'local-date-not-utc',
    'body-json-reserialized',
    'content-type-mismatch',
    'secret-key-whitespace',
    'timestamp-mismatch',
    'host-mismatch',
    'header-names-not-sorted',
  ] as const)
    assert.ok(d.ruledOut.includes(id), id);
  assert.ok(d.variantsTried > 100, `${d.variantsTried} re-signings`);
  assert.equal(d.firstDifferingStep?.step, 'signature');
});

test("the developer's own canonical request: first differing step, position and invisible characters shown", () => {
  const theirs = referenceTc3({ ...RIGHT, canonicalHeaders: CANONICAL.replace('describedevice', 'DescribeDevice') }).canonicalRequest;
  const d = run({ raw: { canonicalHeaders: CANONICAL.replace('describedevice', 'DescribeDevice') }, input: { canonicalRequest: theirs } });
  assert.equal(d.firstDifferingStep?.source, 'supplied');
  assert.equal(d.firstDifferingStep?.step, 'canonicalRequest');
  assert.equal(d.firstDifferingStep?.part, 'CanonicalHeaders');
  assert.equal(d.firstDifferingStep?.diff?.line, 6);
  assert.equal(d.firstDifferingStep?.diff?.column, 13);
  // A CRLF pasted from a Windows log shows as \r; a string to sign is compared when the canonical request agrees.
  const crlf = run({ input: { canonicalRequest: referenceTc3(RIGHT).canonicalRequest.replace('\n', '\r\n') } });
  assert.match(crlf.firstDifferingStep?.diff?.got ?? '', /POST\\r\\n/);
  const sts = run({ raw: { timestamp: TS - 1 }, input: { stringToSign: referenceTc3({ ...RIGHT, timestamp: TS - 1 }).stringToSign } });
  assert.equal(sts.firstDifferingStep?.source, 'supplied');
  assert.equal(sts.firstDifferingStep?.part, 'RequestTimestamp');
});

test('when only the pasted string shows the mistake, it is named from the intermediate', () => {
  const raw = { ...RIGHT, canonicalHeaders: CANONICAL.replace('describedevice', 'DescribeDevice') };
  // Signed with an unknown key too, so the signature cannot be reproduced; the pasted canonical request still tells.
  const d = run({ raw: { ...raw, secretKey: 'anotherMadeUpSecretKeyEXAMPLE000' }, input: { canonicalRequest: referenceTc3(raw).canonicalRequest } });
  expectCause(d, 'header-value-not-lowercased', 'supplied-intermediate');
});

// Every TC3 cause id but the real-world ones has a test above that produced it.
after(() => assertCovered(DOCUMENTED_MISTAKE_CAUSES));
