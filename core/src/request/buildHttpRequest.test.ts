import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildHttpRequest, buildKeylessTc3Request } from './buildHttpRequest.js';
import { flattenParams, unflattenParams } from './flattenParams.js';
import { SigningInputError } from '../signing/SigningInputError.js';
import { resolveEndpoint } from './resolveEndpoint.js';

const credentials = { secretId: 'AKIDbuilderTestFake', secretKey: 'builderTestFakeSecret' };
const shadow = {
  service: 'iotcloud',
  version: '2021-04-08',
  action: 'DescribeDeviceShadow',
  region: 'ap-guangzhou',
  params: { ProductId: 'ABCDEFGHIJ', DeviceName: 'dev-1' },
};

test('nested parameters flatten the API 3.0 way and back', () => {
  const params = { DeviceNames: ['a', 'b'], Attribute: { Tags: [{ Tag: 't', Type: 1, Value: 'v' }] }, Skip: null, Flag: true };
  const flat = flattenParams(params);
  assert.deepEqual(flat, {
    'DeviceNames.0': 'a',
    'DeviceNames.1': 'b',
    'Attribute.Tags.0.Tag': 't',
    'Attribute.Tags.0.Type': '1',
    'Attribute.Tags.0.Value': 'v',
    Flag: 'true',
  });
  assert.deepEqual(unflattenParams(flat), { DeviceNames: ['a', 'b'], Attribute: { Tags: [{ Tag: 't', Type: '1', Value: 'v' }] }, Flag: 'true' });
});

test('unflattening never reaches Object.prototype: such names stay parameters, for validation to name', () => {
  const result = unflattenParams({ '__proto__.polluted': 'yes', 'a.constructor.prototype.polluted': 'yes', 'A.0': 'ok' });
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.deepEqual(Object.keys(result), ['__proto__', 'a', 'A']);
  assert.equal(Object.getPrototypeOf(result), Object.prototype);
  assert.deepEqual(JSON.parse(JSON.stringify(result)), {
    ['__proto__']: { polluted: 'yes' },
    a: { constructor: { prototype: { polluted: 'yes' } } },
    A: ['ok'],
  });
});

test('unflattening refuses, by name, what would lose a value or allocate without bound', () => {
  const refused = (flat: Record<string, string>, field: string, expected: RegExp) =>
    assert.throws(
      () => unflattenParams(flat),
      (e: unknown) => e instanceof SigningInputError && e.field === field && expected.test(e.expected),
    );
  refused({ 'DeviceNames.99999999': 'x' }, 'DeviceNames.99999999', /an array index from 0 to 0/);
  refused({ 'DeviceNames.0': 'a', 'DeviceNames.2': 'c' }, 'DeviceNames.2', /leaves a gap/);
  refused({ 'DeviceNames.0': 'a', 'DeviceNames.2': 'c', Offset: '0' }, 'DeviceNames.1', /without gaps/);
  refused({ Attribute: '1', 'Attribute.Tags': '2' }, 'Attribute', /one value; it is also given as Attribute.Tags/);
  refused({ 'Attribute.Tags': '2', Attribute: '1' }, 'Attribute', /also the parent/);
  refused({ 'A.0': 'x', 'A.b': 'y' }, 'A', /either indexes/);
  refused({ 'A.b': 'y', 'A.0': 'x' }, 'A', /either indexes/);
  refused({ 'A..b': '1' }, 'A..b', /empty parts/);
  assert.deepEqual(unflattenParams({ 'A.1': 'b', 'A.0': 'a' }), { A: ['a', 'b'] });
});

test('endpoints: nearest-region domain by default, own domain for financial zones, override kept', () => {
  assert.equal(resolveEndpoint('iotcloud', 'ap-guangzhou'), 'https://iotcloud.tencentcloudapi.com/');
  assert.equal(resolveEndpoint('iotcloud', 'ap-shanghai-fsi'), 'https://iotcloud.ap-shanghai-fsi.tencentcloudapi.com/');
  assert.equal(resolveEndpoint('iotcloud', undefined, 'http://127.0.0.1:9180'), 'http://127.0.0.1:9180/');
  assert.throws(() => resolveEndpoint('iotcloud', undefined, 'localhost:9180'), /^SigningInputError: endpoint: /);
});

test('TC3 POST: X-TC-* headers, JSON body, signed', () => {
  const signed = buildHttpRequest(shadow, { credentials, timestamp: 1700000000 });
  assert.equal(signed.method, 'POST');
  assert.equal(signed.url, 'https://iotcloud.tencentcloudapi.com/');
  assert.equal(signed.body, '{"ProductId":"ABCDEFGHIJ","DeviceName":"dev-1"}');
  assert.equal(signed.headers['X-TC-Action'], 'DescribeDeviceShadow');
  assert.equal(signed.headers['X-TC-Version'], '2021-04-08');
  assert.equal(signed.headers['X-TC-Region'], 'ap-guangzhou');
  assert.match(signed.headers['Authorization']!, /Credential=AKIDbuilderTestFake\/2023-11-14\/iotcloud\/tc3_request/);
});

test('TC3 GET: flattened, percent-encoded query; the local endpoint signs as the named service', () => {
  const signed = buildHttpRequest(
    { ...shadow, method: 'GET', endpoint: 'http://127.0.0.1:9180', params: { ProductId: 'P', DeviceNames: ['a b', '设备'] } },
    { credentials, timestamp: 1700000000 },
  );
  assert.equal(signed.url, 'http://127.0.0.1:9180/?ProductId=P&DeviceNames.0=a%20b&DeviceNames.1=%E8%AE%BE%E5%A4%87');
  assert.equal(signed.body, '');
  assert.match(signed.headers['Authorization']!, /\/iotcloud\/tc3_request/);
});

test('v1: common parameters in the query, SignatureMethod sent with HmacSHA256, Token for temporary keys', () => {
  const signed = buildHttpRequest(
    { ...shadow, method: 'GET' },
    { credentials: { ...credentials, token: 'tok' }, timestamp: 1700000000, scheme: 'HmacSHA256', nonce: 42 },
  );
  const query = new URLSearchParams(signed.url.split('?')[1]);
  for (const [k, v] of Object.entries({
    Action: 'DescribeDeviceShadow',
    Version: '2021-04-08',
    Region: 'ap-guangzhou',
    SecretId: 'AKIDbuilderTestFake',
    Timestamp: '1700000000',
    Nonce: '42',
    SignatureMethod: 'HmacSHA256',
    Token: 'tok',
    ProductId: 'ABCDEFGHIJ',
  }))
    assert.equal(query.get(k), v, k);
  assert.match(query.get('Signature')!, /^[A-Za-z0-9+/]{43}=$/);
  const post = buildHttpRequest(shadow, { credentials, timestamp: 1700000000, scheme: 'HmacSHA1' });
  assert.equal(post.headers['Content-Type'], 'application/x-www-form-urlencoded');
  assert.match(post.body, /&Signature=[^&]+$/);
});

test('without a key: the same URL, body, headers (less Authorization) and string to sign as the signed request', () => {
  for (const method of ['POST', 'GET'] as const) {
    const signed = buildHttpRequest({ ...shadow, method }, { credentials, timestamp: 1700000000 });
    const keyless = buildKeylessTc3Request({ ...shadow, method }, 1700000000);
    assert.equal(keyless.url, signed.url, method);
    assert.equal(keyless.body, signed.body, method);
    const { Authorization: _authorization, ...unsigned } = signed.headers;
    assert.deepEqual(keyless.headers, unsigned, method);
    assert.equal(keyless.signing.stringToSign, signed.signing.steps.find((s) => s.id === 'stringToSign')?.value, method);
  }
});
