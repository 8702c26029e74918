import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnose } from '../diagnosis/diagnose.js';
import { buildHttpRequest } from '../request/buildHttpRequest.js';
import { capturedFromSent } from './capturedFromSent.js';
import { buildDiagnosisView, localizeDiagnosisView } from './diagnosisView.js';

// Made-up credentials; the requests are signed by the core's own signer and then altered as a buggy client would.
const KEY = 'viewTestSecretKey0000000000000001';
const OTHER_KEY = 'viewTestSecretKey0000000000000002';
const credentials = { secretId: 'AKIDviewtest000000000000000000000000', secretKey: KEY };
const TS = 1796150316;

function signed(body?: string, key = KEY) {
  const request = buildHttpRequest(
    { service: 'iotcloud', version: '2021-04-08', action: 'DescribeDevice', region: 'ap-guangzhou', params: { ProductId: 'ABCDE12345', DeviceName: 'dev-1' } },
    { credentials: { ...credentials, secretKey: key }, timestamp: TS },
  );
  return capturedFromSent({ method: request.method, url: request.url, headers: request.headers, body: body ?? request.body });
}

test('a request signed right, yet refused: the verdict says the signature is correct and what to check', () => {
  const view = buildDiagnosisView(diagnose({ request: signed(), secretKey: KEY, errorCode: 'AuthFailure.SignatureFailure' }));
  assert.equal(view.kind, 'signature-correct');
  assert.equal(view.match, true);
  assert.match(view.kindLabel.en, /Signature correct/);
  assert.match(view.headline.en, /AuthFailure\.SignatureFailure/);
  assert.ok(view.fix && view.fix.en.length > 10 && view.fix.zh.length > 5, 'a Fix, not an empty line');
  assert.equal(view.difference, null);
  assert.ok(view.steps.length > 5);
  for (const step of view.steps.filter((s) => ['secretDate', 'secretService', 'secretSigning'].includes(s.id))) {
    assert.equal(step.masked, true, step.id);
    assert.equal(step.copyable, false, step.id);
  }
});

test('a found cause: its title in the tag, the Fix, and the first differing step labelled by what each side is', () => {
  const request = signed();
  const reserialized = JSON.stringify(JSON.parse(request.body), null, 2);
  const view = buildDiagnosisView(diagnose({ request: { ...request, body: reserialized }, secretKey: KEY }));
  assert.equal(view.kind, 'cause-found');
  assert.equal(view.cause, 'body-json-reserialized');
  assert.match(view.kindLabel.en, /^Cause found: /);
  assert.ok(view.fix && view.fix.en.length > 10);
  assert.equal(view.findings[0]!.cause, 'body-json-reserialized');
  // The headline says what happened and the Fix line what to do: the finding adds the document's rule, not a repeat.
  assert.match(view.findings[0]!.explanation.en, /^The doc: "/);
  assert.equal(view.findings[0]!.fix, null);
  const d = view.difference!;
  assert.equal(d.step, 'hashedRequestPayload');
  // Issue 13: "expected" is what the server computes from what was sent (the body sent), "got" what the client signed.
  assert.match(d.expectedLabel.en, /^Expected — the body sent/);
  assert.match(d.gotLabel.en, /^Got — the body the client signed/);
  assert.match(d.expectedLabel.zh, /^应为——实际发送的请求体/);
  assert.equal(d.masked, false);
  assert.ok(d.at && /line \d+, column \d+/.test(d.at.where.en));
  assert.ok(!view.ruledOut.causes.some((c) => c.cause === 'body-json-reserialized'));
});

test('nothing reproduces it: what remains, ranked, with evidence and how to tell; the ruled-out list counted, for last', () => {
  const request = signed();
  const edited = request.body.replace('dev-1', 'dev-2');
  const view = buildDiagnosisView(diagnose({ request: { ...request, body: edited }, secretKey: KEY, errorCode: 'AuthFailure.SignatureFailure' }));
  assert.equal(view.kind, 'not-reproduced');
  assert.equal(view.cause, null);
  assert.match(view.kindLabel.en, /Not reproduced/);
  assert.ok(view.fix && view.fix.en.length > 10, 'never an empty Fix');
  assert.ok(view.candidates.length >= 2);
  for (const c of view.candidates) assert.ok(c.title.en && c.evidence.en && c.howToTell.en && c.howToTell.zh, c.id);
  assert.ok(view.candidates.some((c) => c.id === 'request-changed-after-signing'));
  assert.ok(view.decideWith.length >= 1);
  assert.ok(view.ruledOut.count > 15, `${view.ruledOut.count}`);
  assert.equal(view.ruledOut.causes.length, view.ruledOut.count);
  assert.match(view.ruledOut.summary.en, new RegExp(`^${view.ruledOut.count} known mistakes ruled out \\(\\d+ re-signings\\)$`));
  assert.match(view.ruledOut.summary.zh, new RegExp(`已排除 ${view.ruledOut.count} 种已知错误`));
});

test('localized: every text in one language, the same structure; the SecretKey appears nowhere', () => {
  const request = signed(undefined, OTHER_KEY);
  const both = buildDiagnosisView(diagnose({ request, secretKey: KEY, errorCode: 'AuthFailure.SignatureFailure' }));
  const zh = buildDiagnosisView(diagnose({ request, secretKey: KEY, errorCode: 'AuthFailure.SignatureFailure' }), 'zh-CN');
  assert.deepEqual(zh, localizeDiagnosisView(both, 'zh-CN'));
  assert.equal(zh.headline, both.headline.zh);
  assert.equal(zh.labels.fix, '处理');
  assert.equal(zh.candidates[0]?.title, both.candidates[0]?.title.zh);
  assert.equal(zh.ruledOut.causes[0]?.title, both.ruledOut.causes[0]?.title.zh);
  assert.equal(typeof zh.steps[0]?.title, 'string');
  const en = localizeDiagnosisView(both, 'en');
  for (const text of [JSON.stringify(both), JSON.stringify(zh), JSON.stringify(en)]) {
    assert.ok(!text.includes(KEY) && !text.includes(OTHER_KEY), 'no SecretKey in any view');
  }
  // A difference in a step derived from the key is masked, and carries no character context.
  const derived = buildDiagnosisView({
    ...diagnose({ request, secretKey: KEY }),
    firstDifferingStep: {
      step: 'secretSigning',
      title: { en: 'SecretSigning', zh: 'SecretSigning' },
      source: 'signature',
      expected: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      got: 'ffffc3d4e5f60718293a4b5c6d7e8f90',
      expectedIs: { en: 'x', zh: 'x' },
      gotIs: { en: 'y', zh: 'y' },
      diff: { index: 0, line: 1, column: 1, expected: 'a1b2', got: 'ffff', caret: 0 },
    },
  });
  assert.equal(derived.difference?.masked, true);
  assert.equal(derived.difference?.at, undefined);
  assert.ok(!JSON.stringify(derived.difference).includes('e5f607'));
});
