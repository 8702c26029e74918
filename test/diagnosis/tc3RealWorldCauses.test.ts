import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { diagnose, type DiagnosisInput } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';
import { referenceTc3 } from './referenceSigners.js';
import { assertCovered, BODY, expectCause, HOST, KEY, RIGHT, run, sdkSigned, SECRET_ID, REAL_WORLD_CAUSES, TS } from './tc3Scenario.js';

// TC3 causes found in public trackers, each reproduced by the official SDK's signer (or a reference builder written
// the buggy way) and named by the diagnosis: charset and port-less hosts, JSON sent as a form, untrimmed header
// values, Array.prototype pollution; and a capture whose headers array shadows its own methods.

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

after(() => assertCovered(REAL_WORLD_CAUSES));
