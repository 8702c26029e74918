import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, test } from 'node:test';
import {
  buildAuthorization,
  buildCanonicalHeaders,
  buildCanonicalRequest,
  buildCredentialScope,
  buildStringToSign,
  computeSignature,
  DEMO_CREDENTIAL,
  deriveSigningKey,
  hashCanonicalRequest,
  hashRequestPayload,
  nobleHashProvider,
  signTc3,
  signV1,
  utcDateOf,
} from '@iot-devkit/core';
import { coreClient, expectError, expectOk, readAnswer, sdkClient, startTestEmulator, type Answer } from './harness.js';

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
before(async () => {
  // A non-loopback name it also answers (as --allow-host gives it), so the signing rules off loopback can be tried.
  emulator = await startTestEmulator({ allowHosts: ['iot.example.com:8443'] });
});
after(() => emulator.close());

const now = () => Math.floor(Date.now() / 1000);
const shadowParams = { ProductId: 'DEMO000001', DeviceName: 'thermostat-1' };

/** A request with full control of every header, Host included (fetch does not let a test set Host). */
function raw(options: {
  method?: string;
  path?: string;
  headers: Record<string, string>;
  body?: string;
}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  const [host, port] = emulator.hostPort.split(':');
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host, port: Number(port), method: options.method ?? 'POST', path: options.path ?? '/', headers: options.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(options.body ?? '');
  });
}

const answerOf = (text: string): Answer => {
  const response = (JSON.parse(text) as { Response: Record<string, unknown> & { Error?: { Code: string; Message: string } } }).Response;
  return response.Error ? { ok: false, code: response.Error.Code, message: response.Error.Message } : { ok: true, response };
};

/** A TC3 POST signed by the core over exactly the headers and body given, sent with the Host given. */
function signedPost(options: {
  body?: string;
  signedBody?: string;
  host?: string;
  signedHost?: string;
  timestamp?: number;
  service?: string;
  action?: string;
  secretKey?: string;
  extraHeaders?: Record<string, string>;
}) {
  const host = options.host ?? emulator.hostPort;
  const timestamp = options.timestamp ?? now();
  const body = options.body ?? JSON.stringify(shadowParams);
  const headers = {
    'Content-Type': 'application/json',
    'X-TC-Action': options.action ?? 'DescribeDeviceShadow',
    'X-TC-Version': '2021-04-08',
    'X-TC-Region': 'ap-guangzhou',
    'X-TC-Timestamp': String(timestamp),
    ...options.extraHeaders,
  };
  const signed = signTc3({
    method: 'POST',
    url: `http://${options.signedHost ?? host}/`,
    headers,
    body: options.signedBody ?? body,
    timestamp,
    secretId: DEMO_CREDENTIAL.secretId,
    secretKey: options.secretKey ?? DEMO_CREDENTIAL.secretKey,
    service: options.service ?? 'iotcloud',
  });
  return raw({ headers: { ...headers, Host: host, Authorization: signed.authorization }, body });
}

test('errors come back as HTTP 200 with Response.Error and a UUID RequestId, as the doc describes', async () => {
  const response = await fetch(emulator.endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const json = (await response.json()) as { Response: { Error: { Code: string; Message: string }; RequestId: string } };
  assert.equal(json.Response.Error.Code, 'AuthFailure.InvalidAuthorization');
  assert.match(json.Response.RequestId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('a wrong SecretKey is AuthFailure.SignatureFailure, for TC3 and for v1', async () => {
  const wrong = { secretId: DEMO_CREDENTIAL.secretId, secretKey: 'notTheDemoKeyAtAll000000000000000' };
  const tc3 = expectError(
    await sdkClient(emulator.hostPort, { signMethod: 'TC3-HMAC-SHA256', reqMethod: 'POST', credential: wrong })('DescribeDeviceShadow', shadowParams),
    'AuthFailure.SignatureFailure',
    'TC3',
  );
  assert.match(tc3, /^The provided credentials could not be validated/);
  expectError(
    await sdkClient(emulator.hostPort, { signMethod: 'HmacSHA1', reqMethod: 'GET', credential: wrong })('DescribeDeviceShadow', shadowParams),
    'AuthFailure.SignatureFailure',
    'v1',
  );
});

test('an unknown SecretId is AuthFailure.SecretIdNotFound', async () => {
  const message = expectError(
    await sdkClient(emulator.hostPort, {
      signMethod: 'TC3-HMAC-SHA256',
      reqMethod: 'POST',
      credential: { secretId: 'AKIDunknown000000000000000000000000', secretKey: 'x' },
    })('DescribeDeviceShadow', shadowParams),
    'AuthFailure.SecretIdNotFound',
    'unknown id',
  );
  assert.match(message, /AKIDunknown/);
});

test('more than five minutes of clock skew is AuthFailure.SignatureExpire; four minutes is fine', async () => {
  const late = expectError(
    await coreClient(emulator.endpoint, { scheme: 'TC3-HMAC-SHA256', method: 'POST', timestamp: () => now() - 400 })('DescribeDeviceShadow', shadowParams),
    'AuthFailure.SignatureExpire',
    'TC3 400 s behind',
  );
  assert.match(late, /behind/);
  expectError(
    await coreClient(emulator.endpoint, { scheme: 'HmacSHA256', method: 'GET', timestamp: () => now() + 400 })('DescribeDeviceShadow', shadowParams),
    'AuthFailure.SignatureExpire',
    'v1 400 s ahead',
  );
  expectOk(
    await coreClient(emulator.endpoint, { scheme: 'TC3-HMAC-SHA256', method: 'POST', timestamp: () => now() - 240 })('DescribeDeviceShadow', shadowParams),
    '240 s behind',
  );
});

test('a malformed Authorization header is AuthFailure.InvalidAuthorization, saying what is off', async () => {
  const base = {
    'Content-Type': 'application/json',
    'X-TC-Action': 'DescribeDeviceShadow',
    'X-TC-Version': '2021-04-08',
    'X-TC-Region': 'ap-guangzhou',
    'X-TC-Timestamp': String(now()),
  };
  const cases: [string, RegExp][] = [
    ['Bearer abc', /must start with "TC3-HMAC-SHA256 "/],
    ['TC3-HMAC-SHA256 Credential=AKID/2024-01-01/iotcloud/tc3_request, Signature=abc', /expected "TC3-HMAC-SHA256 Credential=/],
    [
      `TC3-HMAC-SHA256 Credential=AKID/20240101/iotcloud/tc3_request, SignedHeaders=content-type;host, Signature=${'a'.repeat(64)}`,
      /credential date must be YYYY-MM-DD/,
    ],
    [`TC3-HMAC-SHA256 Credential=AKID/2024-01-01/iotcloud/tc3_request, SignedHeaders=content-type;host, Signature=${'A'.repeat(64)}`, /64 lower-case hex/],
  ];
  for (const [authorization, message] of cases) {
    const answer = answerOf((await raw({ headers: { ...base, Authorization: authorization }, body: '{}' })).text);
    assert.match(expectError(answer, 'AuthFailure.InvalidAuthorization', authorization), message, authorization);
  }
});

test('a token sent with a long-term key is AuthFailure.TokenFailure', async () => {
  expectError(
    await sdkClient(emulator.hostPort, { signMethod: 'TC3-HMAC-SHA256', reqMethod: 'POST', credential: { ...DEMO_CREDENTIAL, token: 'sts-token' } })(
      'DescribeDeviceShadow',
      shadowParams,
    ),
    'AuthFailure.TokenFailure',
    'token',
  );
});

test('the signature covers the body, the host, the UTC date and the service', async () => {
  assert.equal(answerOf((await signedPost({})).text).ok, true, 'the untouched request verifies');
  expectError(
    answerOf((await signedPost({ signedBody: JSON.stringify({ ...shadowParams, DeviceName: 'thermostat-2' }) })).text),
    'AuthFailure.SignatureFailure',
    'body changed after signing',
  );
  const service = expectError(answerOf((await signedPost({ service: 'cvm' })).text), 'AuthFailure.SignatureFailure', 'another service');
  assert.match(service, /names the service "cvm"; this action belongs to iotcloud/);
  // A signature made for another host does not verify, even on loopback.
  expectError(answerOf((await signedPost({ signedHost: 'iotcloud.tencentcloudapi.com' })).text), 'AuthFailure.SignatureFailure', 'signed for the cloud host');
  // Port-less signing is accepted for loopback hosts only (the SDK quirk); anywhere else the host must be signed as sent.
  assert.equal(answerOf((await signedPost({ signedHost: '127.0.0.1' })).text).ok, true, 'loopback signed without its port');
  expectError(
    answerOf((await signedPost({ host: 'iot.example.com:8443', signedHost: 'iot.example.com' })).text),
    'AuthFailure.SignatureFailure',
    'non-loopback host signed without its port',
  );
  assert.equal(answerOf((await signedPost({ host: 'iot.example.com:8443' })).text).ok, true, 'non-loopback host signed as sent');
});

test('a credential date that is not the UTC date of X-TC-Timestamp fails, as the doc warns; the UTC date verifies', async () => {
  const timestamp = now();
  const body = JSON.stringify(shadowParams);
  const headers = {
    'Content-Type': 'application/json',
    Host: emulator.hostPort,
    'X-TC-Action': 'DescribeDeviceShadow',
    'X-TC-Version': '2021-04-08',
    'X-TC-Region': 'ap-guangzhou',
    'X-TC-Timestamp': String(timestamp),
  };
  // Every step by hand, so only the credential date differs: the UTC date, then the next day (a UTC+8 client near midnight).
  const authorizationFor = (date: string) => {
    const { canonicalHeaders, signedHeaders } = buildCanonicalHeaders(headers, ['content-type', 'host']);
    const canonicalRequest = buildCanonicalRequest({
      method: 'POST',
      canonicalUri: '/',
      canonicalQueryString: '',
      canonicalHeaders,
      signedHeaders,
      hashedRequestPayload: hashRequestPayload('POST', body, nobleHashProvider),
    });
    const scope = buildCredentialScope(date, 'iotcloud');
    const stringToSign = buildStringToSign(timestamp, scope, hashCanonicalRequest(canonicalRequest, nobleHashProvider));
    const signature = computeSignature(
      deriveSigningKey(DEMO_CREDENTIAL.secretKey, date, 'iotcloud', nobleHashProvider).secretSigning,
      stringToSign,
      nobleHashProvider,
    );
    return buildAuthorization(DEMO_CREDENTIAL.secretId, scope, signedHeaders, signature);
  };
  assert.equal(answerOf((await raw({ headers: { ...headers, Authorization: authorizationFor(utcDateOf(timestamp)) }, body })).text).ok, true, 'UTC date');
  expectError(
    answerOf((await raw({ headers: { ...headers, Authorization: authorizationFor(utcDateOf(timestamp + 86400)) }, body })).text),
    'AuthFailure.SignatureFailure',
    'next day',
  );
});

test('v1: a parameter changed after signing fails; the common parameters are not business parameters', async () => {
  const params = {
    Action: 'DescribeDeviceShadow',
    Version: '2021-04-08',
    Region: 'ap-guangzhou',
    ProductId: 'DEMO000001',
    DeviceName: 'thermostat-1',
    SecretId: DEMO_CREDENTIAL.secretId,
    Timestamp: now(),
    Nonce: 4242,
    SignatureMethod: 'HmacSHA256',
  };
  const signed = signV1({ algorithm: 'HmacSHA256', method: 'GET', host: emulator.hostPort, path: '/', params, secretKey: DEMO_CREDENTIAL.secretKey });
  assert.equal(answerOf((await raw({ method: 'GET', path: `/?${signed.query}`, headers: { Host: emulator.hostPort } })).text).ok, true);
  const tampered = signed.query.replace('thermostat-1', 'thermostat-2');
  expectError(
    answerOf((await raw({ method: 'GET', path: `/?${tampered}`, headers: { Host: emulator.hostPort } })).text),
    'AuthFailure.SignatureFailure',
    'tampered v1',
  );
  const noNonce = signed.query.replace(/&?Nonce=4242/, '');
  expectError(
    answerOf((await raw({ method: 'GET', path: `/?${noNonce}`, headers: { Host: emulator.hostPort } })).text),
    'MissingParameter',
    'v1 without Nonce',
  );
});

test('unknown actions, versions, parameters and regions get the cloud codes; parameter checks come from the catalog', async () => {
  const call = sdkClient(emulator.hostPort, { signMethod: 'TC3-HMAC-SHA256', reqMethod: 'POST' });
  assert.match(expectError(await call('DescribeDeviceShadows', shadowParams), 'InvalidAction', 'typo'), /Did you mean DescribeDeviceShadow/);
  assert.match(
    expectError(
      await call('BindDevices', { GatewayProductId: 'P', GatewayDeviceName: 'g', ProductId: 'P', DeviceNames: ['a'] }),
      'UnsupportedOperation',
      'documented but not emulated',
    ),
    /does not implement/,
  );
  assert.match(expectError(await call('DescribeDeviceShadow', { ...shadowParams, Colour: 'red' }), 'UnknownParameter', 'extra'), /`Colour` is not recognized/);
  assert.match(expectError(await call('DescribeDeviceShadow', { ProductId: 'DEMO000001' }), 'MissingParameter', 'missing'), /`DeviceName`/);
  expectError(await call('UpdateDeviceShadow', { ...shadowParams, State: '{}', ShadowVersion: 'one' }), 'InvalidParameter', 'wrong type');
  assert.match(
    expectError(await call('DescribeDevices', { ProductId: 'DEMO000001', Offset: '0', Limit: 10 }), 'InvalidParameter', 'a number as a JSON string'),
    /^Offset: expected a JSON number/,
  );
  assert.match(
    expectError(
      await call('CreateTopicRule', { RuleName: 'typed', TopicRulePayload: { Sql: 'U0VMRUNU', RuleDisabled: 'true' } }),
      'InvalidParameter',
      'a boolean as a JSON string',
    ),
    /^TopicRulePayload\.RuleDisabled: expected a JSON true or false/,
  );
  // The same text is fine in a GET query, where everything is text.
  expectOk(
    await sdkClient(emulator.hostPort, { signMethod: 'TC3-HMAC-SHA256', reqMethod: 'GET' })('DescribeDevices', {
      ProductId: 'DEMO000001',
      Offset: '0',
      Limit: '10',
    }),
    'GET text',
  );
  expectError(
    await sdkClient(emulator.hostPort, { signMethod: 'TC3-HMAC-SHA256', reqMethod: 'POST', version: '2018-06-14' })('DescribeDeviceShadow', shadowParams),
    'NoSuchVersion',
    'old version',
  );
  expectError(
    await sdkClient(emulator.hostPort, { signMethod: 'TC3-HMAC-SHA256', reqMethod: 'POST', region: 'mars-north-1' })('DescribeDeviceShadow', shadowParams),
    'UnsupportedRegion',
    'region',
  );
});

test('only GET and POST; a TC3 POST must be JSON', async () => {
  expectError(answerOf((await raw({ method: 'PUT', headers: { Host: emulator.hostPort } })).text), 'UnsupportedProtocol', 'PUT');
  const response = await signedPost({ extraHeaders: { 'Content-Type': 'text/plain' } });
  expectError(answerOf(response.text), 'InvalidParameter', 'text/plain body');
});

test('CORS: extension pages and loopback pages get a preflight answer; other web origins are refused', async () => {
  const preflight = await raw({
    method: 'OPTIONS',
    headers: {
      Host: emulator.hostPort,
      Origin: 'chrome-extension://abcdefghijklmnop',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization,content-type,x-tc-action',
    },
  });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers['access-control-allow-origin'], 'chrome-extension://abcdefghijklmnop');
  assert.match(String(preflight.headers['access-control-allow-headers']), /Authorization/);
  assert.match(String(preflight.headers['access-control-allow-headers']), /X-TC-Action/);
  const page = await signedPost({ extraHeaders: { Origin: 'http://localhost:5173' } });
  assert.equal(page.headers['access-control-allow-origin'], 'http://localhost:5173');
  assert.equal(answerOf(page.text).ok, true);
  const evil = await raw({
    method: 'POST',
    path: '/_emulator/devices/DEMO000001/thermostat-1/reported',
    headers: { Host: emulator.hostPort, Origin: 'https://evil.example', 'Content-Type': 'application/json' },
    body: '{"x":1}',
  });
  assert.equal(evil.status, 403);
  assert.equal(evil.headers['access-control-allow-origin'], undefined);
  assert.equal(emulator.emulator.state.shadows.get('DEMO000001/thermostat-1')?.state.reported?.['x'], undefined, 'the refused request changed nothing');
});

test('admin routes describe the emulator, mask the key, and refuse unknown paths', async () => {
  const info = (await (await fetch(`${emulator.endpoint}_emulator`)).json()) as { credentials: { SecretId: string; SecretKey: string }[] };
  assert.deepEqual(info.credentials, [{ SecretId: DEMO_CREDENTIAL.secretId, SecretKey: 'DEMO****' }]);
  const missing = await fetch(`${emulator.endpoint}_emulator/nothing`);
  assert.equal(missing.status, 404);
  const bad = await fetch(`${emulator.endpoint}_emulator/devices/DEMO000001/thermostat-1/reported`, { method: 'POST', body: '[1,2]' });
  assert.equal(bad.status, 400);
  assert.equal((await readAnswer(await fetch(emulator.endpoint))).ok, false);
});
