import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SigningInputError } from '../SigningInputError.js';
import { signV1 } from './signV1.js';

const docParams = {
  Action: 'DescribeInstances',
  SecretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  Timestamp: 1465185768,
  Nonce: 11886,
  Region: 'ap-guangzhou',
  'InstanceIds.0': 'ins-09dx96dg',
  Offset: 0,
  Limit: 20,
  Version: '2017-03-12',
};

test("parameters sort in ASCII order as in the doc's example", () => {
  const signed = signV1({ algorithm: 'HmacSHA1', method: 'GET', host: 'cvm.tencentcloudapi.com', path: '/', params: docParams, secretKey: 'fake' });
  assert.equal(
    signed.stringToSign,
    'GETcvm.tencentcloudapi.com/?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Limit=20&Nonce=11886&Offset=0&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE&Timestamp=1465185768&Version=2017-03-12',
  );
});

test('InstanceIds.12 sorts before InstanceIds.2 (ASCII, not numeric)', () => {
  const signed = signV1({
    algorithm: 'HmacSHA256',
    method: 'POST',
    host: 'h',
    params: { 'InstanceIds.2': 'b', 'InstanceIds.12': 'a', Zeta: 1, alpha: 2 },
    secretKey: 'k',
  });
  assert.equal(signed.requestString, 'InstanceIds.12=a&InstanceIds.2=b&Zeta=1&alpha=2');
});

test('the sign string keeps values raw; the query encodes them once, RFC 3986 uppercase', () => {
  const signed = signV1({ algorithm: 'HmacSHA1', method: 'GET', host: 'h', params: { Name: "未命名 a+b/c*'", Action: 'X' }, secretKey: 'k' });
  assert.ok(signed.stringToSign.includes("Name=未命名 a+b/c*'"));
  assert.ok(signed.query.startsWith('Action=X&Name=%E6%9C%AA%E5%91%BD%E5%90%8D%20a%2Bb%2Fc%2A%27&Signature='));
  assert.ok(!/%[0-9A-F]?[a-f]/.test(signed.query), 'hex digits are uppercase');
});

test('the signature is base64 of the right length for each method', () => {
  const sha1 = signV1({ algorithm: 'HmacSHA1', method: 'GET', host: 'h', params: { A: 1 }, secretKey: 'k' });
  const sha256 = signV1({ algorithm: 'HmacSHA256', method: 'GET', host: 'h', params: { A: 1 }, secretKey: 'k' });
  assert.match(sha1.signature, /^[A-Za-z0-9+/]{27}=$/);
  assert.match(sha256.signature, /^[A-Za-z0-9+/]{43}=$/);
});

test('bad input names the field', () => {
  const base = { algorithm: 'HmacSHA1', method: 'GET', host: 'h', params: { A: 1 }, secretKey: 'k' };
  for (const [input, field] of [
    [{ ...base, algorithm: 'MD5' }, 'algorithm'],
    [{ ...base, method: 'get' }, 'method'],
    [{ ...base, params: { A: { nested: 1 } } }, 'params.A'],
    [{ ...base, secretKey: undefined }, 'secretKey'],
  ] as const) {
    assert.throws(
      () => signV1(input as never),
      (e: unknown) => e instanceof SigningInputError && e.field === field,
    );
  }
});

test('signV1 names a parameter holding a lone surrogate instead of throwing a URIError', () => {
  assert.throws(
    () =>
      signV1({
        algorithm: 'HmacSHA1',
        method: 'GET',
        host: 'iotcloud.tencentcloudapi.com',
        params: { Action: 'DescribeDevices', 'DeviceNames.0': 'a\uD800b' },
        secretKey: 'k',
      }),
    (error: unknown) =>
      error instanceof SigningInputError && error.field === 'params.DeviceNames.0' && /lone UTF-16 surrogate U\+D800 at index 1/.test(error.message),
  );
});
