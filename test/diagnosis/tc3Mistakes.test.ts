import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { DIAGNOSIS_CAUSES, diagnose, type Diagnosis, type DiagnosisCauseId, type DiagnosisInput } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';
import { capturedTc3, referenceTc3, utcDate, type RawTc3 } from './referenceSigners.js';
import { sdkSign } from '../support/tencentSdk.js';
import { sdkSignedTc3 } from './sdkSignedRequest.js';

// One test per known TC3 mistake: the wrong signature is built here by an independent signer over the altered
// input (as the buggy client would), the request carries what was really sent, and the diagnosis must name the mistake.
const SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const HOST = 'iotcloud.tencentcloudapi.com';
// The doc's timestamp: 2019-02-25 16:44:25 UTC, already 2019-02-26 00:44 in UTC+8.
const TS = 1551113065;
const BODY = '{"ProductId":"ABCDEFGHIJ","DeviceName":"温度计-1","Limit":1}';
const SENT: [string, string][] = [
  ['Content-Type', 'application/json'],
  ['Host', HOST],
  ['X-TC-Action', 'DescribeDevice'],
  ['X-TC-Timestamp', String(TS)],
  ['X-TC-Version', '2021-04-08'],
  ['X-TC-Region', 'ap-guangzhou'],
];
const SIGNED = 'content-type;host;x-tc-action';
const CANONICAL = `content-type:application/json\nhost:${HOST}\nx-tc-action:describedevice\n`;
const RIGHT: RawTc3 = {
  canonicalHeaders: CANONICAL,
  signedHeaders: SIGNED,
  payload: BODY,
  timestamp: TS,
  date: utcDate(TS),
  service: 'iotcloud',
  secretKey: KEY,
};

const covered = new Set<DiagnosisCauseId>();
let runs = 0;

interface Scenario {
  raw?: Partial<RawTc3>;
  headers?: [string, string][];
  body?: string;
  auth?: { date?: string; service?: string; signedHeaders?: string; secretId?: string };
  input?: Partial<DiagnosisInput>;
}

function run(scenario: Scenario): Diagnosis {
  const raw = { ...RIGHT, ...scenario.raw };
  const { signature } = referenceTc3(raw);
  const request = capturedTc3({
    headers: scenario.headers ?? SENT,
    body: scenario.body ?? BODY,
    secretId: scenario.auth?.secretId ?? SECRET_ID,
    date: scenario.auth?.date ?? raw.date,
    service: scenario.auth?.service ?? raw.service,
    signedHeaders: scenario.auth?.signedHeaders ?? raw.signedHeaders,
    signature,
  });
  // Half the runs with node:crypto injected, half with the pure-JS default: the verdict must not depend on it.
  return diagnose({ request, secretKey: KEY, ...scenario.input }, runs++ % 2 === 0 ? { crypto: nodeHashProvider } : {});
}

function expectCause(diagnosis: Diagnosis, cause: DiagnosisCauseId, evidence = 'signature-reproduced'): void {
  assert.equal(diagnosis.cause, cause, `${diagnosis.cause}: ${diagnosis.explanation.en}`);
  assert.equal(diagnosis.findings[0]!.evidence, evidence);
  assert.ok(!diagnosis.ruledOut.includes(cause));
  assert.ok(diagnosis.explanation.en.includes('The doc: "') && diagnosis.explanation.zh.includes('文档原文：“'), 'the doc rule is quoted in both languages');
  assert.ok(diagnosis.fix && diagnosis.fix.en.length > 10 && diagnosis.fix.zh.length > 5);
  assert.ok(!JSON.stringify(diagnosis).includes(KEY), 'the SecretKey never appears in a diagnosis');
  covered.add(cause);
}

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

after(() => {
  // Every TC3 cause id has a test above that produced it.
  const tc3Causes = DIAGNOSIS_CAUSES.filter((c) => !c.startsWith('v1-'));
  assert.deepEqual(
    tc3Causes.filter((c) => !covered.has(c)),
    [],
  );
});

test('a capture from structured clone whose headers array shadows every/find/constructor is read by index, and matches', async () => {
  const { signTc3 } = await import('@iot-devkit/core');
  const signed = signTc3({
    method: 'POST',
    url: `https://${HOST}/`,
    headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeDevice' },
    body: BODY,
    timestamp: TS,
    secretId: SECRET_ID,
    secretKey: KEY,
  });
  const headers: unknown[] = Object.entries(signed.headers).map(([name, value]) => ({ name, value }));
  for (const method of ['every', 'find', 'constructor', 'map']) Object.defineProperty(headers, method, { value: 'shadowed', enumerable: true });
  const d = diagnose(
    { request: { method: 'POST', url: `https://${HOST}/`, headers, body: BODY } as unknown as DiagnosisInput['request'], secretKey: KEY },
    { crypto: nodeHashProvider },
  );
  assert.equal(d.match, true);
});

/** A request the official SDK signed (its Content-Type verbatim, the URL's hostname without port), sent with `sent`. */
function sdkSigned(options: { signedContentType: string; body?: string; sent: [string, string][]; sentBody?: string }) {
  const request = sdkSignedTc3({ secretId: SECRET_ID, secretKey: KEY, timestamp: TS, ...options, body: options.body ?? BODY });
  return diagnose({ request, secretKey: KEY }, runs++ % 2 === 0 ? { crypto: nodeHashProvider } : {});
}
const sentWith = (contentType: string, host = HOST): [string, string][] => [
  ['Content-Type', contentType],
  ['Host', host],
  ['X-TC-Action', 'DescribeDevice'],
  ['X-TC-Timestamp', String(TS)],
];

test('official SDK: "application/json; charset=utf-8" signed, "application/json" sent, and the reverse', () => {
  const added = sdkSigned({ signedContentType: 'application/json; charset=utf-8', sent: sentWith('application/json') });
  expectCause(added, 'content-type-mismatch');
  assert.match(added.verdict.headline.en, /content-type:application\/json; charset=utf-8, but the request was sent with Content-Type: application\/json/);
  const dropped = sdkSigned({ signedContentType: 'application/json', sent: sentWith('application/json; charset=utf-8') });
  expectCause(dropped, 'content-type-mismatch');
});

test('official SDK: a JSON body sent as a form — under a form Content-Type, or form-encoded from the same fields', () => {
  const underForm = sdkSigned({ signedContentType: 'application/json', sent: sentWith('application/x-www-form-urlencoded') });
  expectCause(underForm, 'body-json-sent-as-form');
  assert.match(underForm.verdict.headline.en, /The body is JSON and was signed with content-type:application\/json/);
  // Python requests' data=dict: the signer hashed json.dumps(params), the library sent the form encoding.
  const fields = { ProductId: 'ABCDEFGHIJ', DeviceName: 'dev 1' };
  const encoded = sdkSigned({
    signedContentType: 'application/json',
    body: JSON.stringify(fields).replace(/","/g, '", "').replace(/":"/g, '": "'),
    sent: sentWith('application/x-www-form-urlencoded'),
    sentBody: 'ProductId=ABCDEFGHIJ&DeviceName=dev+1',
  });
  expectCause(encoded, 'body-json-sent-as-form');
  assert.match(encoded.verdict.headline.en, /sent form-encoded \(2 fields/);
  assert.equal(encoded.firstDifferingStep?.step, 'hashedRequestPayload');
  assert.equal(encoded.firstDifferingStep?.expected, 'ProductId=ABCDEFGHIJ&DeviceName=dev+1', 'expected: the body sent');
  assert.match(encoded.firstDifferingStep!.expectedIs.en, /the body sent/);
  assert.match(encoded.firstDifferingStep!.gotIs.en, /the body the client signed/);
});

test('official SDK: a Content-Type signed with a trailing space (its config value, untrimmed); a header value with a leading space', () => {
  const d = sdkSigned({ signedContentType: 'application/json ', sent: sentWith('application/json') });
  expectCause(d, 'header-value-untrimmed');
  assert.match(d.verdict.headline.en, /content-type value was signed with a trailing space/);
  const leading = run({ raw: { canonicalHeaders: `content-type:application/json\nhost:${HOST}\nx-tc-action: describedevice\n` } });
  expectCause(leading, 'header-value-untrimmed');
});

test('official SDK: the port-less host it signs vs a sent Host with :443, and a host signed with :443 sent without', () => {
  const withPort = sdkSigned({ signedContentType: 'application/json', sent: sentWith('application/json', `${HOST}:443`) });
  expectCause(withPort, 'host-mismatch');
  assert.match(withPort.verdict.headline.en, new RegExp(`host:${HOST}, but the Host sent was ${HOST}:443`));
  const signedPort = run({ raw: { canonicalHeaders: `content-type:application/json\nhost:${HOST}:443\nx-tc-action:describedevice\n` } });
  expectCause(signedPort, 'host-mismatch');
});

test('Array.prototype polluted: a for…in over the header names signs a method source; named from the logged canonical request, signature reproduced', () => {
  // A reference canonical-headers builder written the buggy way, run while a library's enumerable method is on Array.prototype.
  const proto = Array.prototype as unknown as Record<string, unknown>;
  proto['remove'] = function (item: unknown) {
    return item;
  };
  let canonicalHeaders = '';
  try {
    const names = ['content-type', 'host', 'x-tc-action'];
    const values: Record<string, string> = { 'content-type': 'application/json', host: HOST, 'x-tc-action': 'describedevice' };
    // for…in over an array: the mistake under test
    for (const i in names) {
      const name = (names as unknown as Record<string, unknown>)[i];
      canonicalHeaders += `${String(name)}:${values[String(name)]}\n`;
    }
  } finally {
    delete proto['remove'];
  }
  assert.match(canonicalHeaders, /function\s*\(item\)[\s\S]*:undefined\n$/, 'the pollution shows as the method source, then :undefined');
  const raw = { ...RIGHT, canonicalHeaders };
  const signed = referenceTc3(raw);
  const d = run({ raw, input: { canonicalRequest: signed.canonicalRequest, errorCode: 'AuthFailure.SignatureFailure' } });
  expectCause(d, 'array-prototype-polluted');
  assert.match(d.verdict.headline.en, /Array\.prototype/);
  assert.equal(d.firstDifferingStep?.source, 'supplied');
});
