import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSecretField, isSecretHeader, maskForDisplay, REDACTED, redactForStorage, secretNamesMentioned, secretParamNames } from './secretPolicy.js';

// Made-up values, unique enough that a leak shows up in a search of the output.
const PSK = 'cHNrLWNhbmFyeS0xMjM0NTY3ODkw';
const API_KEY = 'onenetApiKeyCanary0123456789';

test('request parameters the catalog marks secret, per action', () => {
  assert.deepEqual(secretParamNames('iotcloud', 'CreateDevice').sort(), ['DefinedPsk', 'LoraAppKey']);
  assert.deepEqual(secretParamNames(undefined, 'UpdateDevicePSK'), ['Psk']);
  assert.deepEqual(secretParamNames('trro', 'ModifyProjectSecMode'), ['Key']);
  assert.deepEqual(secretParamNames('iotcloud', 'DescribeDevice'), []);
  assert.deepEqual(secretParamNames('iotcloud', 'NoSuchAction'), []);
});

test('response fields: catalog-marked ones and the documented fallback names, in any spelling', () => {
  for (const name of [
    'DevicePsk',
    'devicePsk',
    'device_psk',
    'DevicePrivateKey',
    'ProductSecret',
    'ClientKey',
    'access_token',
    'accessToken',
    'client_secret',
    'password',
    'Token',
  ])
    assert.equal(isSecretField(name), true, name);
  // DeviceLabel.Key and SearchKeyword.Key are not secrets; only TRRO's Key parameter is (per action, above).
  for (const name of ['DeviceName', 'ProductId', 'Key', 'DeviceCert', 'SecretId', 'CertText']) assert.equal(isSecretField(name), false, name);
});

test('headers that carry a credential', () => {
  for (const name of ['Authorization', 'authorization', 'api-key', 'X-TC-Token', 'x-tc-token', 'Cookie']) assert.equal(isSecretHeader(name), true, name);
  for (const name of ['Content-Type', 'X-TC-Action', 'X-TC-Timestamp', 'Host']) assert.equal(isSecretHeader(name), false, name);
});

test('maskForDisplay is maskSecret', () => {
  assert.equal(maskForDisplay(PSK), 'cHNr****');
  assert.equal(maskForDisplay(''), '');
});

test('a recorded CreateDevice keeps no PSK: params, JSON body, headers and the response', () => {
  const response = JSON.stringify({
    Response: {
      DeviceName: 'd1',
      DevicePsk: PSK,
      DeviceCert: 'CERT',
      DevicePrivateKey: '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----',
      RequestId: 'r1',
    },
  });
  const kept = redactForStorage({
    service: 'iotcloud',
    action: 'CreateDevice',
    params: { ProductId: 'P1', DeviceName: 'd1', DefinedPsk: PSK },
    url: 'http://127.0.0.1:9180/',
    headers: { 'Content-Type': 'application/json', Authorization: 'TC3-HMAC-SHA256 Credential=AKID/…, Signature=abc', 'X-TC-Token': 'tok-canary' },
    body: JSON.stringify({ ProductId: 'P1', DeviceName: 'd1', DefinedPsk: PSK }),
    responseBody: response,
  });
  const stored = JSON.stringify(kept);
  assert.equal(stored.includes(PSK), false);
  assert.equal(stored.includes('tok-canary'), false);
  assert.equal(stored.includes('PRIVATE KEY'), false);
  assert.deepEqual(kept.params, { ProductId: 'P1', DeviceName: 'd1', DefinedPsk: REDACTED });
  assert.equal(kept.headers?.['Authorization'], REDACTED);
  assert.equal(kept.headers?.['Content-Type'], 'application/json');
  assert.deepEqual(JSON.parse(kept.body!), { ProductId: 'P1', DeviceName: 'd1', DefinedPsk: REDACTED });
  assert.equal((JSON.parse(kept.responseBody!) as { Response: { DeviceCert: string } }).Response.DeviceCert, 'CERT');
  assert.deepEqual(kept.redactedFromRequest, ['DefinedPsk', 'Authorization', 'X-TC-Token']);
  assert.deepEqual(kept.redactedFromResponse, ['DevicePsk', 'DevicePrivateKey']);
  assert.equal(kept.dropped, undefined, 'dropped values only when asked for');
});

test('a DescribeDevices list: every device PSK dropped (DeviceInfo repeats DevicePsk unmarked); the values can be collected once', () => {
  const body = JSON.stringify({
    Response: {
      Devices: [
        { DeviceName: 'a', DevicePsk: PSK },
        { DeviceName: 'b', DevicePsk: `${PSK}2` },
      ],
      TotalCount: 2,
    },
  });
  const kept = redactForStorage({ responseBody: body }, { collectDropped: true });
  assert.equal(kept.responseBody!.includes(PSK), false);
  assert.deepEqual(kept.dropped, [
    { name: 'DevicePsk', path: 'Response.Devices.0.DevicePsk', value: PSK },
    { name: 'DevicePsk', path: 'Response.Devices.1.DevicePsk', value: `${PSK}2` },
  ]);
  assert.deepEqual(kept.redacted, ['DevicePsk']);
});

test('an empty secret field holds nothing: kept as it is and not named', () => {
  const kept = redactForStorage({
    responseBody: JSON.stringify({ Response: { DevicePsk: PSK, DevicePrivateKey: '', LoraAppKey: null } }),
    body: 'client_secret=&x=1',
  });
  assert.deepEqual(JSON.parse(kept.responseBody!), { Response: { DevicePsk: REDACTED, DevicePrivateKey: '', LoraAppKey: null } });
  assert.equal(kept.body, 'client_secret=&x=1');
  assert.deepEqual(kept.redacted, ['DevicePsk']);
});

test('TRRO Key is dropped for its action only; a DeviceLabel Key is kept', () => {
  assert.deepEqual(redactForStorage({ service: 'trro', action: 'ModifyProjectSecMode', params: { ProjectId: 'p', Mode: 1, Key: 'k-canary' } }).params, {
    ProjectId: 'p',
    Mode: 1,
    Key: REDACTED,
  });
  const labels = { ProductId: 'P', DeviceName: 'd', Labels: [{ Key: 'room', Value: '1' }] };
  assert.deepEqual(redactForStorage({ service: 'iotcloud', action: 'UpdateDevice', params: labels }).params, labels);
});

test('OneNET and MXCHIP: api-key and Bearer headers, the key in the path, client_secret in a form body, access_token in the response', () => {
  const oneNet = redactForStorage({ url: `http://api.onenet.hk.chinamobile.com/keys/${API_KEY}?x=1`, headers: { 'api-key': API_KEY } });
  assert.equal(JSON.stringify(oneNet).includes(API_KEY), false);
  assert.equal(oneNet.url, `http://api.onenet.hk.chinamobile.com/keys/${encodeURIComponent(REDACTED)}?x=1`);
  assert.deepEqual(oneNet.redacted, ['key', 'api-key']);

  const token = redactForStorage({
    url: 'http://127.0.0.1:8080/v3/open_api/token/',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=id1&client_secret=sec-canary',
    responseBody: JSON.stringify({ meta: { code: 0 }, data: { access_token: 'at-canary', expires_in: 604800 } }),
  });
  assert.equal(token.body, `grant_type=client_credentials&client_id=id1&client_secret=${encodeURIComponent(REDACTED)}`);
  assert.equal(JSON.stringify(token).includes('canary'), false);
  assert.equal(redactForStorage({ headers: { Authorization: 'Bearer at-canary' } }).headers?.['Authorization'], REDACTED);
});

test('a v1 GET: Signature, Token and secret parameters dropped from the query', () => {
  const url = 'https://iotcloud.tencentcloudapi.com/?Action=CreateDevice&DefinedPsk=abc%2Bdef&Signature=sig%3D&Token=t&Nonce=1';
  const kept = redactForStorage({ service: 'iotcloud', action: 'CreateDevice', url });
  const r = encodeURIComponent(REDACTED);
  assert.equal(kept.url, `https://iotcloud.tencentcloudapi.com/?Action=CreateDevice&DefinedPsk=${r}&Signature=${r}&Token=${r}&Nonce=1`);
});

test('non-JSON is left as it is; JSON too deep to walk is not kept at all; odd params do not throw', () => {
  assert.equal(redactForStorage({ responseBody: 'plain text DevicePsk: x' }).responseBody, 'plain text DevicePsk: x');
  const deep = '['.repeat(100) + ']'.repeat(100);
  const kept = redactForStorage({ responseBody: deep });
  assert.equal(kept.responseBody, REDACTED);
  assert.deepEqual(kept.redacted, ['response']);
  let nested: unknown = { DevicePsk: PSK };
  for (let i = 0; i < 5000; i++) nested = { a: nested };
  assert.deepEqual(redactForStorage({ params: nested as Record<string, unknown> }).params, {});
  assert.deepEqual(redactForStorage({ params: null as unknown as Record<string, unknown> }).params, {});
  // A prototype-named key is copied as an own field, not swallowed.
  const proto = redactForStorage({ responseBody: '{"__proto__":{"DevicePsk":"x"},"constructor":1}' });
  assert.deepEqual(JSON.parse(proto.responseBody!), { ['__proto__']: { DevicePsk: REDACTED }, constructor: 1 });
});

test('drafts: the secret names a text mentions, read in one pass', () => {
  assert.deepEqual(secretNamesMentioned(`curl -H 'api-key: ${API_KEY}' http://x/`), ['api-key']);
  assert.deepEqual(secretNamesMentioned('{"ProductId":"P","DefinedPsk":"x"}'), ['DefinedPsk']);
  assert.deepEqual(secretNamesMentioned('{"ProductId":"P","DeviceName":"d"}'), []);
  assert.deepEqual(secretNamesMentioned("-H 'Authorization: Bearer x'"), ['Authorization']);
  assert.deepEqual(secretNamesMentioned(`${'x-'.repeat(8 * 1024)} token`), ['token']);
});
