import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHarEntry } from './parseHarEntry.js';

const entry = (url: string, text?: string) => ({
  startedDateTime: '2019-02-25T16:44:25.000Z',
  request: {
    method: 'POST',
    url,
    httpVersion: 'h2',
    headers: [
      { name: ':authority', value: new URL(url).host },
      { name: 'content-type', value: 'application/json' },
      { name: 'x-tc-action', value: 'DescribeDevice' },
    ],
    queryString: [],
    ...(text === undefined ? {} : { postData: { mimeType: 'application/json', text } }),
  },
  response: { status: 200 },
});

test('from a whole log, the first request to *.tencentcloudapi.com is taken, pseudo-headers left out', () => {
  const har = {
    log: { version: '1.2', entries: [entry('https://console.cloud.tencent.com/x', 'a'), entry('https://iotcloud.tencentcloudapi.com/', '{"ProductId":"A"}')] },
  };
  const result = parseHarEntry(JSON.stringify(har));
  assert.ok(result.ok, result.ok ? '' : result.error);
  assert.equal(result.request.url, 'https://iotcloud.tencentcloudapi.com/');
  assert.equal(result.request.body, '{"ProductId":"A"}');
  assert.deepEqual(
    result.request.headers.map((h) => h.name),
    ['content-type', 'x-tc-action'],
  );
  assert.ok(result.notes.some((n) => n.includes('entry 1 of 2')));
  assert.equal(result.sentAt, 1551113065, 'startedDateTime gives the time it was sent');
});

test('one entry, a bare request, an explicit index, params-only form bodies', () => {
  const one = parseHarEntry(entry('https://trro.tencentcloudapi.com/', '{}'));
  assert.ok(one.ok && one.request.body === '{}');
  const bare = parseHarEntry({ method: 'GET', url: 'https://cvm.tencentcloudapi.com/?A=1', headers: [] });
  assert.ok(bare.ok && bare.request.method === 'GET' && bare.request.body === '');
  const log = { log: { entries: [entry('https://a.tencentcloudapi.com/', '1'), entry('https://b.tencentcloudapi.com/', '2')] } };
  const second = parseHarEntry(log, { index: 1 });
  assert.ok(second.ok && second.request.body === '2');
  const form = parseHarEntry({
    request: {
      method: 'POST',
      url: 'https://cvm.tencentcloudapi.com/',
      headers: [],
      postData: {
        mimeType: 'application/x-www-form-urlencoded',
        params: [
          { name: 'Action', value: 'X' },
          { name: 'Nonce', value: '1' },
        ],
      },
    },
  });
  assert.ok(form.ok && form.request.body === 'Action=X&Nonce=1');
});

test('malformed HAR is refused saying what was expected', () => {
  const cases: [unknown, RegExp][] = [
    ['{not json', /^HAR: expected JSON/],
    ['42', /^HAR: expected a HAR log/],
    [{ log: { entries: {} } }, /^HAR: expected log\.entries to be an array/],
    [{ log: { entries: [] } }, /^HAR: expected at least one entry/],
    [
      { log: { entries: [{ request: { method: 'POST', url: 'nope', headers: [] } }] } },
      /^HAR: log\.entries\[0\]\.request\.url should be an absolute http\(s\) URL/,
    ],
    [
      { request: { method: 'POST', url: 'https://a.tencentcloudapi.com/', headers: [{ name: 1 }] } },
      /^HAR: request\.headers\[0\] should be \{"name": string, "value": string\}/,
    ],
    [{ request: { method: 7, url: 'https://a/' } }, /^HAR: request\.method should be a method/],
    [{ log: { entries: [entry('https://a.tencentcloudapi.com/')] } }, /./],
  ];
  for (const [input, message] of cases.slice(0, -1)) {
    const result = parseHarEntry(input);
    assert.equal(result.ok, false, JSON.stringify(input));
    if (!result.ok) assert.match(result.error, message);
  }
  assert.equal(parseHarEntry({ log: { entries: [entry('https://a.tencentcloudapi.com/')] } }, { index: 3 }).ok, false);
});

test('postData.params with a value that is not text is named, not sent as [object Object]; deep JSON is refused before it is walked', () => {
  const request = (params: unknown[]) => ({ request: { method: 'POST', url: 'https://iotcloud.tencentcloudapi.com/', headers: [], postData: { params } } });
  const object = parseHarEntry(
    request([
      { name: 'a', value: '1' },
      { name: 'b', value: { x: 1 } },
    ]),
  );
  assert.ok(!object.ok);
  assert.equal(object.error, 'HAR: request.postData.params[1].value should be a string, got "{\\"x\\":1}"');
  const number = parseHarEntry(JSON.stringify(request([{ name: 'n', value: 3 }])));
  assert.ok(!number.ok);
  assert.match(number.error, /params\[0\]\.value should be a string, got "3"/);
  const fine = parseHarEntry(request([{ name: 'a', value: '1' }, { name: 'b' }]));
  assert.ok(fine.ok);
  assert.equal(fine.request.body, 'a=1&b=');
  const deep = parseHarEntry(`{"request":{"method":"GET","url":"https://a.com/","headers":[],"x":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`);
  assert.ok(!deep.ok);
  assert.match(deep.error, /^HAR: nested more than 64 levels deep/);
});

test('a structured-cloned value whose arrays carry own "constructor" or "entries" properties is read by index', () => {
  const headers: unknown[] = [{ name: 'content-type', value: 'application/json' }];
  Object.defineProperty(headers, 'entries', { value: 'not a function', enumerable: true });
  const entries: unknown[] = [{ request: { method: 'POST', url: 'https://iotcloud.tencentcloudapi.com/', headers } }];
  Object.defineProperty(entries, 'constructor', { value: 1, enumerable: true });
  const parsed = parseHarEntry({ log: { entries } });
  assert.ok(parsed.ok, JSON.stringify(parsed));
  assert.deepEqual(parsed.request.headers, [{ name: 'content-type', value: 'application/json' }]);
});
