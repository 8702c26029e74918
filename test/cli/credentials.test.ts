import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { runCli, type CliResult } from '../support/cli.js';

// Made-up secrets only. The checks below make sure neither the text nor its decoded bytes leak.
const PSK = Buffer.from('madeUpCliTestPSK').toString('base64');
const KEY = Buffer.from('madeUpOneNetCliTestAccessKey!!!!').toString('base64');
const env = { DEVICE_PSK: PSK, ONENET_KEY: KEY };
const future = () => Math.floor(Date.now() / 1000) + 3600;

function assertNoSecret(result: CliResult) {
  for (const secret of [
    PSK,
    KEY,
    Buffer.from(PSK, 'base64').toString('hex'),
    Buffer.from(KEY, 'base64').toString('hex'),
    'madeUpCliTestPSK',
    'madeUpOneNetCliTestAccessKey',
  ]) {
    assert.ok(!result.stdout.includes(secret), `stdout leaks a secret: ${secret.slice(0, 4)}…`);
    assert.ok(!result.stderr.includes(secret), `stderr leaks a secret: ${secret.slice(0, 4)}…`);
  }
}

/** Independent formulas, node:crypto only. */
const mqttPassword = (alg: 'sha256' | 'sha1', username: string, key = Buffer.from(PSK, 'base64')) =>
  `${createHmac(alg, key).update(username).digest('hex')};hmac${alg}`;
function oneNetToken(res: string, et: number, method: 'md5' | 'sha1' | 'sha256', encodeSign = true): string {
  const sign = createHmac(method, Buffer.from(KEY, 'base64')).update(`${et}\n${method}\n${res}\n2018-10-31`).digest('base64');
  return `version=2018-10-31&res=${encodeURIComponent(res)}&et=${et}&method=${method}&sign=${encodeSign ? encodeURIComponent(sign) : sign}`;
}

test('device-credentials --json matches the formula for sha256 and sha1; PSK never printed', () => {
  const expiry = future();
  for (const alg of ['sha256', 'sha1'] as const) {
    const r = runCli(
      [
        'device-credentials',
        '--product-id',
        'ABCDE12345',
        '--device-name',
        'dev_1',
        '--psk-env',
        'DEVICE_PSK',
        '--expiry',
        String(expiry),
        '--hmac',
        alg,
        '--connid',
        'a1B2c',
        '--json',
      ],
      { env },
    );
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['clientId', 'username', 'password', 'host', 'port', 'connid', 'expiry', 'hmac', 'sdkAppId', 'shape']);
    assert.equal(out.expiry, expiry);
    assert.equal(out.username, `ABCDE12345dev_1;12010126;a1B2c;${expiry}`);
    assert.equal(out.password, mqttPassword(alg, out.username));
    assert.equal(out.host, 'ABCDE12345.iotcloud.tencentdevices.com');
    assert.equal(out.port, 1883);
    assertNoSecret(r);
  }
});

test("device-credentials --sdk-app-id and --expiry never: the C SDKs' username, shape named; --verify names the SDK shape", () => {
  const sign = (extra: string[]) =>
    runCli(['device-credentials', '--product-id', 'ABCDE12345', '--device-name', 'dev_1', '--psk-env', 'DEVICE_PSK', '--connid', 'a1B2c', '--json', ...extra], {
      env,
    });
  const never = sign(['--expiry', 'never', '--sdk-app-id', '21010406', '--hmac', 'sha1']);
  assert.equal(never.status, 0, never.stderr);
  const out = JSON.parse(never.stdout);
  assert.equal(out.username, 'ABCDE12345dev_1;21010406;a1B2c;2147483647');
  assert.equal(out.password, mqttPassword('sha1', out.username));
  assert.equal(out.expiry, 2147483647);
  assert.match(out.shape, /qcloud-iot-sdk-embedded-c/);
  const longMax = JSON.parse(sign(['--expiry', '9223372036854775807', '--sdk-app-id', '21010406', '--hmac', 'sha1']).stdout);
  assert.equal(longMax.username, 'ABCDE12345dev_1;21010406;a1B2c;9223372036854775807');
  assert.equal(longMax.expiry, null, 'LONG_MAX is no exact JSON number: the username holds it');
  const bad = sign(['--sdk-app-id', '12345']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--sdk-app-id: an sdkappid the device SDKs send, 12010126 or 21010406/);
  // The Python SDK's shape (milliseconds, 21010406, hmacsha1), computed here, verified and named.
  const python = `ABCDE12345dev_1;21010406;zX8cV;${Date.now()}`;
  const v = runCli(
    [
      'device-credentials',
      '--verify',
      '--username',
      python,
      '--password',
      mqttPassword('sha1', python),
      '--psk-env',
      'DEVICE_PSK',
      '--product-id',
      'ABCDE12345',
      '--device-name',
      'dev_1',
    ],
    { env },
  );
  assert.equal(v.status, 0, v.stdout);
  assert.match(v.stdout, /^ {2}Shape {6}iot-device-python — sdkappid 21010406 · expiry \d{13} = Unix milliseconds/m);
  assertNoSecret(v);
});

test('device-credentials for a person: steps titled and aligned like sign, PSK masked, random connid still verifiable', () => {
  const r = runCli(['device-credentials', '--product-id', 'ABCDE12345', '--device-name', 'dev_1', '--psk-env', 'DEVICE_PSK'], { env });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^ {2}Scheme {5}Tencent IoT Hub device MQTT/m);
  assert.match(r.stdout, /^ {2}DevicePsk {2}bWFk\*\*\*\* {2}\(from \$DEVICE_PSK\)$/m);
  assert.match(r.stdout, /^1\. {2}MQTT client id · MQTT 客户端 ID/m);
  assert.match(r.stdout, /^ {4}rule: /m);
  assert.match(r.stdout, /^ {4}│ ABCDE12345dev_1$/m);
  const username = /^ {2}username {2}(\S+)$/m.exec(r.stdout)?.[1];
  const password = /^ {2}password {2}(\S+)$/m.exec(r.stdout)?.[1];
  assert.match(username ?? '', /^ABCDE12345dev_1;12010126;[A-Za-z0-9]{5};\d{10}$/);
  assert.equal(password, mqttPassword('sha256', username!));
  assertNoSecret(r);
});

test('device-credentials --verify: right → exit 0; each mistake named → exit 1', () => {
  const username = `ABCDE12345dev_1;12010126;a1B2c;${future()}`;
  const verify = (password: string, extra: string[] = [], user = username) =>
    runCli(['device-credentials', '--verify', '--username', user, '--password', password, '--psk-env', 'DEVICE_PSK', '--json', ...extra], { env });
  const ok = verify(mqttPassword('sha256', username), ['--product-id', 'ABCDE12345', '--device-name', 'dev_1']);
  assert.equal(ok.status, 0, ok.stderr + ok.stdout);
  assert.equal(JSON.parse(ok.stdout).ok, true);
  const cases: [CliResult, string[]][] = [
    [verify(mqttPassword('sha1', username).replace('hmacsha1', 'hmacsha256')), ['wrong-method']],
    [verify(mqttPassword('sha256', username, Buffer.from(PSK))), ['key-not-base64-decoded']],
    [verify(mqttPassword('sha256', username), ['--product-id', 'ABCDE12345', '--device-name', 'dev_2']), ['client-id-mismatch']],
    [verify(mqttPassword('sha256', 'ABCDE12345dev_1;12010126;a1B2c;1700000000'), [], 'ABCDE12345dev_1;12010126;a1B2c;1700000000'), ['expired']],
    [verify(mqttPassword('sha256', 'ABCDE12345dev_1;a1B2c;1'), [], 'ABCDE12345dev_1;a1B2c;1'), ['malformed-username']],
  ];
  for (const [r, problems] of cases) {
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout).findings.map((f: { problem: string }) => f.problem),
      problems,
    );
    assertNoSecret(r);
  }
  const human = verify(mqttPassword('sha1', username).replace('hmacsha1', 'hmacsha256')).stdout;
  assert.ok(!human.includes('Result:'), 'json mode prints only JSON');
  const person = runCli(
    [
      'device-credentials',
      '--verify',
      '--username',
      username,
      '--password',
      mqttPassword('sha1', username).replace('hmacsha1', 'hmacsha256'),
      '--psk-env',
      'DEVICE_PSK',
    ],
    { env },
  );
  assert.equal(person.status, 1);
  assert.match(person.stdout, /^Result: WRONG — 1 problem\n {2}✗ wrong-method \(password\.suffix\)$/m);
  assertNoSecret(person);
});

test('onenet-token --json matches the formula for md5, sha1, sha256, product- and device-level', () => {
  const et = future();
  for (const method of ['md5', 'sha1', 'sha256'] as const) {
    for (const res of ['products/123456', 'products/123456/devices/dev-01']) {
      const r = runCli(['onenet-token', '--res', res, '--et', String(et), '--method', method, '--key-env', 'ONENET_KEY', '--json'], { env });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).token, oneNetToken(res, et, method));
      assertNoSecret(r);
    }
  }
  const person = runCli(['onenet-token', '--res', 'products/123456', '--et', String(et), '--key-env', 'ONENET_KEY'], { env });
  assert.equal(person.status, 0, person.stderr);
  assert.match(person.stdout, /^3\. {2}String to sign · /m);
  assert.ok(person.stdout.includes(`Token:\n    ${oneNetToken('products/123456', et, 'sha256')}`));
  assertNoSecret(person);
});

test('onenet-token --verify: right → exit 0; expired, wrong res, sign not encoded → exit 1 named', () => {
  const et = future();
  const verify = (token: string, extra: string[] = []) =>
    runCli(['onenet-token', '--verify', '--token', token, '--key-env', 'ONENET_KEY', '--json', ...extra], { env });
  const ok = verify(oneNetToken('products/123456', et, 'sha1'), ['--res', 'products/123456']);
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  const cases: [CliResult, string[]][] = [
    [verify(oneNetToken('products/123456', 1700000000, 'sha256')), ['expired']],
    [verify(oneNetToken('products/123456', et, 'sha256'), ['--res', 'products/654321']), ['wrong-resource']],
    [verify(oneNetToken('products/123456', et, 'sha256', false)), ['wrong-url-encoding']],
  ];
  for (const [r, problems] of cases) {
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout).findings.map((f: { problem: string }) => f.problem),
      problems,
    );
    assertNoSecret(r);
  }
});

test('bad input: one stderr line naming the option, exit 2, secrets never echoed', () => {
  const base = ['device-credentials', '--product-id', 'ABCDE12345', '--device-name', 'dev_1', '--psk-env', 'DEVICE_PSK'];
  const cases: [string[], Record<string, string>, RegExp][] = [
    [base, { DEVICE_PSK: 'not base64!' }, /--psk-env \(DEVICE_PSK\): base64 text .*DefinedPskNotBase64/],
    [base, { DEVICE_PSK: PSK + '\n' }, /--psk-env \(DEVICE_PSK\): .*whitespace/],
    [base, {}, /--psk-env: environment variable DEVICE_PSK is not set/],
    [['device-credentials', '--product-id', '', '--device-name', 'dev_1', '--psk-env', 'DEVICE_PSK'], env, /--product-id: /],
    [['device-credentials', '--product-id', 'ABCDE12345', '--device-name', '', '--psk-env', 'DEVICE_PSK'], env, /--device-name: /],
    [[...base, '--expiry', '1700000000'], env, /--expiry: .*already past/],
    [[...base, '--hmac', 'md5'], env, /--hmac: sha256 or sha1/],
    [
      ['device-credentials', '--product-id', 'ABCDE12345', '--device-name', 'dev_1', '--psk', PSK],
      env,
      /--psk: secrets are read from an environment variable only/,
    ],
    [['device-credentials', '--product-id', 'ABCDE12345', '--device-name', 'dev_1', '--psk-env', PSK], env, /--psk-env: an environment variable name/],
    [['onenet-token', '--res', 'products/1', '--et', String(future()), '--key', KEY], env, /--key: secrets are read from an environment variable only/],
    [['onenet-token', '--res', 'products/1', '--et', '1700000000', '--key-env', 'ONENET_KEY'], env, /--et: .*already past/],
    [['onenet-token', '--res', 'devices/1', '--et', String(future()), '--key-env', 'ONENET_KEY'], env, /--res: products\/\{pid\}/],
    [['onenet-token', '--res', 'products/1', '--et', String(future()), '--method', 'SHA256', '--key-env', 'ONENET_KEY'], env, /--method: .*lower case/],
    [
      ['onenet-token', '--res', 'products/1', '--et', String(future()), '--key-env', 'ONENET_KEY'],
      { ONENET_KEY: 'a-b_' },
      /--key-env \(ONENET_KEY\): .*URL-safe/,
    ],
    [['onenet-token', '--verify', '--key-env', 'ONENET_KEY'], env, /--token: /],
  ];
  for (const [args, caseEnv, message] of cases) {
    const r = runCli(args, { env: caseEnv });
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, message);
    assertNoSecret(r);
  }
});
