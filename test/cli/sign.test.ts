import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../support/cli.js';
import { sdkSign } from '../support/tencentSdk.js';

const secretKey = 'cliTestOnlyFakeSecretKey12345678';
const tc3 = {
  algorithm: 'TC3-HMAC-SHA256',
  method: 'POST',
  url: 'https://iotcloud.tencentcloudapi.com/',
  headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeDeviceShadow', 'X-TC-Version': '2021-04-08' },
  body: '{"ProductId":"ABCDEFGHIJ","DeviceName":"设备1"}',
  timestamp: 1551113065,
  secretId: 'AKIDcliTestOnlyFake',
  secretKey,
};
const v1 = {
  algorithm: 'HmacSHA256',
  method: 'GET',
  host: 'iotcloud.tencentcloudapi.com',
  path: '/',
  params: { Action: 'DescribeProducts', Nonce: 1, SecretId: 'AKIDx', Timestamp: 1, SignatureMethod: 'HmacSHA256', Version: '2021-04-08' },
  secretKey,
};

test('sign --json prints exactly the documented TC3 fields, matching the official SDK', () => {
  const result = runCli(['sign', '--json'], { input: JSON.stringify(tc3) });
  assert.equal(result.status, 0, result.stderr);
  const out = JSON.parse(result.stdout);
  assert.deepEqual(Object.keys(out), [
    'canonicalRequest',
    'hashedRequestPayload',
    'credentialScope',
    'hashedCanonicalRequest',
    'stringToSign',
    'secretDate',
    'secretService',
    'secretSigning',
    'signature',
    'authorization',
    'headers',
  ]);
  const expected = sdkSign.sign3({
    method: 'POST',
    url: tc3.url,
    payload: Buffer.from(tc3.body),
    timestamp: tc3.timestamp,
    service: 'iotcloud',
    secretId: tc3.secretId,
    secretKey,
    headers: { 'Content-Type': 'application/json' },
  });
  assert.equal(out.authorization, expected);
  assert.equal(out.headers.Authorization, expected);
  assert.equal(out.headers['X-TC-Timestamp'], '1551113065');
});

test('sign --json with signedHeaders and v1 input', () => {
  const result = runCli(['sign', '--json'], { input: JSON.stringify({ ...tc3, signedHeaders: ['content-type', 'host', 'x-tc-action'] }) });
  assert.equal(result.status, 0, result.stderr);
  assert.match(JSON.parse(result.stdout).canonicalRequest, /x-tc-action:describedeviceshadow\n\ncontent-type;host;x-tc-action\n/);
  const v1Result = runCli(['sign', '--json'], { input: JSON.stringify(v1) });
  assert.equal(v1Result.status, 0, v1Result.stderr);
  const out = JSON.parse(v1Result.stdout);
  assert.deepEqual(Object.keys(out), ['stringToSign', 'signature', 'query']);
  assert.equal(out.signature, sdkSign.sign(secretKey, out.stringToSign, 'HmacSHA256'));
});

test('an array is signed element by element; a bad element becomes {"error"} and the rest are signed', () => {
  const result = runCli(['sign', '--json'], { input: JSON.stringify([tc3, { ...tc3, timestamp: 'soon' }, v1, { algorithm: 'MD5' }]) });
  assert.equal(result.status, 0, result.stderr);
  const out = JSON.parse(result.stdout);
  assert.equal(out.length, 4);
  assert.match(out[0].authorization, /^TC3-HMAC-SHA256 /);
  assert.match(out[1].error, /^timestamp: /);
  assert.match(out[2].signature, /=$/);
  assert.match(out[3].error, /^algorithm: /);
});

test('bad input: one stderr line naming the field, exit code 2', () => {
  const cases: [string, RegExp][] = [
    ['not json', /stdin: valid JSON/],
    ['', /stdin: one JSON object/],
    [JSON.stringify({ ...tc3, timestamp: 1.5 }), /timestamp: a non-negative integer/],
    [JSON.stringify({ ...tc3, secretId: undefined }), /secretId: a non-empty string/],
    [JSON.stringify({ ...tc3, algorithm: 'TC4' }), /algorithm: "TC3-HMAC-SHA256", "HmacSHA1" or "HmacSHA256"/],
    [JSON.stringify({ ...tc3, method: 'PATCH' }), /method: "GET" or "POST"/],
    [JSON.stringify({ ...v1, params: { A: [1] } }), /params\.A: /],
  ];
  for (const [input, message] of cases) {
    const result = runCli(['sign', '--json'], { input });
    assert.equal(result.status, 2, input);
    assert.match(result.stderr, message);
    assert.equal(result.stderr.trim().split('\n').length, 1, 'one line');
    assert.equal(result.stdout, '');
  }
});

test('without --json the steps are printed for a person, with the SecretKey masked', () => {
  const result = runCli(['sign'], { input: JSON.stringify(tc3) });
  assert.equal(result.status, 0, result.stderr);
  assert.ok(!result.stdout.includes(secretKey), 'the secret never appears');
  assert.match(result.stdout, /SecretKey\s+cliT\*\*\*\*/);
  for (const title of ['Canonical request', 'String to sign', 'Derived key SecretDate', 'Signature', 'Authorization header'])
    assert.ok(result.stdout.includes(title), title);
});

test('unknown commands and options are refused with usage', () => {
  const command = runCli(['sing']);
  assert.equal(command.status, 2);
  assert.match(command.stderr, /^iot-devkit: unknown command "sing"; did you mean sign\?/);
  const result = runCli(['sign', '--jsonn'], { input: '{}' });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /unknown option --jsonn; did you mean --json\?/);
  const swapped = runCli(['device-credentials', '--porduct-id', 'X'], { env: { DEVICE_PSK: 'bWFkZVVw' } });
  assert.match(swapped.stderr, /unknown option --porduct-id; did you mean --product-id\?/);
  assert.doesNotMatch(runCli(['zzzzzzzz']).stderr, /did you mean/);
});

test('sign --json: input nested 20,000 deep or with a timestamp past Date is refused naming the field, exit 2 (not 70)', () => {
  const deep = runCli(['sign', '--json'], { input: '['.repeat(20_000) + ']'.repeat(20_000) });
  assert.equal(deep.status, 2, deep.stderr);
  assert.match(deep.stderr, /^iot-devkit sign: stdin: nested more than 16 levels deep/);
  const late = runCli(['sign'], { input: JSON.stringify({ ...tc3, timestamp: 8_640_000_000_001 }) });
  assert.equal(late.status, 2, late.stderr);
  assert.match(late.stderr, /^iot-devkit sign: timestamp: Unix seconds up to 253402300799/);
  const lone = runCli(['sign', '--json'], { input: JSON.stringify({ ...tc3, body: '{"Name":"\uD800"}' }) });
  assert.equal(lone.status, 2, lone.stderr);
  assert.match(lone.stderr, /^iot-devkit sign: body: text that can be encoded as UTF-8; it has a lone UTF-16 surrogate U\+D800 at index 9/);
});
