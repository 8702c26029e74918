import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnose, type CapturedRequest } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';
import { sdkSignedTc3 } from './sdkSignedRequest.js';

// The verdict a UI shows first, for requests the official SDK signed: correct, a named cause, and the honest
// ranking when nothing reproduces the signature (a body edited after signing; another key).
const KEY = 'verdictOnlyMadeUpSecretKey000000';
const SECRET_ID = 'AKIDverdictOnlyMadeUpSecretId000000';
const HOST = 'iotcloud.tencentcloudapi.com';
const TS = 1796150316;
const BODY = '{"ProductId":"ABCDEFGHIJ","DeviceName":"dev-1"}';

function signed(options: { key?: string; sentBody?: string; extra?: [string, string][] } = {}): CapturedRequest {
  const sent: [string, string][] = [['Content-Type', 'application/json'], ['Host', HOST], ['X-TC-Timestamp', String(TS)], ...(options.extra ?? [])];
  return sdkSignedTc3({
    secretId: SECRET_ID,
    secretKey: options.key ?? KEY,
    timestamp: TS,
    body: BODY,
    sent,
    ...(options.sentBody ? { sentBody: options.sentBody } : {}),
  });
}
const crypto = { crypto: nodeHashProvider };
const EDITED = BODY.replace('dev-1', 'dev-2');

test('a correct signature: kind signature-correct, no candidates; with a server rejection, a fix and how to decide', () => {
  const ok = diagnose({ request: signed(), secretKey: KEY }, crypto);
  assert.equal(ok.verdict.kind, 'signature-correct');
  assert.equal(ok.verdict.fix, null);
  assert.deepEqual(ok.verdict.candidates, []);
  const rejected = diagnose({ request: signed(), secretKey: KEY, errorCode: 'AuthFailure.SignatureFailure' }, crypto);
  assert.equal(rejected.verdict.kind, 'signature-correct');
  assert.match(rejected.verdict.headline.en, /yet the server answered AuthFailure\.SignatureFailure/);
  assert.ok(rejected.verdict.fix && rejected.verdict.fix.zh.length > 0);
  assert.equal(rejected.verdict.decideWith.length, 1);
});

test('the issue case: a body edited after signing is not reproducible — ranked honestly, with what decides, ruled-out kept as data', () => {
  const d = diagnose({ request: signed({ sentBody: EDITED }), secretKey: KEY, errorCode: 'AuthFailure.SignatureFailure' }, crypto);
  assert.equal(d.cause, null);
  const v = d.verdict;
  assert.equal(v.kind, 'not-reproduced');
  const ids = v.candidates.map((c) => c.id);
  assert.deepEqual(ids.slice(0, 2).sort(), ['request-changed-after-signing', 'wrong-secret-key']);
  assert.deepEqual(ids.slice(2), ['several-mistakes', 'unknown-change']);
  assert.equal(v.candidates[0]!.weight, v.candidates[1]!.weight, 'one request cannot tell them apart');
  assert.match(v.headline.en, /equally likely/);
  assert.match(
    v.candidates.find((c) => c.id === 'request-changed-after-signing')!.evidence.en,
    new RegExp(`${BODY.length}-character body is signed through HashedRequestPayload`),
  );
  assert.match(v.candidates.find((c) => c.id === 'wrong-secret-key')!.evidence.en, /SignatureFailure, not SecretIdNotFound: it knows AKIDverdict/);
  assert.ok(v.fix && v.fix.en.length > 20 && v.fix.zh.length > 10, 'what to do next');
  assert.equal(v.decideWith.length, 2);
  assert.match(v.decideWith[0]!.en, /canonical request/);
  assert.match(v.decideWith[1]!.en, /second, unmodified request/);
  assert.deepEqual(
    v.ruledOut.map((r) => r.cause),
    d.ruledOut,
  );
  assert.ok(v.ruledOut.every((r) => r.title.en.length > 0 && r.title.zh.length > 0));
  // Expected is what the server computes from what was sent; got what the client signed.
  assert.equal(d.firstDifferingStep?.source, 'signature');
  assert.match(d.firstDifferingStep!.expectedIs.en, /computes from the request sent/);
  assert.match(d.firstDifferingStep!.gotIs.en, /the signature the client sent/);
});

test("the client's logged canonical request decides: it differs (the request changed) or it is identical (the key differs)", () => {
  // The client logged the canonical request it signed, over the original body.
  const clientCanonical = diagnose({ request: signed(), secretKey: KEY }, crypto).steps.find((s) => s.id === 'canonicalRequest')!.value;
  const changed = diagnose({ request: signed({ sentBody: EDITED }), secretKey: KEY, canonicalRequest: clientCanonical }, crypto);
  assert.equal(changed.cause, null, changed.verdict.headline.en);
  assert.equal(changed.verdict.kind, 'not-reproduced');
  assert.equal(changed.verdict.candidates[0]!.id, 'request-changed-after-signing');
  assert.match(changed.verdict.candidates[0]!.evidence.en, /differs from the one computed from the request sent \(first in HashedRequestPayload\)/);
  assert.match(changed.verdict.headline.en, /Most likely: The request changed after signing/);
  assert.equal(changed.firstDifferingStep?.source, 'supplied');

  const otherKey = diagnose({ request: signed({ key: 'anotherMadeUpSecretKey0000000000' }), secretKey: KEY, canonicalRequest: clientCanonical }, crypto);
  assert.equal(otherKey.verdict.candidates[0]!.id, 'wrong-secret-key');
  assert.ok(!otherKey.verdict.candidates.some((c) => c.id === 'request-changed-after-signing'), 'ruled out by the identical canonical request');
  assert.match(otherKey.verdict.headline.en, /Most likely: A different SecretKey/);
});

test('a proxy header on the request weighs for "changed after signing"', () => {
  const d = diagnose({ request: signed({ sentBody: EDITED, extra: [['Via', '1.1 corp-proxy']] }), secretKey: KEY }, crypto);
  assert.equal(d.verdict.candidates[0]!.id, 'request-changed-after-signing');
  assert.match(d.verdict.candidates[0]!.evidence.en, /proxy or gateway \(it carries Via\)/);
});

test('a named cause: the verdict is the finding, its fix never empty, candidates empty, ruled-out still data', () => {
  const d = diagnose({ request: signed({ key: KEY + '\n' }), secretKey: KEY }, crypto);
  assert.equal(d.verdict.kind, 'cause-found');
  assert.equal(d.cause, 'secret-key-whitespace');
  assert.deepEqual(d.verdict.fix, d.fix);
  assert.deepEqual(d.verdict.candidates, []);
  assert.ok(d.verdict.headline.en.startsWith('SecretKey'), d.verdict.headline.en);
});
