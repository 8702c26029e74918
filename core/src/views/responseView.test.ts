import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildJsonTree, buildResponseView, embeddedJsonPaths, formatByteSize, formatJsonWithEmbedded, parseEmbeddedJson } from './responseView.js';

const shadowBody = JSON.stringify({
  Response: { Data: JSON.stringify({ state: { reported: { temp: 21 } }, version: 3 }), RequestId: 'req-1' },
});

test('a string field holding a JSON object or array is parsed; other strings stay strings', () => {
  assert.deepEqual(parseEmbeddedJson(' {"a":1} '), { a: 1 });
  assert.deepEqual(parseEmbeddedJson('[1,2]'), [1, 2]);
  assert.equal(parseEmbeddedJson('12'), undefined);
  assert.equal(parseEmbeddedJson('true'), undefined);
  assert.equal(parseEmbeddedJson('{not json}'), undefined);
  assert.equal(parseEmbeddedJson('hello {"a":1}'), undefined);
});

test("DescribeDeviceShadow's Data is shown parsed, and its path is named", () => {
  const view = buildResponseView({ status: 200, body: shadowBody, elapsedMs: 12 }, 'browser');
  assert.equal(view.outcome, 'ok');
  assert.equal(view.body.kind, 'json');
  if (view.body.kind !== 'json') return;
  assert.deepEqual(view.body.embeddedPaths, ['Response.Data']);
  const response = view.body.tree.kind === 'object' ? view.body.tree.entries[0]!.node : undefined;
  const data = response?.kind === 'object' ? response.entries.find((e) => e.key === 'Data')?.node : undefined;
  assert.equal(data?.kind, 'string');
  assert.equal(data?.kind === 'string' ? data.embedded?.kind : undefined, 'object');
});

test('formatted text replaces JSON-in-string fields by their value, two-space indented', () => {
  const text = formatJsonWithEmbedded(shadowBody);
  assert.ok(text);
  assert.deepEqual(JSON.parse(text), { Response: { Data: { state: { reported: { temp: 21 } }, version: 3 }, RequestId: 'req-1' } });
  assert.match(text, /\n {6}"state": \{/);
  assert.equal(formatJsonWithEmbedded('<html>'), undefined);
});

test('an API error is explained with its fix; a non-2xx without one is an HTTP error; text bodies stay text', () => {
  const body = JSON.stringify({ Response: { Error: { Code: 'AuthFailure.SignatureExpire', Message: 'expired' }, RequestId: 'r' } });
  const view = buildResponseView({ status: 200, body, elapsedMs: 5 }, 'browser');
  assert.equal(view.outcome, 'apiError');
  assert.equal(view.explanation.error?.code, 'AuthFailure.SignatureExpire');
  assert.match(view.explanation.error?.explanation?.en ?? '', /Fix:/);
  const gateway = buildResponseView({ status: 502, body: '<html>bad gateway</html>', elapsedMs: 1 }, 'browser');
  assert.equal(gateway.outcome, 'httpError');
  assert.deepEqual(gateway.body, { kind: 'text', text: '<html>bad gateway</html>' });
});

test('size is UTF-8 bytes; credential headers are masked, others kept as received', () => {
  const view = buildResponseView(
    { status: 200, body: '{"名":1}', elapsedMs: 1, headers: { 'content-type': 'application/json', 'set-cookie': 'session=abcdef123456' } },
    'browser',
  );
  assert.equal(view.sizeBytes, 9, '名 is three bytes');
  assert.equal(view.sizeText, '9 B');
  assert.deepEqual(view.headers[0], { name: 'content-type', value: 'application/json', masked: false });
  assert.equal(view.headers[1]?.masked, true);
  assert.ok(!view.headers[1]?.value.includes('abcdef123456'));
  assert.equal(formatByteSize(1536), '1.5 KB');
  assert.equal(formatByteSize(3 * 1024 * 1024), '3.0 MB');
});

test('nesting is bounded: strings holding strings holding JSON stop at the depth limit without throwing', () => {
  let value: unknown = { leaf: 1 };
  for (let i = 0; i < 24; i++) value = { inner: JSON.stringify(value) };
  const tree = buildJsonTree(value, 16);
  assert.ok(embeddedJsonPaths(tree).length < 16);
  const deepArray = '['.repeat(5000) + ']'.repeat(5000);
  const view = buildResponseView({ status: 200, body: deepArray, elapsedMs: 1 }, 'browser');
  assert.equal(view.body.kind, 'text', 'too deep to walk: shown as text');
});
