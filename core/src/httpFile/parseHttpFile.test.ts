import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HttpFileRequest, Placeholder } from './HttpFile.js';
import { parseHttpFile } from './parseHttpFile.js';

const placeholders = (request: HttpFileRequest | undefined) =>
  [request!.url, ...request!.headers.map((h) => h.value), ...(request!.body ? [request!.body] : [])].flatMap((t) =>
    t.parts.filter((p): p is Placeholder => typeof p !== 'string'),
  );

const FILE = [
  '# A collection',
  '@host = http://127.0.0.1:9180',
  '// another comment',
  '@product = DEMO000001',
  '',
  '### Read the shadow',
  '# @name shadow',
  'POST {{host}}/ HTTP/1.1',
  'Authorization: TC3 service:iotcloud region:ap-guangzhou',
  'X-TC-Action: DescribeDeviceShadow',
  '# a comment between headers',
  'Content-Type:   application/json  ',
  '',
  '{"ProductId": "{{product}}",',
  ' "DeviceName": "thermostat-1"}',
  '',
  '',
  '###',
  '// @name   update',
  'post {{host}}/',
  '',
  '{"ShadowVersion": {{shadow.response.body.$.Response.Data.payload.version}}, "At": {{$timestamp}}, "Id": "{{$guid}}", "N": {{$randomInt 1 9}}}',
  '### bare URL',
  'https://example.com/items',
  '    ?page=2',
  '    &size={{$processEnv PAGE_SIZE}}',
  'Accept: */*',
  'X-Trace: {{shadow.response.headers.X-Request-Id}}',
].join('\n');

test('every syntax element: variables, ### with text, @name both ways, request line with and without HTTP/1.1, headers, comments, body, bare URL, query continuation', () => {
  const file = parseHttpFile(FILE);
  assert.deepEqual(file.problems, []);
  assert.deepEqual(
    file.variables.map((v) => [v.name, v.value.raw, v.position.line, v.value.position.column]),
    [
      ['host', 'http://127.0.0.1:9180', 2, 9],
      ['product', 'DEMO000001', 4, 12],
    ],
  );
  assert.equal(file.requests.length, 3);
  const [shadow, update, bare] = file.requests;
  assert.equal(shadow!.name, 'shadow');
  assert.deepEqual(shadow!.namePosition, { line: 7, column: 1 });
  assert.equal(shadow!.title, 'Read the shadow');
  assert.equal(shadow!.method, 'POST');
  assert.equal(shadow!.url.raw, '{{host}}/');
  assert.deepEqual(shadow!.position, { line: 8, column: 1 });
  assert.deepEqual(shadow!.url.position, { line: 8, column: 6 });
  assert.deepEqual(
    shadow!.headers.map((h) => [h.name, h.value.raw, h.position.line]),
    [
      ['Authorization', 'TC3 service:iotcloud region:ap-guangzhou', 9],
      ['X-TC-Action', 'DescribeDeviceShadow', 10],
      ['Content-Type', 'application/json', 12],
    ],
  );
  assert.equal(shadow!.body!.raw, '{"ProductId": "{{product}}",\n "DeviceName": "thermostat-1"}');
  assert.deepEqual(shadow!.body!.position, { line: 14, column: 1 });
  assert.deepEqual([shadow!.startLine, shadow!.endLine], [6, 17]);

  assert.equal(update!.name, 'update');
  assert.equal(update!.method, 'POST', 'methods are read without case');
  assert.equal(update!.title, undefined);
  assert.deepEqual(
    placeholders(update).map((p) => [p.kind, p.line, p.column]),
    [
      ['variable', 20, 6],
      ['responseBody', 22, 19],
      ['timestamp', 22, 83],
      ['guid', 22, 106],
      ['randomInt', 22, 123],
    ],
  );
  const version = placeholders(update)[1] as Extract<Placeholder, { kind: 'responseBody' }>;
  assert.equal(version.request, 'shadow');
  assert.deepEqual(version.path, ['Response', 'Data', 'payload', 'version']);

  assert.equal(bare!.method, 'GET');
  assert.equal(bare!.url.raw, 'https://example.com/items?page=2&size={{$processEnv PAGE_SIZE}}');
  assert.deepEqual(
    placeholders(bare).map((p) => [p.kind, p.line, p.column, 'name' in p ? p.name : 'header' in p ? p.header : '']),
    [
      ['processEnv', 26, 11, 'PAGE_SIZE'],
      ['responseHeader', 28, 10, 'X-Request-Id'],
    ],
  );
  assert.equal(bare!.body, undefined);
});

test('CRLF line ends and a file with only variables and comments', () => {
  const file = parseHttpFile('@a = 1\r\n# note\r\nGET http://x.test/{{a}} HTTP/1.1\r\nAccept: text/plain\r\n\r\nbody line\r\n');
  assert.deepEqual(file.problems, []);
  assert.equal(file.requests[0]!.headers[0]!.value.raw, 'text/plain');
  assert.equal(file.requests[0]!.body!.raw, 'body line');
  const empty = parseHttpFile('# nothing to send\n@a = 1\n');
  assert.deepEqual([empty.requests.length, empty.problems.length, empty.variables.length], [0, 0, 1]);
});

test('a body keeps # lines and blank lines inside it; only ### ends it', () => {
  const file = parseHttpFile('POST http://x.test/\n\nline 1\n# not a comment\n\nline 3\n###\nGET http://y.test/');
  assert.equal(file.requests[0]!.body!.raw, 'line 1\n# not a comment\n\nline 3');
  assert.equal(file.requests[1]!.url.raw, 'http://y.test/');
});

test('each mistake is a problem naming its line, column and what is expected; nothing throws', () => {
  const cases: [string, number, number, RegExp][] = [
    ['FETCH http://x.test/', 1, 1, /FETCH: not an HTTP method; expected one of GET, POST/],
    ['hello there', 1, 1, /hello: not an HTTP method/],
    ['  {"ProductId": 1}', 1, 3, /expected a request line "METHOD URL \[HTTP\/1\.1\]" \(or a bare URL for GET\)/],
    ['GET', 1, 1, /expected a request line/],
    ['POST http://x.test/a b', 1, 6, /the URL has a space/],
    ['@ = 3', 1, 1, /expected a file variable "@name = value"/],
    ['@novalue', 1, 1, /expected a file variable "@name = value"/],
    ['@a = 1\n@a = 2', 2, 1, /@a: already defined at line 1/],
    ['GET http://x.test/\nNot a header\n', 2, 1, /expected a header "Name: value" or a blank line before the body/],
    ['# @name\nGET http://x.test/', 1, 1, /@name: expected one name/],
    ['# @name a.b\nGET http://x.test/', 1, 1, /@name: expected one name/],
    ['# @name a\nGET http://x.test/\n###\n# @name a\nGET http://y.test/', 4, 1, /@name a: already the name of the request at line 1/],
    ['# @name lonely\n###\nGET http://x.test/', 1, 1, /@name lonely names no request/],
    ['GET http://x.test/{{host', 1, 19, /"\{\{" is not closed: expected "\}\}"/],
    ['GET http://x.test/{{}}', 1, 19, /\{\{\}\}: expected a variable name, a system variable/],
    ['GET http://x.test/{{$datetime iso8601}}', 1, 19, /\$datetime is not a supported system variable; supported: \$processEnv NAME, \$timestamp/],
    ['GET http://x.test/{{$processEnv}}', 1, 19, /\$processEnv takes one environment variable name/],
    ['GET http://x.test/{{$timestamp -1 d}}', 1, 19, /offsets such as "-1 d" are not supported/],
    ['GET http://x.test/{{$randomInt 5 1}}', 1, 19, /\$randomInt takes two integers MIN < MAX/],
    ['GET http://x.test/\n\n{"v": {{a.response.body.Response}}}', 3, 7, /a JSON path starts with \$/],
    ['GET http://x.test/\n\n{"v": {{a.response.body.$.Items[*]}}}', 3, 7, /only the \$\.a\.b\[0\] subset of JSONPath is supported/],
    ['GET http://x.test/\n\n{"v": {{a.request.body.$.x}}}', 3, 7, /request\.\* parts are not supported/],
    ['GET http://x.test/\nX: {{a b}}', 2, 4, /expected a variable name/],
  ];
  for (const [text, line, column, message] of cases) {
    const file = parseHttpFile(text);
    const problem = file.problems[0];
    assert.ok(problem, `no problem for ${JSON.stringify(text)}`);
    assert.match(problem.message, message, JSON.stringify(text));
    assert.deepEqual([problem.line, problem.column], [line, column], `${JSON.stringify(text)}: ${problem.message}`);
  }
});

test('a wrong request line does not cascade: the rest of its block is skipped, the next block is read', () => {
  const file = parseHttpFile('FOO http://x.test/\nNot: read\n\nbody\n###\nGET http://y.test/');
  assert.equal(file.problems.length, 1);
  assert.equal(file.requests.length, 1);
  assert.equal(file.requests[0]!.position.line, 6);
});

test('braces that are not placeholders stay text: JSON bodies, "{{{x}}}"', () => {
  const file = parseHttpFile('@x = 1\nPOST http://x.test/\n\n{"a":{"b":[{"c":{}}]}, "d": "{{{x}}}"}');
  assert.deepEqual(file.problems, []);
  const body = file.requests[0]!.body!;
  assert.deepEqual(
    body.parts.map((p) => (typeof p === 'string' ? p : `<${p.kind}>`)),
    ['{"a":{"b":[{"c":{}}]}, "d": "{', '<variable>', '}"}'],
  );
});

test('not text: a problem, not an exception', () => {
  const file = parseHttpFile(42 as unknown as string);
  assert.equal(file.requests.length, 0);
  assert.match(file.problems[0]!.message, /expected text/);
});
