import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createDemoState, DEMO_CREDENTIAL, DEMO_PRODUCT_ID, serializeState, signTc3, signV1 } from '@iot-devkit/core';
import { EmulatorStartError } from '../../cli/src/emulator/startEmulator.js';
import { expectOk, sdkClient, sendRaw, startTestEmulator, type RawResponse } from './harness.js';

// Deep and odd input over real HTTP to an emulator with --data FILE: each bad input gets a field-named answer
// in its documented class, the next good request is answered at once, and the file still loads afterwards.
const dir = mkdtempSync(join(tmpdir(), 'iot-devkit-bad-input-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const now = () => Math.floor(Date.now() / 1000);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const shadowOf = { ProductId: DEMO_PRODUCT_ID, DeviceName: 'thermostat-1' };

type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;

/** A TC3 POST whose body is exactly `body` (any text), signed by the core; `timestamp` goes into X-TC-Timestamp as given. */
function tc3(emulator: Emulator, action: string, body: string, timestamp: string | number = now()): Promise<RawResponse> {
  const headers = {
    'Content-Type': 'application/json',
    'X-TC-Action': action,
    'X-TC-Version': '2021-04-08',
    'X-TC-Region': 'ap-guangzhou',
    'X-TC-Timestamp': String(timestamp),
  };
  const signingTime = typeof timestamp === 'number' && timestamp < 1e11 ? timestamp : now();
  const signed = signTc3({
    method: 'POST',
    url: `http://${emulator.hostPort}/`,
    headers,
    body,
    timestamp: signingTime,
    secretId: DEMO_CREDENTIAL.secretId,
    secretKey: DEMO_CREDENTIAL.secretKey,
    service: 'iotcloud',
  });
  return sendRaw(emulator.hostPort, { headers: { ...headers, Host: emulator.hostPort, Authorization: signed.authorization }, body });
}

/** A v1 GET with the raw query pairs given (values not encoded here), signed over what is sent. */
function v1Get(emulator: Emulator, pairs: Record<string, string>): Promise<RawResponse> {
  const params = {
    Action: 'DescribeDevices',
    Version: '2021-04-08',
    Region: 'ap-guangzhou',
    SecretId: DEMO_CREDENTIAL.secretId,
    Timestamp: String(now()),
    Nonce: String(1 + Math.floor(Math.random() * 1e9)),
    SignatureMethod: 'HmacSHA256',
    ...pairs,
  };
  const { signature } = signV1({ algorithm: 'HmacSHA256', method: 'GET', host: emulator.hostPort, path: '/', params, secretKey: DEMO_CREDENTIAL.secretKey });
  const query = Object.entries({ ...params, Signature: signature })
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return sendRaw(emulator.hostPort, { method: 'GET', path: `/?${query}`, headers: { Host: emulator.hostPort } });
}

const errorOf = (response: RawResponse) =>
  (JSON.parse(response.text) as { Response: { Error?: { Code: string; Message: string } } }).Response.Error ?? { Code: 'ok', Message: '' };

test('after every deep or odd input the next good request is answered at once, and the data file still loads', async () => {
  const dataFile = join(dir, 'bad-input.json');
  const emulator = await startTestEmulator({ dataFile });
  const good = sdkClient(emulator.hostPort, { signMethod: 'TC3-HMAC-SHA256', reqMethod: 'POST' });
  const reported = (body: string | Uint8Array) =>
    fetch(`${emulator.endpoint}_emulator/devices/${DEMO_PRODUCT_ID}/thermostat-1/reported`, { method: 'POST', body });
  const worstGoodMs: number[] = [];
  const responseBytes: number[] = [];
  let version = 2;

  const cases: [
    string,
    () => Promise<{ status: number; code: string; message: string }>,
    (answer: { status: number; code: string; message: string }) => void,
  ][] = [
    [
      'a 5,000-deep JSON to the admin reported route',
      async () => {
        const response = await reported(deepObject(5000));
        const text = await response.text();
        responseBytes.push(text.length);
        return { status: response.status, code: '', message: (JSON.parse(text) as { error: string }).error };
      },
      (a) => {
        assert.equal(a.status, 400);
        assert.match(a.message, /^body: 30001 bytes; at most 8192/);
      },
    ],
    [
      'a 1,300-deep JSON under 8 KB to the reported route',
      async () => {
        const response = await reported(deepObject(1300));
        const text = await response.text();
        responseBytes.push(text.length);
        return { status: response.status, code: '', message: (JSON.parse(text) as { error: string }).error };
      },
      (a) => {
        assert.equal(a.status, 400);
        assert.match(a.message, /^body: nested more than 64 levels deep; at most 64 levels of objects and arrays are accepted/);
      },
    ],
    [
      'invalid UTF-8 to the reported route',
      async () => {
        const response = await reported(Uint8Array.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]));
        return { status: response.status, code: '', message: ((await response.json()) as { error: string }).error };
      },
      (a) => {
        assert.equal(a.status, 400);
        assert.match(a.message, /^body: not valid UTF-8/);
      },
    ],
    [
      'nested arrays 3,000 deep in UpdateDeviceShadow State (under 8 KB)',
      async () => {
        const response = await tc3(
          emulator,
          'UpdateDeviceShadow',
          JSON.stringify({ ...shadowOf, State: `{"desired":{"a":${deepArray(3000)}}}`, ShadowVersion: version }),
        );
        responseBytes.push(response.text.length);
        return { status: response.status, code: errorOf(response).Code, message: errorOf(response).Message };
      },
      (a) => {
        assert.equal(a.code, 'InvalidParameterValue.InvalidJSON');
        assert.match(a.message, /^State: nested more than 64 levels deep/);
      },
    ],
    [
      'a 5,000-deep parameter in a TC3 JSON body',
      async () => {
        const response = await tc3(emulator, 'CreateProduct', `{"ProductName":"deep","ProductProperties":${deepObject(5000)}}`);
        return { status: response.status, code: errorOf(response).Code, message: errorOf(response).Message };
      },
      (a) => {
        assert.equal(a.code, 'InvalidParameter');
        assert.match(a.message, /^body: nested more than 64 levels deep/);
      },
    ],
    [
      'TopicRulePayload.Actions (JSON in a string) 5,000 levels deep',
      async () => {
        const response = await tc3(
          emulator,
          'CreateTopicRule',
          JSON.stringify({
            RuleName: 'deep_actions',
            TopicRulePayload: { Sql: 'U0VMRUNUICogRlJPTSAnREVNTzAwMDAwMS8rL2V2ZW50Jw==', Actions: `[${deepObject(5000)}]`, RuleDisabled: true },
          }),
        );
        return { status: response.status, code: errorOf(response).Code, message: errorOf(response).Message };
      },
      (a) => {
        assert.equal(a.code, 'InvalidParameterValue');
        assert.match(a.message, /^TopicRulePayload\.Actions: nested more than 64 levels deep/);
      },
    ],
    [
      'actions named constructor, __proto__ and toString',
      async () => {
        const answers = await Promise.all(['constructor', '__proto__', 'toString'].map((action) => tc3(emulator, action, '{}')));
        const [first] = answers;
        for (const response of answers) assert.equal(errorOf(response).Code, 'InvalidAction', response.text);
        return { status: first!.status, code: errorOf(first!).Code, message: errorOf(first!).Message };
      },
      (a) => assert.match(a.message, /^The action `constructor` does not exist in iotcloud 2021-04-08/),
    ],
    [
      'a dotted query name 3,000 levels deep in a v1 GET',
      async () => {
        const response = await v1Get(emulator, { ProductId: DEMO_PRODUCT_ID, Offset: '0', Limit: '10', ['Attribute' + '.a'.repeat(3000)]: '1' });
        return { status: response.status, code: errorOf(response).Code, message: errorOf(response).Message };
      },
      (a) => {
        assert.equal(a.code, 'InvalidParameter');
        assert.match(a.message, /^"Attribute\.a\.a.*…": nested more than 64 levels deep/);
      },
    ],
    [
      'X-TC-Timestamp 8,640,000,000,001 (a safe integer, past the last valid Date)',
      async () => {
        const response = await tc3(emulator, 'DescribeDevice', JSON.stringify(shadowOf), 8_640_000_000_001);
        return { status: response.status, code: errorOf(response).Code, message: errorOf(response).Message };
      },
      (a) => {
        assert.equal(a.code, 'InvalidParameter');
        assert.match(a.message, /^X-TC-Timestamp: expected the current Unix time in whole seconds, got "8640000000001"/);
      },
    ],
    [
      'v1 Timestamp 8,640,000,000,001',
      async () => {
        const response = await v1Get(emulator, { ProductId: DEMO_PRODUCT_ID, Offset: '0', Limit: '10', Timestamp: '8640000000001' });
        return { status: response.status, code: errorOf(response).Code, message: errorOf(response).Message };
      },
      (a) => {
        assert.equal(a.code, 'InvalidParameter');
        assert.match(a.message, /^Timestamp: expected the current Unix time/);
      },
    ],
    [
      'X-TC-Timestamp 999,999,999,999 (the longest accepted, a valid Date)',
      async () => {
        const response = await tc3(emulator, 'DescribeDevice', JSON.stringify(shadowOf), 999_999_999_999);
        return { status: response.status, code: errorOf(response).Code, message: errorOf(response).Message };
      },
      (a) => assert.equal(a.code, 'AuthFailure.SignatureExpire'),
    ],
    [
      'a lone surrogate and __proto__ in a JSON body',
      async () => {
        const response = await tc3(emulator, 'CreateProduct', '{"ProductName":"lone\\ud800","__proto__":{"polluted":true}}');
        return { status: response.status, code: errorOf(response).Code, message: errorOf(response).Message };
      },
      (a) => {
        assert.equal(a.code, 'UnknownParameter');
        assert.match(a.message, /__proto__/);
        assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
      },
    ],
    [
      'a malformed percent escape (a lone surrogate in UTF-8) in a v1 value',
      async () => {
        const params = {
          Action: 'DescribeDevices',
          Version: '2021-04-08',
          Region: 'ap-guangzhou',
          SecretId: DEMO_CREDENTIAL.secretId,
          Timestamp: String(now()),
          Nonce: '77',
          ProductId: DEMO_PRODUCT_ID,
          Offset: '0',
          Limit: '10',
        };
        const query =
          Object.entries(params)
            .map(([k, v]) => `${k}=${v}`)
            .join('&') + '&DeviceName=%ED%A0%80&Signature=x';
        const response = await sendRaw(emulator.hostPort, { method: 'GET', path: `/?${query}`, headers: { Host: emulator.hostPort } });
        return { status: response.status, code: errorOf(response).Code, message: errorOf(response).Message };
      },
      (a) => assert.equal(a.code, 'AuthFailure.SignatureFailure'),
    ],
  ];

  for (const [what, send, check] of cases) {
    const before = serializeState(emulator.emulator.state);
    const answer = await send();
    check(answer);
    assert.equal(serializeState(emulator.emulator.state), before, `${what}: refused without a change`);
    const start = performance.now();
    const read = expectOk(await good('DescribeDeviceShadow', shadowOf), `the good request after ${what}`);
    worstGoodMs.push(performance.now() - start);
    assert.match(read['Data'] as string, /"version":\d+/);
  }
  // A change still goes through and is saved.
  expectOk(await good('UpdateDeviceShadow', { ...shadowOf, State: '{"desired":{"after":"bad input"}}', ShadowVersion: version++ }), 'a change after all of it');
  const accepted = await reported(JSON.stringify({ nested: JSON.parse(deepObject(62)) }));
  assert.equal(accepted.status, 200, 'a report at the depth limit is accepted');
  const saved = serializeState(emulator.emulator.state);
  await emulator.close();
  assert.equal(readFileSync(dataFile, 'utf8'), saved, 'the file holds the last state');

  const restarted = await startTestEmulator({ dataFile });
  try {
    assert.equal(restarted.origin, 'file');
    assert.equal(serializeState(restarted.emulator.state), saved, 'a new emulator starts from that file');
    expectOk(await sdkClient(restarted.hostPort, { signMethod: 'HmacSHA256', reqMethod: 'GET' })('DescribeDeviceShadow', shadowOf), 'and answers');
  } finally {
    await restarted.close();
  }
  console.log(
    `# good request after bad input: worst ${Math.max(...worstGoodMs).toFixed(1)} ms over ${worstGoodMs.length}; bad-input answers at most ${Math.max(...responseBytes)} bytes`,
  );
});

test('a data file poisoned by an older emulator (5,000 levels deep) is refused at start, named, and left untouched', async () => {
  const dataFile = join(dir, 'poisoned.json');
  // Spliced as text: JSON.stringify itself overflows on such a value, which is what poisoned the old saves.
  const healthy = JSON.stringify(JSON.parse(serializeState(createDemoState(Date.now()))));
  const text = healthy.replace('"state":{', `"state":{"deep":${deepObject(5000)},`);
  assert.notEqual(text, healthy);
  writeFileSync(dataFile, text);
  await assert.rejects(
    startTestEmulator({ dataFile }),
    (error: unknown) => error instanceof EmulatorStartError && /the file: nested more than 80 levels deep.*; the file was left untouched$/.test(error.message),
  );
  assert.equal(readFileSync(dataFile, 'utf8'), text);
});

test('a save that fails says so — in the API shape for an action, with status 500 for an admin route — and the next save recovers', async () => {
  const dataFile = join(dir, 'failing-disk.json');
  let failing = false;
  const emulator = await startTestEmulator({
    dataFile,
    writeHooks: {
      afterTempWritten: () => {
        if (failing) throw new Error('disk full (test)');
      },
    },
  });
  const call = sdkClient(emulator.hostPort, { signMethod: 'TC3-HMAC-SHA256', reqMethod: 'POST' });
  try {
    failing = true;
    const api = await call('UpdateDeviceShadow', { ...shadowOf, State: '{"desired":{"unsaved":1}}', ShadowVersion: 2 });
    assert.ok(
      !api.ok && api.code === 'InternalError' && /applied in memory but could not be saved to .*: disk full \(test\)$/.test(api.message),
      JSON.stringify(api),
    );
    const report = await fetch(`${emulator.endpoint}_emulator/devices/${DEMO_PRODUCT_ID}/thermostat-1/reported`, { method: 'POST', body: '{"unsaved":2}' });
    assert.equal(report.status, 500);
    assert.match(((await report.json()) as { Response: { Error: { Message: string } } }).Response.Error.Message, /could not be saved/);
    failing = false;
    expectOk(await call('UpdateDeviceShadow', { ...shadowOf, State: '{"desired":{"saved":3}}', ShadowVersion: 4 }), 'the next change');
  } finally {
    await emulator.close();
  }
  const restarted = await startTestEmulator({ dataFile });
  try {
    assert.deepEqual(
      restarted.emulator.state.shadows.get(`${DEMO_PRODUCT_ID}/thermostat-1`)?.state.desired?.['saved'],
      3,
      'the file loads, with every change made',
    );
    assert.equal(restarted.emulator.state.shadows.get(`${DEMO_PRODUCT_ID}/thermostat-1`)?.state.reported?.['unsaved'], 2);
  } finally {
    await restarted.close();
  }
});
