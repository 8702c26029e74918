import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signTc3 } from '../signing/tc3/signTc3.js';
import { utf8Encode } from '../encoding/bytes.js';
import { isOriginAllowed } from './corsPolicy.js';
import { createEmulator } from './createEmulator.js';
import { createDemoState } from './demoState.js';
import { signedHostCandidates } from './loopbackHost.js';
import { parseFormEncoded } from './parseFormEncoded.js';
import { readTextParams } from './readTextParams.js';
import { restoreState, serializeState } from './stateSnapshot.js';

const NOW = 1_700_000_000_000;
let counter = 0;
const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => counter++ & 0xff);

function post(action: string, params: unknown, credential: { secretId: string; secretKey: string; token?: string }, timestamp = NOW / 1000) {
  const body = JSON.stringify(params);
  const headers = {
    'content-type': 'application/json',
    host: '127.0.0.1:9180',
    'x-tc-action': action,
    'x-tc-version': '2021-04-08',
    'x-tc-region': 'ap-guangzhou',
    'x-tc-timestamp': String(timestamp),
    ...(credential.token ? { 'x-tc-token': credential.token } : {}),
  };
  const signed = signTc3({
    method: 'POST',
    url: 'http://127.0.0.1:9180/',
    headers,
    body,
    timestamp,
    secretId: credential.secretId,
    secretKey: credential.secretKey,
    service: 'iotcloud',
  });
  return { method: 'POST', target: '/', headers: { ...headers, authorization: signed.authorization }, body: utf8Encode(body) };
}

const codeOf = (body: string) => (JSON.parse(body) as { Response: { Error?: { Code: string } } }).Response.Error?.Code ?? 'ok';

test('createEmulator is pure over its injected clock and randomness: same inputs, same answers', () => {
  const run = () => {
    counter = 0;
    const emulator = createEmulator({ state: createDemoState(NOW), now: () => NOW, randomBytes });
    return [
      emulator.handle(post('CreateProduct', { ProductName: 'p1' }, emulator.credentials[0]!)),
      emulator.handle(post('DescribeDeviceShadow', { ProductId: 'DEMO000001', DeviceName: 'thermostat-1' }, emulator.credentials[0]!)),
    ];
  };
  const [a, b] = [run(), run()];
  assert.deepEqual(a, b);
  assert.equal(a[0]!.stateChanged, true);
  assert.equal(a[1]!.stateChanged, false);
  assert.match(a[1]!.body, /"Data":"\{\\"payload\\":\{\\"state\\":\{\\"reported\\"/);
});

test('a temporary key must carry its own token', () => {
  const temporary = { secretId: 'AKIDtemporary0000000000000000000000', secretKey: 'temporaryKeyForTestsOnly00000000', token: 'token-1' };
  const emulator = createEmulator({ credentials: [temporary], state: createDemoState(NOW), now: () => NOW, randomBytes });
  const params = { ProductId: 'DEMO000001', DeviceName: 'thermostat-1' };
  assert.equal(codeOf(emulator.handle(post('DescribeDeviceShadow', params, temporary)).body), 'ok');
  assert.equal(codeOf(emulator.handle(post('DescribeDeviceShadow', params, { ...temporary, token: 'token-2' })).body), 'AuthFailure.TokenFailure');
  const { token: _token, ...withoutToken } = temporary;
  assert.equal(codeOf(emulator.handle(post('DescribeDeviceShadow', params, withoutToken)).body), 'AuthFailure.TokenFailure');
});

test("the diagnoser is asked only about signature failures, and its cause is marked as the emulator's", () => {
  const asked: string[] = [];
  const emulator = createEmulator({
    state: createDemoState(NOW),
    now: () => NOW,
    randomBytes,
    diagnose: ({ credential }) => (asked.push(credential.secretId), 'the SecretKey has a trailing space'),
  });
  const good = emulator.credentials[0]!;
  assert.equal(codeOf(emulator.handle(post('DescribeDeviceShadow', { ProductId: 'DEMO000001', DeviceName: 'thermostat-1' }, good)).body), 'ok');
  assert.equal(
    codeOf(emulator.handle(post('DescribeDeviceShadow', { ProductId: 'DEMO000001', DeviceName: 'thermostat-1' }, good, NOW / 1000 - 900)).body),
    'AuthFailure.SignatureExpire',
  );
  assert.deepEqual(asked, []);
  const failed = emulator.handle(
    post('DescribeDeviceShadow', { ProductId: 'DEMO000001', DeviceName: 'thermostat-1' }, { ...good, secretKey: good.secretKey + ' ' }),
  );
  assert.equal(codeOf(failed.body), 'AuthFailure.SignatureFailure');
  assert.match(failed.body, /\[IoT Devkit emulator diagnosis — the real cloud does not return this: the SecretKey has a trailing space\]/);
  assert.equal(asked.length, 1);
});

test('query parameters become typed, nested values and never reach Object.prototype', () => {
  const flat = parseFormEncoded(
    'Attribute.Tags.0.Tag=a+b&Attribute.Tags.0.Type=2&Offset=10&RuleDisabled=false&__proto__.polluted=yes&Name=%E8%AE%BE%E5%A4%87&bad=%E0%A4',
  );
  const params = readTextParams(
    flat,
    [
      { name: 'Attribute', baseType: 'Attribute', structure: 'Attribute' },
      { name: 'Offset', baseType: 'Integer' },
      { name: 'Name', baseType: 'String' },
    ],
    [
      { name: 'Attribute', fields: [{ name: 'Tags', baseType: 'DeviceTag', array: true }] },
      {
        name: 'DeviceTag',
        fields: [
          { name: 'Tag', baseType: 'String' },
          { name: 'Type', baseType: 'Integer' },
        ],
      },
    ],
  );
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.deepEqual(params['Attribute'], { Tags: [{ Tag: 'a b', Type: 2 }] });
  assert.equal(params['Offset'], 10);
  assert.equal(params['Name'], '设备');
  assert.equal(params['bad'], '%E0%A4', 'a malformed escape is kept as written');
  assert.ok(Object.prototype.hasOwnProperty.call(params, '__proto__'), 'kept as data');
});

test('the loopback rule for hosts and CORS origins is narrow', () => {
  assert.deepEqual(signedHostCandidates('127.0.0.1:9180'), ['127.0.0.1:9180', '127.0.0.1']);
  assert.deepEqual(signedHostCandidates('localhost:9180'), ['localhost:9180', 'localhost']);
  assert.deepEqual(signedHostCandidates('[::1]:9180'), ['[::1]:9180', '[::1]']);
  assert.deepEqual(signedHostCandidates('iot.example.com:9180'), ['iot.example.com:9180']);
  assert.deepEqual(signedHostCandidates('127.0.0.1.evil.example:80'), ['127.0.0.1.evil.example:80']);
  assert.ok(isOriginAllowed('moz-extension://4b0c0e7e-1d5c-4b5e-9a0e-6f6b6a0f0c1a', []));
  assert.ok(isOriginAllowed('vscode-webview://1234abcd', []));
  assert.ok(isOriginAllowed('http://127.0.0.1:3000', []));
  assert.ok(!isOriginAllowed('https://127.0.0.1.evil.example', []));
  assert.ok(!isOriginAllowed('https://example.com', []));
  assert.ok(isOriginAllowed('https://example.com', ['https://example.com']));
  assert.ok(isOriginAllowed('null', ['*']));
});

test('a state snapshot round-trips exactly', () => {
  const state = createDemoState(NOW);
  const text = serializeState(state);
  const restored = restoreState(text);
  assert.ok(restored.ok);
  assert.equal(serializeState(restored.state), text);
  assert.match((restoreState('{"format":"iot-devkit-emulator-state","formatVersion":2}') as { message: string }).message, /formatVersion: expected 1/);
  assert.match((restoreState('not json') as { message: string }).message, /^the file: not valid JSON/);
});

test('a rule whose stored Actions is not JSON (a hand-edited data file) is answered, not thrown, by EnableTopicRule', () => {
  const state = createDemoState(NOW);
  const snapshot = JSON.parse(serializeState(state)) as { rules: { Actions: string; RuleDisabled: boolean }[] };
  snapshot.rules[0]!.Actions = '[{"republish":';
  snapshot.rules[0]!.RuleDisabled = true;
  const restored = restoreState(JSON.stringify(snapshot));
  assert.ok(restored.ok);
  const emulator = createEmulator({ state: restored.state, now: () => NOW, randomBytes });
  const answer = emulator.handle(post('EnableTopicRule', { RuleName: [...restored.state.rules.keys()][0] }, emulator.credentials[0]!));
  assert.equal(codeOf(answer.body), 'InvalidParameterValue');
  assert.match(answer.body, /its stored Actions: not valid JSON/);
});
