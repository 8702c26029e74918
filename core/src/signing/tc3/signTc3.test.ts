import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SigningInputError } from '../SigningInputError.js';
import { signTc3 } from './signTc3.js';

// The worked example of 签名方法 v3 (shared/seeds/001). Its SecretKey is masked in the doc, so only the
// key-independent values can be checked against the doc's printed numbers.
const docExample = {
  method: 'POST',
  url: 'https://cvm.tencentcloudapi.com/',
  headers: {
    'Content-Type': 'application/json; charset=utf-8',
    Host: 'cvm.tencentcloudapi.com',
    'X-TC-Action': 'DescribeInstances',
    'X-TC-Timestamp': '1551113065',
    'X-TC-Version': '2017-03-12',
    'X-TC-Region': 'ap-guangzhou',
  },
  body: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  timestamp: 1551113065,
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
  signedHeaders: ['content-type', 'host', 'x-tc-action'],
};

test("the doc's example payload hashes to 35e9c5b0…f064", () => {
  assert.equal(signTc3(docExample).hashedRequestPayload, '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
});

test("the doc's canonical request is reproduced and hashes to 7019a55b…1e84", () => {
  const signed = signTc3(docExample);
  assert.equal(
    signed.canonicalRequest,
    'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\nx-tc-action:describeinstances\n\ncontent-type;host;x-tc-action\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
  );
  assert.equal(signed.hashedCanonicalRequest, '7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84');
  assert.equal(signed.credentialScope, '2019-02-25/cvm/tc3_request');
  assert.equal(
    signed.stringToSign,
    'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84',
  );
});

test('the credential date is the UTC date even when UTC+8 is already the next day', () => {
  // 1551113065 is 2019-02-26 00:44:25 in UTC+8; the doc insists on 2019-02-25.
  assert.match(
    signTc3(docExample).authorization,
    /Credential=AKID\w+\/2019-02-25\/cvm\/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=[0-9a-f]{64}$/,
  );
});

test('every step is returned with a zh-CN and an English rule, and the secret key appears in none', () => {
  const signed = signTc3(docExample);
  assert.deepEqual(
    signed.steps.map((s) => s.id),
    [
      'hashedRequestPayload',
      'canonicalRequest',
      'credentialScope',
      'hashedCanonicalRequest',
      'stringToSign',
      'secretDate',
      'secretService',
      'secretSigning',
      'signature',
      'authorization',
    ],
  );
  for (const step of signed.steps) {
    assert.ok(step.rule.en.length > 10 && step.rule.zh.length > 5, step.id);
    assert.ok(!step.value.includes(docExample.secretKey), step.id);
  }
  assert.ok(!JSON.stringify(signed).includes(docExample.secretKey));
});

test('service comes from the host, X-TC-Token and Host are added to the headers to send', () => {
  const signed = signTc3({
    method: 'POST',
    url: 'https://iotcloud.ap-guangzhou.tencentcloudapi.com/',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
    timestamp: 1700000000,
    secretId: 'AKIDfake',
    secretKey: 'fakekey',
    token: 'tok',
  });
  assert.equal(signed.credentialScope, '2023-11-14/iotcloud/tc3_request');
  assert.equal(signed.headers['Host'], 'iotcloud.ap-guangzhou.tencentcloudapi.com');
  assert.equal(signed.headers['X-TC-Token'], 'tok');
  assert.equal(signed.headers['X-TC-Timestamp'], '1700000000');
  assert.equal(signed.headers['Authorization'], signed.authorization);
});

test('GET signs the query as sent and hashes an empty payload', () => {
  const signed = signTc3({
    method: 'GET',
    url: 'https://iotcloud.tencentcloudapi.com/?Limit=10&Offset=0',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'ignored',
    timestamp: 1700000000,
    secretId: 'AKIDfake',
    secretKey: 'fakekey',
  });
  assert.equal(signed.canonicalRequest.split('\n')[2], 'Limit=10&Offset=0');
  assert.equal(signed.hashedRequestPayload, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});

test('bad input names the field and what is expected', () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ ...docExample, timestamp: 1.5 }, 'timestamp'],
    [{ ...docExample, timestamp: '1551113065' }, 'timestamp'],
    [{ ...docExample, method: 'PUT' }, 'method'],
    [{ ...docExample, url: 'cvm.tencentcloudapi.com' }, 'url'],
    [{ ...docExample, secretKey: '' }, 'secretKey'],
    [{ ...docExample, signedHeaders: ['content-type', 'host', 'x-tc-region2'] }, 'headers.x-tc-region2'],
    [{ ...docExample, url: 'http://127.0.0.1:9180/', headers: { 'Content-Type': 'application/json' } }, 'service'],
  ];
  for (const [input, field] of cases) {
    assert.throws(
      () => signTc3(input as never),
      (error: unknown) => error instanceof SigningInputError && error.field === field && error.message.startsWith(field + ': '),
    );
  }
});

test('signTc3 names the timestamp past year 9999 and text that cannot be UTF-8, instead of a RangeError', () => {
  const request = {
    method: 'POST',
    url: 'https://iotcloud.tencentcloudapi.com/',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
    timestamp: 1551113065,
    secretId: 'AKIDx',
    secretKey: 'k',
  };
  const fails = (change: object, field: string, message: RegExp) =>
    assert.throws(
      () => signTc3({ ...request, ...change }),
      (error: unknown) => error instanceof SigningInputError && error.field === field && message.test(error.message),
      field,
    );
  fails(
    { timestamp: 8_640_000_000_001 },
    'timestamp',
    /up to 253402300799 \(9999-12-31T23:59:59Z\); 8640000000001 is past that \(milliseconds instead of seconds\?\)/,
  );
  fails({ timestamp: 1.5 }, 'timestamp', /non-negative integer/);
  fails({ body: '{"a":"\uD800"}' }, 'body', /lone UTF-16 surrogate U\+D800 at index 6/);
  fails({ headers: { 'Content-Type': 'application/json', 'X-TC-Region': '\uDFFF' } }, 'headers.X-TC-Region', /lone UTF-16 surrogate U\+DFFF/);
  fails({ secretKey: 'k\uD800' }, 'secretKey', /lone UTF-16 surrogate/);
  assert.equal(signTc3({ ...request, timestamp: 253_402_300_799 }).credentialScope, '9999-12-31/iotcloud/tc3_request');
});
