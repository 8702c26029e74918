import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRawHttp } from './parseRawHttp.js';

// The doc's "最终完整的调用信息" (签名方法 v3), as a raw request.
const DOC_REQUEST = [
  'POST https://cvm.tencentcloudapi.com/',
  'Authorization: TC3-HMAC-SHA256 Credential=AKIDz8krbsj5yKBZQpn74WFkmLPx3***/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3',
  'Content-Type: application/json; charset=utf-8',
  'Host: cvm.tencentcloudapi.com',
  'X-TC-Action: DescribeInstances',
  '',
  '{"Limit": 1}',
].join('\n');

test('origin-form target with Host, CRLF, Content-Length trimming a pasted trailing newline', () => {
  const result = parseRawHttp(
    'POST / HTTP/1.1\r\nHost: iotcloud.tencentcloudapi.com\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{"设备":1}\r\n',
  );
  assert.ok(result.ok, result.ok ? '' : result.error);
  assert.equal(result.request.url, 'https://iotcloud.tencentcloudapi.com/');
  assert.equal(result.request.body, '{"设备":1}', 'Content-Length counts UTF-8 bytes');
  assert.ok(result.notes.some((n) => n.includes('Content-Length')));
  assert.deepEqual(
    result.request.headers.map((h) => h.name),
    ['Host', 'Content-Type', 'Content-Length'],
  );
});

test("the doc's final request: absolute target, no HTTP version, LF only, body kept as is", () => {
  const result = parseRawHttp(DOC_REQUEST);
  assert.ok(result.ok, result.ok ? '' : result.error);
  assert.equal(result.request.method, 'POST');
  assert.equal(result.request.url, 'https://cvm.tencentcloudapi.com/');
  assert.equal(result.request.headers.length, 4);
  assert.equal(result.request.body, '{"Limit": 1}');
});

test('a body keeps its inner blank lines and CRLFs; folded header lines are joined', () => {
  const result = parseRawHttp('POST /?a=1 HTTP/1.1\nHost: x.tencentcloudapi.com\nX-Long: one\n  two\n\nline1\r\n\r\nline3');
  assert.ok(result.ok);
  assert.equal(result.request.url, 'https://x.tencentcloudapi.com/?a=1');
  assert.equal(result.request.headers[1]!.value, 'one two');
  assert.equal(result.request.body, 'line1\r\n\r\nline3');
});

test('HTTP/2 pseudo-headers from DevTools give the method, path and authority', () => {
  const result = parseRawHttp('POST / HTTP/2\n:authority: iotcloud.tencentcloudapi.com\n:path: /\n:scheme: https\ncontent-type: application/json\n\n{}');
  assert.ok(result.ok, result.ok ? '' : result.error);
  assert.equal(result.request.url, 'https://iotcloud.tencentcloudapi.com/');
  assert.deepEqual(result.request.headers, [{ name: 'content-type', value: 'application/json' }]);
});

test('malformed requests are refused saying what was expected', () => {
  const cases: [string, RegExp][] = [
    ['', /^raw HTTP: expected a request line/],
    ['hello world', /^raw HTTP: line 1 should be METHOD SP target SP HTTP\/1\.1/],
    ['POST / HTTP/1.1\nno colon here', /^raw HTTP: line 2 should be a header "Name: value"/],
    ['POST / HTTP/1.1\nContent-Type: a', /^raw HTTP: expected a Host header/],
    ['POST * HTTP/1.1\nHost: a', /^raw HTTP: line 1 should have a target starting with \//],
    ['GET / HTTP/1.1\n continuation', /^raw HTTP: line 2 should be a header "Name: value", not a continuation/],
  ];
  for (const [text, message] of cases) {
    const result = parseRawHttp(text);
    assert.equal(result.ok, false, text);
    if (!result.ok) assert.match(result.error, message, text);
  }
});
