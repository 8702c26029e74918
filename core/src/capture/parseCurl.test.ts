import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCurl } from './parseCurl.js';

// The doc's own example (签名方法 v3, shared/seeds/001), verbatim: double quotes, backslash-newline continuations,
// a single-quoted body holding \u escapes that must stay literal.
const DOC_EXAMPLE = `curl -X POST https://cvm.tencentcloudapi.com \\
-H "Authorization: TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*****/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3" \\
-H "Content-Type: application/json; charset=utf-8" \\
-H "Host: cvm.tencentcloudapi.com" \\
-H "X-TC-Action: DescribeInstances" \\
-H "X-TC-Timestamp: 1551113065" \\
-H "X-TC-Version: 2017-03-12" \\
-H "X-TC-Region: ap-guangzhou" \\
-d '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}'`;

const ok = (text: string) => {
  const result = parseCurl(text);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result;
};

test("the doc's curl example: method, URL, headers in order, body byte for byte", () => {
  const { request, notes } = ok(DOC_EXAMPLE);
  assert.equal(request.method, 'POST');
  assert.equal(request.url, 'https://cvm.tencentcloudapi.com');
  assert.deepEqual(
    request.headers.map((h) => h.name),
    ['Authorization', 'Content-Type', 'Host', 'X-TC-Action', 'X-TC-Timestamp', 'X-TC-Version', 'X-TC-Region'],
  );
  assert.equal(request.headers[0]!.value.slice(-64), 'be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3');
  assert.equal(request.body, '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}');
  assert.deepEqual(notes, [], 'Content-Type was given, so curl adds none');
});

test("long options, --url, $'…' bodies, attached short values and ignored flags", () => {
  const { request, notes } = ok(
    `curl --request POST --url 'https://iotcloud.tencentcloudapi.com/' --header 'content-type: application/json' -sSL --compressed --data-raw $'{"Name":"\\u8bbe\\u5907","Note":"a\\nb\\'c"}'`,
  );
  assert.equal(request.method, 'POST');
  assert.equal(request.url, 'https://iotcloud.tencentcloudapi.com/');
  assert.equal(request.body, '{"Name":"设备","Note":"a\nb\'c"}');
  assert.ok(notes.some((n) => n.includes('--compressed')));
  const attached = ok(`curl -XPOST -H'X-TC-Action: DescribeDevice' https://iotcloud.tencentcloudapi.com/ -d '{}'`).request;
  assert.equal(attached.method, 'POST');
  assert.deepEqual(attached.headers[0], { name: 'X-TC-Action', value: 'DescribeDevice' });
});

test('double quotes keep backslashes except before $ ` " \\ and newline; CRLF continuations work', () => {
  const { request } = ok('curl "https://iotcloud.tencentcloudapi.com/" \\\r\n  -H "X-A: a\\"b\\\\c\\d\\$e" \\\r\n  --data-binary "{\\"k\\":1}"');
  assert.equal(request.headers[0]!.value, 'a"b\\c\\d$e');
  assert.equal(request.body, '{"k":1}');
});

test('-d adds the Content-Type curl sends by itself; -H "Name:" removes it; repeated -d join with &', () => {
  const form = ok(`curl https://cvm.tencentcloudapi.com/ -d Action=DescribeInstances -d Version=2017-03-12`);
  assert.equal(form.request.method, 'POST');
  assert.equal(form.request.body, 'Action=DescribeInstances&Version=2017-03-12');
  assert.deepEqual(form.request.headers, [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }]);
  assert.ok(form.notes.some((n) => n.includes('application/x-www-form-urlencoded')));
  const removed = ok(`curl https://cvm.tencentcloudapi.com/ -H 'Content-Type:' -d x=1`);
  assert.deepEqual(removed.request.headers, []);
  const json = ok(`curl https://cvm.tencentcloudapi.com/ --json '{"a":1}'`);
  assert.deepEqual(json.request.headers, [
    { name: 'Accept', value: 'application/json' },
    { name: 'Content-Type', value: 'application/json' },
  ]);
});

test('-G moves the data to the query; --data-urlencode encodes the value part', () => {
  const { request } = ok(`curl -G https://cvm.tencentcloudapi.com/ --data-urlencode 'Name=未命名 a+b' -d Limit=1`);
  assert.equal(request.method, 'GET');
  assert.equal(request.url, 'https://cvm.tencentcloudapi.com/?Name=%E6%9C%AA%E5%91%BD%E5%90%8D%20a%2Bb&Limit=1');
  assert.equal(request.body, '');
});

test('what curl cannot carry in a paste, and malformed commands, are refused saying what was expected', () => {
  const cases: [string, RegExp][] = [
    ['curl -X POST', /^curl: expected a URL after "-X POST"/],
    ['wget https://x.tencentcloudapi.com/', /^curl: expected the command to start with curl/],
    ['', /^curl: expected the command to start with curl/],
    [`curl 'https://x.tencentcloudapi.com/`, /^curl: expected a closing ' for the quote opened at line 1 column 6/],
    [`curl "https://x.tencentcloudapi.com/`, /^curl: expected a closing "/],
    ['curl https://x.tencentcloudapi.com/ -d @body.json', /reads the body from a file.*expected the body inline/],
    ['curl https://x.tencentcloudapi.com/ -F a=b', /multipart.*expected the request as raw HTTP or a HAR entry/],
    ['curl https://x.tencentcloudapi.com/ -H novalue', /expected -H 'Name: value'/],
    ['curl https://a.tencentcloudapi.com/ https://b.tencentcloudapi.com/', /expected one URL, found 2/],
    ['curl https://x.tencentcloudapi.com/ -H', /expected a value after -H/],
    ['curl ftp://x/', /expected an http\(s\) URL/],
    ['curl ^"https://x/^" ^\n -H ^"a: b^"', /Windows cmd copy.*expected a bash\/POSIX curl command/],
  ];
  for (const [text, message] of cases) {
    const result = parseCurl(text);
    assert.equal(result.ok, false, text);
    if (!result.ok) assert.match(result.error, message, text);
  }
});

test('the command ends at an unquoted ; | or >, which is noted', () => {
  const { request, notes } = ok(`curl https://x.tencentcloudapi.com/ -d '{"a":";"}' | jq .`);
  assert.equal(request.body, '{"a":";"}');
  assert.ok(notes.some((n) => n.includes('jq')));
});

test('headers named like Object.prototype members are kept, in order, and become own properties of the record', async () => {
  const { capturedHeaderRecord } = await import('./CapturedRequest.js');
  const parsed = parseCurl(
    "curl https://iotcloud.tencentcloudapi.com/ -H '__proto__: a' -H 'constructor: b' -H 'toString: c' -H 'hasOwnProperty: d' --data-raw '{}'",
  );
  assert.ok(parsed.ok);
  assert.deepEqual(
    parsed.request.headers.slice(0, 4).map((h) => `${h.name}=${h.value}`),
    ['__proto__=a', 'constructor=b', 'toString=c', 'hasOwnProperty=d'],
  );
  const record = capturedHeaderRecord(parsed.request);
  assert.deepEqual(Object.keys(record).slice(0, 4), ['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
  assert.equal(Object.getPrototypeOf(record), Object.prototype, 'the record keeps its prototype');
  assert.equal(Object.getOwnPropertyDescriptor(record, '__proto__')?.value, 'a');
});

test("a lone surrogate from $'\\uD800' or a broken paste is refused naming the header or the body", () => {
  const header = parseCurl("curl https://iotcloud.tencentcloudapi.com/ -H $'X-Name: a\\uD800' -d '{}'");
  assert.ok(!header.ok);
  assert.match(header.error, /^curl: the value of header "X-Name" has a lone UTF-16 surrogate U\+D800 at index 1, which has no UTF-8 encoding; expected text/);
  const body = parseCurl('curl https://iotcloud.tencentcloudapi.com/ -d \'{"a":"\uDC00"}\'');
  assert.ok(!body.ok);
  assert.match(body.error, /^curl: the body has a lone UTF-16 surrogate U\+DC00 at index 6/);
  assert.ok(parseCurl('curl https://iotcloud.tencentcloudapi.com/ -d \'{"a":"😀"}\'').ok, 'a surrogate pair is fine');
});

test('--data-urlencode of a lone surrogate is named, not a URIError', () => {
  const parsed = parseCurl("curl -G https://cvm.tencentcloudapi.com/ --data-urlencode $'Name=\\uDC00x'");
  assert.ok(!parsed.ok);
  assert.match(parsed.error, /^curl: --data-urlencode "Name=\\udc00x" has a lone UTF-16 surrogate U\+DC00 at index 5/);
});
