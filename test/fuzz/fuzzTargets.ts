import fc from 'fast-check';
import {
  applyShadowOperation,
  authenticateDeviceConnect,
  checkDevicePublish,
  checkDeviceSubscribe,
  checkRuleSql,
  createDemoState,
  DEMO_PRODUCT_ID,
  deviceTopics,
  readShadowMessage,
  DIAGNOSIS_CAUSES,
  diagnose,
  encodeRuleSql,
  evaluateTopicRules,
  parseCurl,
  parseHarEntry,
  parseMqttUsername,
  parseRawHttp,
  parseRequestUrl,
  parseShadowData,
  prepareShadowUpdate,
  readOneNetToken,
  readShadowState,
  RULE_ERROR_CODES,
  SHADOW_ERROR_CODES,
  SigningInputError,
  signDeviceCredentials,
  signOneNetToken,
  signTc3,
  signV1,
  toCurl,
  verifyDeviceCredentials,
  verifyOneNetToken,
  type CaptureResult,
} from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';
import { runCli } from '../../cli/src/runCli.js';

/**
 * Every parser and entry point that reads text from outside, as fuzz targets: what inputs to generate (mutations
 * of real samples, random text with lone surrogates, random JSON), what "documented outcome" means for it (a result
 * of its documented shape, or the documented error type), and its worst cases at a given size — built per target
 * to hit what a backtracking regex or an unbounded recursion would choke on. The fuzz test and the benchmark both
 * read this list, so the inputs timed are the inputs tested.
 */
export interface FuzzTarget {
  readonly name: string;
  readonly inputs: fc.Arbitrary<unknown>;
  /** Runs the target; resolves to "ok" or "refused" for a documented outcome, throws (AssertionError or the target's own) otherwise. */
  readonly run: (input: unknown) => Outcome | Promise<Outcome>;
  /** Worst-case inputs of about `size` characters, labelled. */
  readonly adversarial: (size: number) => readonly (readonly [string, unknown])[];
}

export type Outcome = 'ok' | 'refused';

/** An outcome outside the target's contract: the fuzz test counts it as a crash. */
export class UndocumentedOutcome extends Error {
  override readonly name = 'UndocumentedOutcome';
}

const expect = (condition: unknown, what: string): void => {
  if (!condition) throw new UndocumentedOutcome(what);
};

const KEY = 'fuzzOnlyMadeUpSecretKey000000000';
const PSK = 'VOQmAku7T1haYaiV7LJfmg==';
const NOW = 1_700_000_000;
const ALPHABET = 'aA0 -_:;,.=&?/#@%+*\'"\\$`!^(){}[]<>|~\t\r\n';

/** One UTF-16 code unit of any value (lone surrogates included), or a character from the syntax that matters. */
const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ALPHABET) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.constantFrom('未', '😀', '\uD800', '\uDC00', '\uFEFF', '\u00A0', '\u3000') },
);
const noise = fc.array(unit, { maxLength: 12 }).map((chars) => chars.join(''));

/** A sample with 1–5 edits: delete, insert (noise or a nasty token), duplicate a slice, cut, swap two characters. */
function mutated(samples: readonly string[], nasty: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat({ max: 5 }), fc.nat(), fc.nat(), fc.oneof(noise, fc.constantFrom(...nasty)));
  return fc.tuple(fc.constantFrom(...samples), fc.array(edit, { minLength: 1, maxLength: 5 })).map(([sample, edits]) => {
    let text = sample;
    for (const [kind, a, b, insert] of edits) {
      const at = text.length === 0 ? 0 : a % (text.length + 1);
      if (kind === 0) text = text.slice(0, at) + text.slice(at + 1 + (b % 8));
      else if (kind === 1) text = text.slice(0, at) + insert + text.slice(at);
      else if (kind === 2) text = text.slice(0, at) + text.slice(at, at + (b % 40)) + text.slice(at);
      else if (kind === 3) text = text.slice(0, at);
      else if (kind === 4 && at + 1 < text.length) text = text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
      else text = text.slice(0, at) + insert.repeat(1 + (b % 30)) + text.slice(at);
    }
    return text;
  });
}

/** Text samples, mutated most of the time, sometimes pure noise. */
const textInputs = (samples: readonly string[], nasty: readonly string[]) =>
  fc.oneof(
    { weight: 8, arbitrary: mutated(samples, nasty) },
    { weight: 1, arbitrary: fc.array(unit, { maxLength: 200 }).map((c) => c.join('')) },
    { weight: 1, arbitrary: fc.constantFrom(...samples) },
  );

/** Runs of one piece, nested openers and repeated tokens: what makes a backtracking regex or a recursion blow up. */
const repeat = (piece: string, size: number) => piece.repeat(Math.max(1, Math.floor(size / piece.length)));
/** prefix + piece repeated + suffix, `size` characters at most. */
const fit = (prefix: string, piece: string, suffix: string, size: number) =>
  prefix + piece.repeat(Math.max(1, Math.floor((size - prefix.length - suffix.length) / piece.length))) + suffix;

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

/** A SigningInputError naming a field is the documented refusal of the signers, diagnosis and credential readers. */
function refusedBySigningInput(error: unknown): Outcome {
  if (error instanceof SigningInputError && error.field !== '' && error.message.startsWith(`${error.field}: `)) return 'refused';
  throw error;
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

const hostHeavy = (size: number) => 'https://' + 'a'.repeat(size);

// ── rule SQL ────────────────────────────────────────────────────────────────────────────────────────────────────
const SQL_TOKENS = [
  'SELECT',
  'FROM',
  'WHERE',
  'AND',
  'OR',
  'NOT',
  'AS',
  'IN',
  'LIKE',
  'IS',
  'NULL',
  'BETWEEN',
  '*',
  ',',
  '(',
  ')',
  '.',
  '[',
  ']',
  '=',
  '<>',
  '>=',
  '<',
  '+',
  '-',
  '/',
  '%',
  ';',
  "'P1/dev/event'",
  "'ABCDE12345/+/data/#'",
  '"on"',
  "'x'",
  "'",
  '"',
  'temperature',
  'a.b',
  'deviceName()',
  '温度',
  '42',
  '1.5e3',
  '§',
  '\uD800',
  '`a b`',
  '`',
  'IS TRUE',
];
const SQL_SAMPLES = [
  "SELECT temperature, humidity FROM 'ABCDE12345/+/event' WHERE temperature > 30",
  "SELECT * FROM 'pid/dname/data/#';",
  'SELECT status, deviceName() as d FROM \'P/+/update\' WHERE status="on" and bright <= 50 OR x IN (1, 2)',
];
const sqlInputs = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...SQL_TOKENS), { maxLength: 30 }).map((tokens) => tokens.join(' ')) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...SQL_TOKENS), { maxLength: 12 }).map((tokens) => `SELECT * FROM 'P/d/t' WHERE ${tokens.join(' ')}`) },
  { weight: 3, arbitrary: textInputs(SQL_SAMPLES, SQL_TOKENS) },
);
const RULE_CODES = new Set<string>(Object.values(RULE_ERROR_CODES));

// ── rule engine: random rule SQL on random payloads ────────────────────────────────────────────────────────────
const ENGINE_SQL_SAMPLES = [
  "SELECT temperature AS t, deviceName() AS d, topic(2) FROM 'P1/+/event' WHERE temperature > 30 AND mode IN ('a', 'b')",
  "SELECT *, upper(name), concat(name, 'x'), substring(name, 0, 2), replace(name, 'a', 'bb') FROM 'P1/dev/#' WHERE name LIKE 'r_om%'",
  "SELECT a.b[0].c, crypto(a, 'SHA256') AS h, to_hex(), payloadLen() FROM 'P1/dev/data' WHERE NOT (a.b IS NULL) OR n % 2 = 1",
  "SELECT n * 2 - 1 AS m, randint(1, 6), bin_to_dec(bits) FROM 'P1/+/data' WHERE n BETWEEN -1.5e2 AND '40' AND flag IS NOT TRUE",
];
const ENGINE_SQL_TOKENS = [...SQL_TOKENS, 'upper(', 'concat(', 'replace(', 'substring(', 'topic(', 'crypto(', "'%'", "'_'", 'a[0]', '0', '-1'];
const PAYLOAD_SAMPLES = [
  '{"temperature":31,"mode":"a","name":"room1","n":3,"bits":"1011"}',
  '{"a":{"b":[{"c":"x"}]},"__proto__":{"polluted":1},"constructor":2,"flag":false}',
  '[1,2,{"temperature":"31"}]',
  'temperature=31',
];
const engineInputs = fc.tuple(
  fc.oneof({ weight: 2, arbitrary: textInputs(ENGINE_SQL_SAMPLES, ENGINE_SQL_TOKENS) }, { weight: 1, arbitrary: sqlInputs }),
  fc.oneof(
    { weight: 3, arbitrary: textInputs(PAYLOAD_SAMPLES, ['{', '[', '"', ':', ',', '}', '\uD800', '1e999', 'null']) },
    { weight: 1, arbitrary: fc.json() },
  ),
);
/** A concrete topic the FROM filter matches: each + a device, a final # one level. */
const topicFor = (filter: string) => filter.replaceAll('+', 'dev').replace(/#$/, 'x');

// ── shadow ──────────────────────────────────────────────────────────────────────────────────────────────────────
const SHADOW_DATA = JSON.stringify({
  payload: {
    state: { reported: { temperature: 21, mode: 'auto' }, desired: { targetTemperature: 18, __proto__: 1 } },
    metadata: { reported: { temperature: { timestamp: 1551113065000 } } },
    timestamp: 1551113065000,
    version: 5,
  },
  result: 0,
  timestamp: 1551113065000,
  type: 'get',
});
const SHADOW_SAMPLES = [
  '{"desired":{"color":"red","level":{"a":[1,2,{"b":null}]}}}',
  '{"desired":{"__proto__":{"x":1},"constructor":2}}',
  SHADOW_DATA,
  '{"state":{"desired":{"a":1}},"version":3}',
];
const shadowInputs = fc.oneof(
  { weight: 4, arbitrary: textInputs(SHADOW_SAMPLES, ['{', '}', '[', ']', '"', ',', ':', 'null', '"desired":', '"reported":', '\\ud800', '[[[[[[[[[[']) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 5 }).map((desired) => JSON.stringify({ desired })) },
  { weight: 1, arbitrary: fc.nat({ max: 4000 }).map((depth) => `{"desired":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}`) },
);
const SHADOW_CODES = new Set<string>(Object.values(SHADOW_ERROR_CODES));
const ORIGINAL = { state: { desired: { targetTemperature: 18 }, reported: { temperature: 21 } }, metadata: {}, version: 5, timestamp: 0 };

// ── the MQTT broker's decisions ──────────────────────────────────────────────────────────────────────────────────
const MQTT_STATE = createDemoState(NOW * 1000);
const MQTT_DEVICE_PSK = MQTT_STATE.devices.get(`${DEMO_PRODUCT_ID}/thermostat-1`)!.DevicePsk;
const MQTT_TOPICS = deviceTopics(DEMO_PRODUCT_ID, 'thermostat-1');
const MQTT_CREDENTIALS = signDeviceCredentials({
  productId: DEMO_PRODUCT_ID,
  deviceName: 'thermostat-1',
  devicePsk: MQTT_DEVICE_PSK,
  now: NOW,
  connid: 'a1B2c',
  expiry: NOW + 3600,
});
const MQTT_SHADOW_SAMPLES = [
  '{"type":"get","clientToken":"t-1"}',
  '{"type":"update","state":{"reported":{"temp":21},"desired":null},"version":0,"clientToken":"t-2"}',
  '{"type":"update","state":{"desired":""},"version":2,"clientToken":"t-3"}',
  '{"type":"delete","clientToken":"t-4"}',
];

function checkShadow(result: { ok: boolean; error?: { code: string; message: string } }): Outcome {
  if (result.ok) return 'ok';
  expect(SHADOW_CODES.has(result.error!.code), `a documented shadow error code, got ${result.error!.code}`);
  expect(result.error!.message.length > 0, 'a message');
  return 'refused';
}

// ── sign input (the CLI's reader) ───────────────────────────────────────────────────────────────────────────────
const TC3_INPUT = {
  algorithm: 'TC3-HMAC-SHA256',
  method: 'POST',
  url: 'https://iotcloud.tencentcloudapi.com/',
  headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeDeviceShadow' },
  body: '{"ProductId":"ABCDEFGHIJ"}',
  timestamp: 1551113065,
  secretId: 'AKIDfuzzOnly',
  secretKey: KEY,
  signedHeaders: ['content-type', 'host'],
};
const V1_INPUT = {
  algorithm: 'HmacSHA1',
  method: 'GET',
  host: 'iotcloud.tencentcloudapi.com',
  path: '/',
  params: { Action: 'DescribeProducts', Nonce: 1, SecretId: 'AKIDx', Timestamp: 1551113065 },
  secretKey: KEY,
};
const ODD_VALUES = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(8_640_000_000_001, -1, 1.5, 1e300, '\uD800', 'constructor', '__proto__', '', null, [], {}, { constructor: 'x', __proto__: 'y' }),
);
const signInputs = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom(TC3_INPUT, V1_INPUT),
        fc.array(
          fc.tuple(
            fc.constantFrom(
              'algorithm',
              'method',
              'url',
              'headers',
              'body',
              'timestamp',
              'secretId',
              'secretKey',
              'signedHeaders',
              'service',
              'token',
              'host',
              'path',
              'params',
              '__proto__',
            ),
            ODD_VALUES,
          ),
          { minLength: 1, maxLength: 3 },
        ),
      )
      .map(([base, changes]) => {
        const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
        for (const [field, value] of changes) Object.defineProperty(copy, field, { value, enumerable: true, writable: true, configurable: true });
        return JSON.stringify(copy);
      }),
  },
  {
    weight: 2,
    arbitrary: textInputs(
      [JSON.stringify(TC3_INPUT), JSON.stringify([TC3_INPUT, V1_INPUT])],
      ['"', '\\', '{', '[', ']', '}', ',', '\\ud800', '\\u0000', '[[[[[[[['],
    ),
  },
  { weight: 1, arbitrary: fc.nat({ max: 30_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)) },
);

async function runSign(input: unknown, json: boolean): Promise<Outcome> {
  let stderr = '';
  const code = await runCli({
    args: json ? ['sign', '--json'] : ['sign'],
    env: {},
    readStdin: async () => String(input),
    readFile: async () => '',
    out: () => undefined,
    err: (text) => (stderr += text),
    now: () => NOW,
  });
  expect(code === 0 || code === 2, `exit 0 or 2, got ${code}: ${stderr}`);
  // The field can be any key of the input (even " "): "iot-devkit sign: <field>: <what was expected>".
  if (code === 2) expect(/^iot-devkit sign: [^]+: [^]+$/.test(stderr), `a message naming the field, got ${JSON.stringify(stderr)}`);
  return code === 0 ? 'ok' : 'refused';
}

// ── credentials ─────────────────────────────────────────────────────────────────────────────────────────────────
const device = signDeviceCredentials({ productId: 'ABCDE12345', deviceName: 'dev1', devicePsk: PSK, now: NOW, connid: 'a1B2c', expiry: NOW + 3600 });
const oneNet = signOneNetToken({ res: 'products/p1/devices/d1', et: NOW + 3600, method: 'sha256', key: PSK, now: NOW });

function checkFindings(findings: readonly { field: string; message: { en: string; zh: string } }[]): void {
  expect(Array.isArray(findings), 'findings');
  for (const f of findings)
    expect(
      typeof f.field === 'string' && f.message.en.length > 0 && f.message.zh.length > 0,
      `a finding with a field and both messages, got ${JSON.stringify(f)}`,
    );
}

export const FUZZ_TARGETS: readonly FuzzTarget[] = [
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
    name: 'rule SQL',
    inputs: sqlInputs,
    run: (input) => {
      const sql = input as string;
      const result = checkRuleSql(sql);
      if (result.ok) {
        expect(
          typeof result.parts.select === 'string' && result.parts.select !== '' && typeof result.parts.topic === 'string',
          `parts, got ${JSON.stringify(result.parts)}`,
        );
        return 'ok';
      }
      expect(RULE_CODES.has(result.error.code), `a documented code, got ${result.error.code}`);
      expect(result.error.message.length > 0, 'a message');
      if (result.error.at)
        expect(
          result.error.at.start >= 0 && result.error.at.start <= result.error.at.end && result.error.at.start <= sql.length,
          `a position inside the SQL, got ${JSON.stringify(result.error.at)}`,
        );
      return 'refused';
    },
    adversarial: (n) => {
      // Each fits the checker's 16 KB limit exactly, so the reader itself is timed, not the length check before it.
      const head = "SELECT a FROM 'p/d/t'";
      return [
        ['spaces before a stray token (froze the emulator)', fit(head, ' ', 'x', n)],
        ['spaces in the SELECT list', fit('SELECT ', ' ', "a FROM 'p/d/t'", n)],
        ['open parentheses', fit(`${head} WHERE `, '(', 'a', n)],
        ['NOT chains', fit(`${head} WHERE `, 'NOT ', 'a', n)],
        ['an open quote', fit(`${head} WHERE a = '`, "\\'", '', n)],
        ['repeated conditions', fit(`${head} WHERE `, 'a = 1 AND ', 'b = 2', n)],
        ['repeated fields', fit('SELECT ', 'a, ', "b FROM 'p/d/t'", n)],
        ['repeated FROM', fit('SELECT a ', 'FROM ', '', n)],
        ['a long JSON path', fit(`${head} WHERE `, 'a.', 'b = 1', n)],
        ['a long topic', fit("SELECT a FROM 'P/d/", 'a/', "t'", n)],
      ];
    },
  },
  {
    name: 'rule engine',
    inputs: engineInputs,
    run: (input) => {
      const [sql, payload] = input as [string, string];
      const checked = checkRuleSql(sql);
      const topic = checked.ok ? topicFor(checked.parts.topic) : 'P1/dev/event';
      const rule = {
        RuleName: 'fuzz',
        Sql: encodeRuleSql(sql),
        Actions: '[{"republish":{"topic":"P1/dev/out"}}]',
        Description: '',
        RuleDisabled: false,
        CreatedAt: 0,
      };
      const evaluations = evaluateTopicRules([rule], { topic, payload, clientId: 'P1dev', productId: 'P1', deviceName: 'dev', timestamp: NOW * 1000 });
      if (!checked.ok) {
        expect(evaluations.length === 1 && evaluations[0]!.topicMatched === false && typeof evaluations[0]!.problem === 'string', 'a named problem');
        return 'refused';
      }
      expect(evaluations.length === 1 && evaluations[0]!.topicMatched, `one matched evaluation, got ${JSON.stringify(evaluations)}`);
      const [e] = evaluations;
      expect(typeof e!.whereHeld === 'boolean', `a verdict, got ${String(e!.whereHeld)}`);
      expect(e!.whereHeld === (e!.output !== null) && e!.whereHeld === (e!.actions.length === 1), 'output and actions exactly when WHERE held');
      if (e!.output !== null) expect(JSON.parse(JSON.stringify(e!.output)) !== undefined, 'JSON output');
      return 'ok';
    },
    adversarial: (n) => {
      const run = (sql: string, payload: string) => [sql, payload] as const;
      const head = "SELECT * FROM 'P1/+/event' WHERE ";
      const long = 'a'.repeat(n);
      return [
        ['a long + chain', run(fit(`${head}t = 0`, ' + 1', '', n), '{"t":1}')],
        ['a long AND chain', run(fit(head, 't > 1 AND ', 't > 1', n), '{"t":2}')],
        ['a long IN list', run(fit(`${head}t IN (`, '1, ', '2)', n), '{"t":2}')],
        ['LIKE with _ over a long value', run(`${head}s LIKE '%${'a'.repeat(200)}_b%'`, `{"s":"${long}"}`)],
        ['LIKE with many % over a long value', run(fit(`${head}s LIKE '`, '%a', "%b'", n), `{"s":"${long}"}`)],
        ['nested replace', run(`SELECT ${'replace('.repeat(30)}s${", 'a', 'aa')".repeat(30)} AS r FROM 'P1/+/event'`, `{"s":"${long}"}`)],
        ['nested concat', run(`SELECT ${'concat('.repeat(30)}s${', s)'.repeat(30)} AS r FROM 'P1/+/event'`, `{"s":"${long}"}`)],
        ['a long path into a deep payload', run(fit(head, 'a.', 'a IS NULL', n), repeat('{"a":', n / 2).slice(0, 5 * 60) + '1' + '}'.repeat(60))],
        ['a payload nested past the limit', run(`${head}a IS NULL`, '['.repeat(n))],
        ['a payload of many keys', run("SELECT * FROM 'P1/+/event'", `{${repeat('"k":1,', n)}"z":2}`)],
      ];
    },
  },
  {
    name: 'shadow JSON',
    inputs: shadowInputs,
    run: (input) => {
      const text = input as string;
      const outcomes = [
        checkShadow(readShadowState(text)),
        checkShadow(parseShadowData(text)),
        checkShadow(prepareShadowUpdate({ productId: 'ABCDE12345', deviceName: 'dev1', editedText: text, original: ORIGINAL })),
      ];
      return outcomes.includes('ok') ? 'ok' : 'refused';
    },
    adversarial: (n) => [
      ['nested arrays in desired (8 KB passes the size limit)', `{"desired":{"a":${'['.repeat(n / 2)}${']'.repeat(n / 2)}}}`],
      ['nested objects', `{"desired":${repeat('{"a":', n)}1${'}'.repeat(Math.floor(n / 5))}}`],
      ['backslashes in a string', `{"desired":{"a":"${repeat('\\\\', n)}"}}`],
      ['many keys', `{"desired":{${repeat('"k":1,', n)}"z":0}}`],
    ],
  },
  {
    name: 'sign input',
    inputs: fc.tuple(signInputs, fc.boolean()),
    run: (input) => {
      const [text, json] = input as [string, boolean];
      return runSign(text, json);
    },
    adversarial: (n) => [
      ['nested arrays', ['['.repeat(n / 2) + ']'.repeat(n / 2), true]],
      ['a body of backslashes', [JSON.stringify({ ...TC3_INPUT, body: '\\'.repeat(n) }), false]],
      ['a long URL', [JSON.stringify({ ...TC3_INPUT, url: hostHeavy(n) + ' x' }), true]],
      ['many headers', [JSON.stringify({ ...TC3_INPUT, headers: Object.fromEntries(Array.from({ length: n / 16 }, (_, i) => [`X-H${i}`, 'v'])) }), true]],
      ['many v1 params', [JSON.stringify({ ...V1_INPUT, params: Object.fromEntries(Array.from({ length: n / 16 }, (_, i) => [`P.${i}`, 'v'])) }), true]],
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
  {
    name: 'URL reader',
    inputs: textInputs(
      ['https://iotcloud.tencentcloudapi.com/?Action=A&b=c#f', 'http://127.0.0.1:9180/path', 'https://[::1]:443/'],
      ['/', '?', '#', ':', '@', ' ', '[', ']', '%', 'https://'],
    ),
    run: (input) => {
      try {
        const url = parseRequestUrl(input as string);
        expect(url.scheme === 'http' || url.scheme === 'https', `a scheme, got ${url.scheme}`);
        expect(url.host !== '' && url.path.startsWith('/'), `a host and a path from /, got ${JSON.stringify(url).slice(0, 120)}`);
        return 'ok';
      } catch (error) {
        return refusedBySigningInput(error);
      }
    },
    adversarial: (n) => [
      ['a host then a space (3 s before)', hostHeavy(n) + ' x'],
      ['slashes then a space', 'https://a.com' + '/'.repeat(n) + ' x'],
      ['colons', 'https://' + ':1'.repeat(n / 2) + 'x'],
      ['question marks', 'https://a.com/?' + '?'.repeat(n) + ' '],
    ],
  },
  {
    name: 'OneNET token',
    inputs: textInputs(
      [oneNet.token, 'version=2018-10-31&res=products%2Fp1&et=1537255523&method=sha1&sign=ZjA1NzZlMmMxYzIOTg3MjBzNjYTI2MjA4Yw%3D'],
      ['&', '=', '%', '%2', '%2F', '+', ' ', 'res=', 'et=', 'sign=', '99999999999', '\uD800', '%ED%A0%80'],
    ),
    run: (input) => {
      const token = input as string;
      checkFindings(readOneNetToken(token).findings);
      try {
        const verified = verifyOneNetToken({ token, key: PSK, now: NOW });
        checkFindings(verified.findings);
        expect(verified.ok === (verified.findings.length === 0), 'ok exactly when there are no findings');
        return 'ok';
      } catch (error) {
        return refusedBySigningInput(error);
      }
    },
    adversarial: (n) => [
      ['percent escapes', `version=2018-10-31&res=${repeat('%2F', n)}&et=1&method=sha1&sign=a`],
      ['ampersands', repeat('&', n)],
      ['spaces in sign', `version=2018-10-31&res=products%2Fp&et=4102444800&method=sha256&sign=${' '.repeat(n)}`],
      ['a long res', `version=2018-10-31&res=products%2F${'a'.repeat(n)}&et=4102444800&method=sha256&sign=a`],
    ],
  },
  {
    name: 'device credentials',
    inputs: fc.tuple(
      textInputs([device.username, 'ABCDE12345dev1;12010126;a1B2c;4102444800'], [';', '12010126', ' ', '\uD800', '99999999999', '+', '-']),
      textInputs([device.password, `${'a'.repeat(40)};hmacsha1`], [';', 'hmacsha256', 'hmacsha1', 'A', ' ', '\uD800']),
    ),
    run: (input) => {
      const [username, password] = input as [string, string];
      checkFindings(parseMqttUsername(username).findings);
      try {
        const verified = verifyDeviceCredentials({ username, password, devicePsk: PSK, now: NOW });
        checkFindings(verified.findings);
        expect(verified.ok === (verified.findings.length === 0), 'ok exactly when there are no findings');
        return 'ok';
      } catch (error) {
        return refusedBySigningInput(error);
      }
    },
    adversarial: (n) => [
      ['semicolons', [repeat(';', n), 'a;hmacsha256']],
      ['digits as expiry', [`ABCDE12345dev1;12010126;a1B2c;${'9'.repeat(n)}`, 'a;hmacsha256']],
      ['a long hex password', [device.username, `${'a'.repeat(n)};hmacsha256`]],
      ['a long username', [`${'A'.repeat(n)};12010126;a1B2c;4102444800`, device.password]],
    ],
  },
  {
    name: 'MQTT CONNECT',
    inputs: fc.oneof(
      // The right triple now and then, so the accepting path is fuzzed next to the refusing ones.
      { weight: 1, arbitrary: fc.constant([`${DEMO_PRODUCT_ID}thermostat-1`, MQTT_CREDENTIALS.username, MQTT_CREDENTIALS.password]) },
      {
        weight: 4,
        arbitrary: fc.tuple(
          textInputs([`${DEMO_PRODUCT_ID}thermostat-1`, 'ABCDE12345dev1'], ['+', '#', '/', '\uD800', ' ']),
          textInputs([MQTT_CREDENTIALS.username, `${DEMO_PRODUCT_ID}thermostat-1;21010406;a1B2c;9223372036854775807`], [';', '12010126', ' ', '\uD800', '9']),
          textInputs([MQTT_CREDENTIALS.password, `${'a'.repeat(40)};hmacsha1`], [';', 'hmacsha256', 'A', '\uD800']),
        ),
      },
    ),
    run: (input) => {
      const [clientId, username, password] = input as [string, string, string];
      const decision = authenticateDeviceConnect(MQTT_STATE, { clientId, username, password, nowSeconds: NOW }, nodeHashProvider);
      if (decision.ok) return 'ok';
      expect(decision.returnCode === 4 || decision.returnCode === 5, 'CONNACK 4 or 5');
      expect(decision.cause.en.length > 0 && !decision.cause.en.includes(MQTT_DEVICE_PSK), 'a named cause, never the PSK');
      return 'refused';
    },
    adversarial: (n) => [
      ['a long client id', ['A'.repeat(n), MQTT_CREDENTIALS.username, MQTT_CREDENTIALS.password]],
      ['semicolons', [`${DEMO_PRODUCT_ID}thermostat-1`, repeat(';', n), 'a;hmacsha256']],
      ['a long password', [`${DEMO_PRODUCT_ID}thermostat-1`, MQTT_CREDENTIALS.username, `${'a'.repeat(n)};hmacsha256`]],
    ],
  },
  {
    name: 'MQTT topic',
    inputs: textInputs(
      [`${DEMO_PRODUCT_ID}/thermostat-1/control`, `$shadow/operation/result/${DEMO_PRODUCT_ID}/thermostat-1`, `$rrpc/rxd/${DEMO_PRODUCT_ID}/thermostat-1/+`],
      ['+', '#', '/', '$', '\u0000', '//'],
    ),
    run: (input) => {
      const topic = input as string;
      const decisions = [
        checkDeviceSubscribe(MQTT_TOPICS, topic, DEMO_PRODUCT_ID, 'thermostat-1'),
        checkDevicePublish(MQTT_TOPICS, topic, DEMO_PRODUCT_ID, 'thermostat-1'),
      ];
      for (const d of decisions) expect(d.allowed || d.reason.length > 0, 'a refusal names its reason');
      return decisions.some((d) => d.allowed) ? 'ok' : 'refused';
    },
    adversarial: (n) => [
      ['many levels', repeat('a/', n)],
      ['many wildcards', repeat('+/', n)],
      ['a long level', `${DEMO_PRODUCT_ID}/thermostat-1/${'x'.repeat(n)}`],
    ],
  },
  {
    name: 'shadow over MQTT',
    inputs: fc.oneof(
      { weight: 3, arbitrary: textInputs(MQTT_SHADOW_SAMPLES, ['{', '}', '"type":', '"version":', 'null', '""', '[[[[', '"reported":']) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 5 }).map((state) => JSON.stringify({ type: 'update', state, version: 0 })) },
    ),
    run: (input) => {
      const text = input as string;
      const state = createDemoState(NOW * 1000);
      const outcome = applyShadowOperation(state, DEMO_PRODUCT_ID, 'thermostat-1', text, NOW * 1000);
      const reply = readShadowMessage(outcome.reply);
      expect(reply !== undefined && (reply.result === 0) === outcome.accepted, 'every answer is a result message the device can read');
      readShadowMessage(text);
      return outcome.accepted ? 'ok' : 'refused';
    },
    adversarial: (n) => [
      ['nested arrays in reported', `{"type":"update","state":{"reported":{"a":${'['.repeat(n / 2)}${']'.repeat(n / 2)}}}}`],
      ['many keys', `{"type":"update","state":{"reported":{${repeat('"k":1,', n)}"z":0}}}`],
      ['a long clientToken', `{"type":"get","clientToken":"${'t'.repeat(n)}"}`],
    ],
  },
];
