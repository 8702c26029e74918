// Fuzz targets for the CLI's sign input and the URL reader every signer uses.
import fc from 'fast-check';
import { parseRequestUrl } from '@iot-devkit/core';
import { runCli } from '../../../cli/src/runCli.js';
import { type FuzzTarget, type Outcome, expect, KEY, NOW, textInputs, hostHeavy, refusedBySigningInput } from './fuzzKit.js';

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

export const SIGN_INPUT_TARGETS: readonly FuzzTarget[] = [
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
];
