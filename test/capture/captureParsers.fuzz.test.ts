import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCurl, parseHarEntry, parseRawHttp, type CaptureResult } from '@iot-devkit/core';
import { createRandom, type Random, UNICODE } from '../support/random.js';

// 10,000 random and mutated inputs per parser: none may throw, every acceptance must be a well-formed request,
// every rejection must say what was expected. Seeded, so a failure names an input that can be replayed.
const SEED = 20190225;
const RUNS = 10_000;

const CURL_SAMPLES = [
  `curl -X POST https://cvm.tencentcloudapi.com \\\n-H "Authorization: TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*****/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3" \\\n-H "Content-Type: application/json; charset=utf-8" \\\n-H "Host: cvm.tencentcloudapi.com" \\\n-H "X-TC-Action: DescribeInstances" \\\n-H "X-TC-Timestamp: 1551113065" \\\n-d '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}'`,
  `curl 'https://iotcloud.tencentcloudapi.com/' -H 'content-type: application/json' -H 'x-tc-action: UpdateDeviceShadow' --data-raw $'{"State":"{\\\\"a\\\\":1}","Name":"\\u8bbe\\u5907\\n"}' --compressed`,
  `curl -G https://cvm.tencentcloudapi.com/ --data-urlencode 'Name=未命名' -d Limit=1 -sS`,
  `curl --request POST --url https://trro.tencentcloudapi.com/ --header 'X-TC-Token: t' --json '{"ProjectId":"p-1"}'`,
];
const RAW_SAMPLES = [
  'POST / HTTP/1.1\r\nHost: iotcloud.tencentcloudapi.com\r\nContent-Type: application/json\r\nX-TC-Action: DescribeDevice\r\nContent-Length: 2\r\n\r\n{}',
  'POST https://cvm.tencentcloudapi.com/\nAuthorization: TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=00\nContent-Type: application/json; charset=utf-8\n\n{"Limit": 1}',
  'GET /?Action=DescribeInstances&Signature=zmmjn35mikh6pM3V7sUEuX4wyYM%3D HTTP/1.1\nHost: cvm.tencentcloudapi.com\nX-Folded: a\n  b\n\n',
  'POST / HTTP/2\n:authority: iotcloud.tencentcloudapi.com\n:path: /\ncontent-type: application/json\n\n{"设备":"温度"}',
];
const HAR_SAMPLE = {
  log: {
    version: '1.2',
    entries: [
      { request: { method: 'GET', url: 'https://console.cloud.tencent.com/', headers: [{ name: 'accept', value: '*/*' }] } },
      {
        startedDateTime: '2019-02-25T16:44:25.000Z',
        request: {
          method: 'POST',
          url: 'https://iotcloud.tencentcloudapi.com/',
          headers: [{ name: ':authority', value: 'iotcloud.tencentcloudapi.com' }, { name: 'content-type', value: 'application/json' }, { name: 'authorization', value: 'TC3-HMAC-SHA256 …' }],
          postData: { mimeType: 'application/json', text: '{"ProductId":"ABCDEFGHIJ"}' },
        },
      },
    ],
  },
};

const NASTY = ['\'', '"', '\\', '\n', '\r\n', '$', '$\'', '-', '--', ':', ';', '|', '#', ' ', '\t', '{', '}', '[', ']', ',', '@', '^', '\u0000', '\uFEFF', '😀', '未', '%', '=', '&', '?', '/', 'http://', ' HTTP/1.1', '-H', '-d', '-X'];

function mutate(text: string, random: Random): string {
  let out = text;
  for (let n = random.int(1, 4); n > 0; n--) {
    const at = random.int(0, out.length);
    switch (random.int(0, 6)) {
      case 0: out = out.slice(0, at) + out.slice(at + random.int(1, 8)); break;
      case 1: out = out.slice(0, at) + random.pick(NASTY) + out.slice(at); break;
      case 2: out = at + 1 < out.length ? out.slice(0, at) + out[at + 1] + out[at] + out.slice(at + 2) : out; break;
      case 3: out = out.slice(0, at); break;
      case 4: out = out.slice(0, at) + String.fromCharCode(...Array.from({ length: random.int(1, 6) }, () => random.int(0, 0xffff))) + out.slice(at); break;
      case 5: out = out.slice(0, at) + out.slice(random.int(0, out.length), random.int(0, out.length)) + out.slice(at); break;
      default: out = out.slice(0, at) + random.string(UNICODE, 1, 10) + out.slice(at);
    }
  }
  return out;
}

const randomJson = (random: Random, depth = 0): unknown => {
  switch (random.int(0, depth > 2 ? 3 : 5)) {
    case 0: return null;
    case 1: return random.int(-5, 5);
    case 2: return random.string(UNICODE, 0, 12);
    case 3: return random.next() < 0.5;
    case 4: return Array.from({ length: random.int(0, 3) }, () => randomJson(random, depth + 1));
    default: return Object.fromEntries(Array.from({ length: random.int(0, 3) }, () => [random.pick(['method', 'url', 'headers', 'postData', 'text', 'name', 'value', 'log', 'entries', 'request']), randomJson(random, depth + 1)]));
  }
};

/** Replaces one value somewhere in the HAR object with random JSON, keeping the JSON valid so the shape checks are reached. */
function mutateHar(random: Random): unknown {
  const copy = JSON.parse(JSON.stringify(HAR_SAMPLE)) as Record<string, unknown>;
  let node: unknown = copy;
  for (let depth = 0; depth < random.int(1, 6); depth++) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = random.pick(keys);
    const child = (node as Record<string, unknown>)[key];
    if (typeof child !== 'object' || child === null || random.next() < 0.3) {
      (node as Record<string, unknown>)[key] = randomJson(random);
      break;
    }
    node = child;
  }
  return copy;
}

function checkResult(result: CaptureResult, prefix: string, input: unknown, i: number): 'ok' | 'rejected' {
  const where = `run ${i} (seed ${SEED}): ${JSON.stringify(input).slice(0, 200)}`;
  if (result.ok) {
    const { method, url, headers, body } = result.request;
    assert.match(method, /^[A-Za-z]+$/, where);
    assert.match(url, /^https?:\/\/[^\s/?#]+/i, where);
    assert.ok(headers.every((h) => typeof h.name === 'string' && typeof h.value === 'string'), where);
    assert.equal(typeof body, 'string', where);
    return 'ok';
  }
  assert.ok(result.error.startsWith(prefix), where + ' → ' + result.error);
  assert.match(result.error, /expected|should/, where + ' → ' + result.error);
  return 'rejected';
}

for (const [name, prefix, samples, parse] of [
  ['curl', 'curl: ', CURL_SAMPLES, parseCurl],
  ['raw HTTP', 'raw HTTP: ', RAW_SAMPLES, parseRawHttp],
] as const) {
  test(`${name}: 10,000 random and mutated inputs, no throw, every rejection says what was expected`, () => {
    const random = createRandom(SEED);
    const counts = { ok: 0, rejected: 0 };
    for (let i = 0; i < RUNS; i++) {
      const input = i % 10 === 0 ? random.string(UNICODE + NASTY.join(''), 0, 200) : mutate(random.pick(samples), random);
      counts[checkResult(parse(input), prefix, input, i)]++;
    }
    for (const sample of samples) assert.ok(parse(sample).ok, `the unmutated sample parses: ${sample.slice(0, 60)}`);
    // Both outcomes must really occur, or the fuzzing is not reaching the parser's branches.
    assert.ok(counts.ok > 500 && counts.rejected > 500, JSON.stringify(counts));
  });
}

test('HAR: 10,000 random and mutated inputs (text and structure), no throw, every rejection says what was expected', () => {
  const random = createRandom(SEED);
  const text = JSON.stringify(HAR_SAMPLE);
  const counts = { ok: 0, rejected: 0 };
  for (let i = 0; i < RUNS; i++) {
    const input: unknown = i % 3 === 0 ? mutate(text, random) : i % 3 === 1 ? mutateHar(random) : randomJson(random);
    counts[checkResult(parseHarEntry(input), 'HAR: ', input, i)]++;
  }
  assert.ok(parseHarEntry(text).ok);
  assert.ok(counts.ok > 500 && counts.rejected > 500, JSON.stringify(counts));
});
