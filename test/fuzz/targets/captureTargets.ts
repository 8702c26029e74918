// Fuzz targets for the capture readers (curl, raw HTTP, HAR) and the diagnosis that reads what they capture.
import fc from 'fast-check';
import { DIAGNOSIS_CAUSES, diagnose, parseCurl, parseHarEntry, parseRawHttp, signTc3, signV1, toCurl, type CaptureResult } from '@iot-devkit/core';
import { nodeHashProvider } from '../../../cli/src/nodeHashProvider.js';
import { type FuzzTarget, type Outcome, expect, KEY, mutated, textInputs, repeat, hostHeavy, refusedBySigningInput } from './fuzzKit.js';

// ── captures ────────────────────────────────────────────────────────────────────────────────────────────────────
const signed = signTc3({
  method: 'POST',
  url: 'https://iotcloud.tencentcloudapi.com/',
  headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeDevice' },
  body: '{"ProductId":"ABCDEFGHIJ","DeviceName":"温度计","Ids":[1,2]}',
  timestamp: 1551113065,
  secretId: 'AKIDfuzzOnly',
  secretKey: KEY,
  signedHeaders: ['content-type', 'host', 'x-tc-action'],
});
const SIGNED_CURL = toCurl({
  method: 'POST',
  url: 'https://iotcloud.tencentcloudapi.com/',
  headers: signed.headers,
  body: '{"ProductId":"ABCDEFGHIJ","DeviceName":"温度计","Ids":[1,2]}',
});
const v1 = signV1({
  algorithm: 'HmacSHA256',
  method: 'GET',
  host: 'iotcloud.tencentcloudapi.com',
  params: { Action: 'DescribeDevices', Nonce: 1, SecretId: 'AKIDfuzzOnly', SignatureMethod: 'HmacSHA256', Timestamp: 1551113065, 'Names.0': '设 备' },
  secretKey: KEY,
});
const SIGNED_RAW = `GET /?${v1.query} HTTP/1.1\r\nHost: iotcloud.tencentcloudapi.com\r\n\r\n`;

const CURL_SAMPLES = [
  SIGNED_CURL,
  `curl 'https://iotcloud.tencentcloudapi.com/' -H 'content-type: application/json' -H 'x-tc-action: UpdateDeviceShadow' --data-raw $'{"State":"{\\\\"a\\\\":1}","Name":"\\u8bbe\\u5907\\n"}' --compressed`,
  `curl -G https://cvm.tencentcloudapi.com/ --data-urlencode 'Name=未命名' -d Limit=1 -sS -H 'constructor: x' -H '__proto__: y'`,
  `curl --request POST --url https://trro.tencentcloudapi.com/ --header 'X-TC-Token: t' --json '{"ProjectId":"p-1"}'`,
];
const RAW_SAMPLES = [
  SIGNED_RAW,
  'POST / HTTP/1.1\r\nHost: iotcloud.tencentcloudapi.com\r\nContent-Type: application/json\r\nX-TC-Action: DescribeDevice\r\nContent-Length: 2\r\n\r\n{}',
  'POST https://cvm.tencentcloudapi.com/\nAuthorization: TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=00\nContent-Type: application/json; charset=utf-8\ntoString: z\n\n{"Limit": 1}',
  'POST / HTTP/2\n:authority: iotcloud.tencentcloudapi.com\n:path: /\ncontent-type: application/json\nX-Folded: a\n  b\n\n{"设备":"温度"}',
];
const CAPTURE_NASTY = [
  "'",
  '"',
  '\\',
  '\n',
  '\r\n',
  '$',
  "$'",
  '-',
  '--',
  ':',
  ';',
  '|',
  '#',
  ' ',
  '\t',
  '@',
  '^',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '%',
  '=',
  '&',
  '?',
  '/',
  'http://',
  ' HTTP/1.1',
  '-H',
  '-d',
  '-X',
  '\\u',
  '\\uD800',
  '__proto__: ',
  'constructor: ',
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
          headers: [
            { name: ':authority', value: 'iotcloud.tencentcloudapi.com' },
            { name: 'content-type', value: 'application/json' },
            { name: 'constructor', value: 'x' },
          ],
          postData: { mimeType: 'application/json', text: '{"ProductId":"ABCDEFGHIJ"}' },
        },
      },
      {
        request: {
          method: 'POST',
          url: 'https://iotcloud.tencentcloudapi.com/',
          headers: [],
          postData: {
            params: [
              { name: 'Action', value: 'DescribeDevices' },
              { name: 'Limit', value: '10' },
            ],
          },
        },
      },
    ],
  },
};
const HAR_KEYS = [
  'method',
  'url',
  'headers',
  'postData',
  'text',
  'params',
  'name',
  'value',
  'log',
  'entries',
  'request',
  'startedDateTime',
  '__proto__',
  'constructor',
];

/** The HAR sample with one value somewhere replaced by random JSON (valid JSON, so the shape checks are reached). */
const harInputs = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...HAR_KEYS))
      .map(([path, replacement, key]) => {
        const copy = JSON.parse(JSON.stringify(HAR_SAMPLE)) as unknown;
        let node = copy as Record<string, unknown>;
        for (const step of path) {
          const keys = Object.keys(node);
          if (keys.length === 0) break;
          const name = keys[step % keys.length]!;
          const child = node[name];
          if (typeof child !== 'object' || child === null || step % 5 === 0) {
            Object.defineProperty(node, step % 7 === 0 ? key : name, { value: replacement, enumerable: true, writable: true, configurable: true });
            break;
          }
          node = child as Record<string, unknown>;
        }
        return copy;
      }),
  },
  { weight: 2, arbitrary: mutated([JSON.stringify(HAR_SAMPLE)], ['"', '\\', '{', '[', ']', '}', ',', ':', '\\ud800', '\uD800']) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

function checkCapture(result: CaptureResult, prefix: string): Outcome {
  expect(typeof result === 'object' && result !== null, 'a CaptureResult object');
  if (result.ok) {
    const { method, url, headers, body } = result.request;
    expect(/^[A-Za-z]+$/.test(method), `a method of letters, got ${JSON.stringify(method)}`);
    expect(/^https?:\/\/[^\s/?#]+/i.test(url), `an absolute http(s) URL, got ${JSON.stringify(url).slice(0, 80)}`);
    expect(
      headers.every((h) => typeof h.name === 'string' && typeof h.value === 'string'),
      'headers of strings',
    );
    expect(typeof body === 'string', 'a string body');
    expect(
      result.notes.every((n) => typeof n === 'string'),
      'notes of strings',
    );
    return 'ok';
  }
  expect(
    typeof result.error === 'string' && result.error.startsWith(prefix),
    `an error starting with ${JSON.stringify(prefix)}, got ${JSON.stringify(result.error)}`,
  );
  expect(/expected|should/.test(result.error), `an error saying what was expected, got ${JSON.stringify(result.error)}`);
  return 'refused';
}

/** A TC3 capture signed with a key other than KEY, so no candidate reproduces it and the diagnosis tries them all. */
function tc3Worst(body: string, contentType: string): string {
  const other = signTc3({
    method: 'POST',
    url: 'https://iotcloud.tencentcloudapi.com/',
    headers: { 'Content-Type': contentType, 'X-TC-Action': 'UpdateDeviceShadow' },
    body,
    timestamp: 1551113065,
    secretId: 'AKIDfuzzOnly',
    secretKey: 'fuzzOnlyAnotherMadeUpKey0000000',
    signedHeaders: ['content-type', 'host', 'x-tc-action'],
  });
  return [`POST / HTTP/1.1`, ...Object.entries(other.headers).map(([k, v]) => `${k}: ${v}`), '', body].join('\r\n');
}

export const CAPTURE_TARGETS: readonly FuzzTarget[] = [
  {
    name: 'curl',
    inputs: textInputs(CURL_SAMPLES, CAPTURE_NASTY),
    run: (input) => checkCapture(parseCurl(input as string), 'curl: '),
    adversarial: (n) => [
      ['spaces inside a header value', `curl https://a.com/ -H 'X: a${' '.repeat(n)}b'`],
      ['backslashes', `curl https://a.com/ -d $'${repeat('\\\\', n)}'`],
      ['open double quote', `curl https://a.com/ -d "${repeat('\\"', n)}`],
      ['a long host', `curl ${hostHeavy(n)} -d x`],
      ['repeated -H', `curl https://a.com/ ${repeat("-H 'A: b' ", n)}`],
      ['short option clusters', `curl https://a.com/ ${repeat('-sSLk', n)}`],
      ['$ and curl prefixes', `$ ${repeat('/curl', n)} https://a.com/`],
    ],
  },
  {
    name: 'raw HTTP',
    inputs: textInputs(RAW_SAMPLES, CAPTURE_NASTY),
    run: (input) => checkCapture(parseRawHttp(input as string), 'raw HTTP: '),
    adversarial: (n) => [
      ['spaces inside a header value', `POST / HTTP/1.1\r\nHost: a.com\r\nX: a${' '.repeat(n)}b\r\n\r\n`],
      ['trailing spaces and tabs', `POST / HTTP/1.1\r\nHost: a.com\r\nX: a${repeat(' \t', n)}\r\n\r\n`],
      ['spaces in the request line', `GET /${' '.repeat(n)}x`],
      ['a long target', `GET /${repeat('a/', n)} HTTP/1.1\r\nHost: a.com\r\n\r\n`],
      ['folded lines', `POST / HTTP/1.1\r\nHost: a.com\r\nX: a\r\n${repeat(' b\r\n', n)}\r\n`],
      ['many headers', `POST / HTTP/1.1\r\nHost: a.com\r\n${repeat('A: b\r\n', n)}\r\n`],
      ['a long host', `GET / HTTP/1.1\r\nHost: ${'a'.repeat(n)}:\r\n\r\n`],
    ],
  },
  {
    name: 'HAR',
    inputs: harInputs,
    run: (input) => checkCapture(parseHarEntry(input), 'HAR: '),
    adversarial: (n) => [
      ['nested arrays', '['.repeat(n / 2) + ']'.repeat(n / 2)],
      ['nested objects', repeat('{"a":', n) + '1' + '}'.repeat(Math.floor(n / 5))],
      ['backslashes in a string', `{"request":{"method":"GET","url":"https://a.com/","headers":[],"x":"${repeat('\\\\', n)}"}}`],
      ['many entries', `{"log":{"entries":[${repeat('{"request":{"method":"GET","url":"https://a.com/"}},', n)}{}]}}`],
      ['a long URL host', JSON.stringify({ request: { method: 'GET', url: hostHeavy(n), headers: [] } })],
    ],
  },
  {
    name: 'diagnosis',
    inputs: fc.tuple(
      textInputs(
        [SIGNED_CURL, SIGNED_RAW],
        [
          '\n',
          ';',
          ',',
          '=',
          '/',
          ' ',
          '%',
          '&',
          '+',
          'TC3',
          'Signature=',
          'x-tc-timestamp: 99999999999999',
          'X-TC-Timestamp: 8640000000001',
          'SignatureMethod=HmacSHA1&',
          'constructor',
          '__proto__',
          '\uD800',
          '%ED%A0%80',
        ],
      ),
      fc.option(fc.integer({ min: -900, max: 900 })),
      fc.option(fc.constantFrom('AuthFailure.SignatureExpire', 'AuthFailure.SignatureFailure', 'AuthFailure.TokenFailure')),
    ),
    run: (input) => {
      const [text, skew, errorCode] = input as [string, number | null, string | null];
      const parsed = text.startsWith('curl') ? parseCurl(text) : parseRawHttp(text);
      if (!parsed.ok) return 'refused';
      try {
        const d = diagnose(
          { request: parsed.request, secretKey: KEY, ...(skew !== null ? { sentAt: 1551113065 + skew } : {}), ...(errorCode !== null ? { errorCode } : {}) },
          // The full-day timestamp search is a constant ~260 000 HMACs whatever the input (timestampSearch.test.ts and
          // the bench cover it); narrowed here so the per-input timings still show a super-linear pattern.
          { crypto: nodeHashProvider, timestampSearchRadius: 60 },
        );
        expect(typeof d.match === 'boolean' && (d.cause === null || DIAGNOSIS_CAUSES.includes(d.cause)), `a verdict, got ${JSON.stringify(d).slice(0, 200)}`);
        expect(d.explanation.en.length > 0 && d.explanation.zh.length > 0, 'an explanation in both languages');
        expect(!JSON.stringify(d).includes(KEY), 'the key never in the diagnosis');
        return 'ok';
      } catch (error) {
        return refusedBySigningInput(error);
      }
    },
    adversarial: (n) => {
      const withBody = (body: string) =>
        SIGNED_RAW.replace('GET', 'POST').replace('\r\n\r\n', `\r\nContent-Type: application/json${' '.repeat(n / 4)};charset=x\r\n\r\n${body}`);
      const cases: [string, string][] = [
        ['a body of newlines', withBody('\n'.repeat(n))],
        ['spaces before a charset', withBody('{}')],
        ['a JSON body of backslashes', withBody(`{"a":"${'\\\\'.repeat(n / 2)}"}`)],
        ['trailing spaces in every line of the body', withBody(repeat('a   \n', n))],
        ['a repeated Credential=', SIGNED_CURL.replace('Credential=', repeat('Credential=', n))],
        ['TC3, a body of newlines, signed with another key (every mistake tried)', tc3Worst('\n'.repeat(n), `application/json${' '.repeat(64)};charset=utf-8`)],
        ['TC3, a JSON body, signed with another key', tc3Worst(JSON.stringify({ a: 'x'.repeat(n - 10) }), 'application/json')],
      ];
      return cases.map(([label, text]) => [label, [text, null, null]]);
    },
  },
];
