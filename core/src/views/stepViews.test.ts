import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signTc3, signTc3WithoutKey } from '../signing/tc3/signTc3.js';
import { signV1 } from '../signing/v1/signV1.js';
import { buildKeylessStepViews, buildStepViews, stepValueForDisplay } from './stepViews.js';

const SECRET_KEY = 'stepViewsCanarySecretKey00000000';
const tc3 = signTc3({
  method: 'POST',
  url: 'https://iotcloud.tencentcloudapi.com/',
  headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeDevice' },
  body: '{}',
  timestamp: 1700000000,
  secretId: 'AKIDexample',
  secretKey: SECRET_KEY,
});

test('TC3: derived keys masked and not copyable; canonical request, string to sign and signature visible', () => {
  const views = buildStepViews(tc3.steps);
  const byId = Object.fromEntries(views.map((v) => [v.id, v]));
  for (const id of ['secretDate', 'secretService', 'secretSigning']) {
    assert.equal(byId[id]!.value, `${tc3[id as 'secretDate'].slice(0, 4)}****`, id);
    assert.equal(byId[id]!.masked, true);
    assert.equal(byId[id]!.copyable, false);
  }
  for (const id of ['canonicalRequest', 'stringToSign', 'signature', 'authorization']) {
    assert.equal(byId[id]!.value, tc3[id as 'signature'], id);
    assert.equal(byId[id]!.copyable, true);
  }
  assert.equal(JSON.stringify(views).includes(tc3.secretSigning), false);
  assert.equal(JSON.stringify(views).includes(SECRET_KEY), false);
  assert.deepEqual(byId['secretDate']!.title, { en: 'Derived key SecretDate', zh: '派生密钥 SecretDate' });
});

test('one language on request (VS Code picks once; the popup picks itself from both)', () => {
  const zh = buildStepViews(tc3.steps, 'zh-CN');
  const en = buildStepViews(tc3.steps, 'en');
  assert.equal(zh.find((v) => v.id === 'secretDate')!.title, '派生密钥 SecretDate');
  assert.equal(en.find((v) => v.id === 'secretDate')!.title, 'Derived key SecretDate');
  assert.equal(typeof en[0]!.rule, 'string');
  assert.equal(zh.find((v) => v.id === 'secretSigning')!.copyable, false);
});

test('v1: nothing derived, everything visible', () => {
  const v1 = signV1({
    algorithm: 'HmacSHA256',
    method: 'GET',
    host: 'iotcloud.tencentcloudapi.com',
    params: { Action: 'DescribeProducts', Nonce: 1, Timestamp: 1700000000, SecretId: 'AKID' },
    secretKey: SECRET_KEY,
  });
  const views = buildStepViews(v1.steps, 'en');
  assert.ok(views.every((v) => !v.masked && v.copyable));
  assert.equal(views.find((v) => v.id === 'signature')!.value, v1.signature);
});

test("a diagnosis's expected/got of a derived-key step is masked by the same rule", () => {
  assert.equal(stepValueForDisplay({ id: 'secretSigning' }, 'abcdef0123456789'), 'abcd****');
  assert.equal(stepValueForDisplay({ id: 'signature' }, 'abcdef0123'), 'abcdef0123');
  assert.equal(stepValueForDisplay({ id: 'x', derivedFromSecret: true }, 'abcdef0123456789'), 'abcd****');
});

test('without a key: the key-free steps are the same values signTc3 computes; each key-dependent step says it needs one', () => {
  const {
    secretId: _id,
    secretKey: _key,
    ...unkeyed
  } = {
    method: 'POST',
    url: 'https://iotcloud.tencentcloudapi.com/',
    headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeDevice' },
    body: '{}',
    timestamp: 1700000000,
    secretId: 'AKIDexample',
    secretKey: SECRET_KEY,
  };
  const keyless = signTc3WithoutKey(unkeyed);
  assert.equal(keyless.stringToSign, tc3.stringToSign);
  assert.equal(keyless.canonicalRequest, tc3.canonicalRequest);
  assert.equal(keyless.headers['Authorization'], undefined);
  const views = buildKeylessStepViews(keyless.steps, 'en');
  assert.deepEqual(
    views.map((v) => v.id),
    tc3.steps.map((s) => s.id),
    'all ten steps, in signing order',
  );
  const byId = Object.fromEntries(views.map((v) => [v.id, v]));
  for (const id of ['hashedRequestPayload', 'canonicalRequest', 'credentialScope', 'hashedCanonicalRequest', 'stringToSign']) {
    assert.equal(byId[id]!.value, tc3[id as 'stringToSign'], id);
    assert.equal(byId[id]!.needsKey, undefined, id);
  }
  for (const id of ['secretDate', 'secretService', 'secretSigning', 'signature', 'authorization']) {
    assert.equal(byId[id]!.needsKey, true, id);
    assert.equal(byId[id]!.value, '', id);
    assert.equal(byId[id]!.copyable, false, id);
  }
  assert.equal(byId['signature']!.title, 'Signature');
});

test('without a key the request is still checked: a bad timestamp names its field', () => {
  assert.throws(() => signTc3WithoutKey({ method: 'POST', url: 'https://iotcloud.tencentcloudapi.com/', headers: {}, timestamp: Number.NaN }), /timestamp/);
});
