import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ActionRequestSpec } from '../protocol.js';
import { checkAndSign, signWithoutKey } from './checkAndSign.js';
import type { UsableProfile } from './profileStore.js';

// Made-up keys, never a real account's.
const profile = (id: string, secretKey: string): UsableProfile => ({
  id,
  name: id,
  secretId: 'AKIDmadeUpForCheckAndSign000000000000',
  secretKey,
  region: 'ap-guangzhou',
  endpoint: 'http://127.0.0.1:9180/',
});
const shown = profile('shown', 'madeUpKeyOfTheProfileShown000000');
const other = profile('other', 'madeUpKeyOfAnotherProfile0000000');
const request: ActionRequestSpec = {
  kind: 'action',
  service: 'iotcloud',
  version: '2021-04-08',
  action: 'UpdateDeviceShadow',
  region: '',
  method: 'POST',
  params: { ProductId: 'ABCDE12345', DeviceName: 'thermostat-1', State: '{"desired":{}}', ShadowVersion: '7' },
};
const T = 1_700_000_000;

test('the preview is the send: values typed by the catalog, signed with the profile given', () => {
  const signed = checkAndSign(shown, request, T);
  assert.ok(signed.ok);
  // "7" typed in the JSON goes out as the documented Integer; the steps shown say the same bytes.
  assert.equal(JSON.parse(signed.preview.wire.body).ShadowVersion, 7);
  assert.equal(signed.preview.steps.find((s) => s.id === 'hashedRequestPayload') !== undefined, true);
  assert.deepEqual(checkAndSign(shown, request, T), signed, 'deterministic for a timestamp: one function, one answer');
  const authorization = (s: ReturnType<typeof checkAndSign>) => (s.ok ? s.preview.wire.headers['Authorization'] : '');
  assert.notEqual(authorization(checkAndSign(other, request, T)), authorization(signed), "another profile's key gives another signature");
});

test('parameters the catalog refuses are named, and nothing is signed', () => {
  const signed = checkAndSign(shown, { ...request, params: { ProductId: 'ABCDE12345', DeviceName: 'bad name!' } }, T);
  assert.equal(signed.ok, false);
  assert.ok(!signed.ok && signed.problems.some((p) => p.field === 'DeviceName'));
});

test('a request sent as pasted (OneNET, MXCHIP) has no signature steps', () => {
  const signed = checkAndSign(
    shown,
    { kind: 'raw', method: 'PUT', url: 'http://api.onenet.hk.chinamobile.com/keys/k1', headers: { 'api-key': 'madeUp' }, body: '' },
    T,
  );
  assert.ok(signed.ok);
  assert.deepEqual(signed.preview.steps, []);
  assert.equal(signed.preview.wire.headers['api-key'], 'madeUp');
});

test('without a key: the same catalog-typed call and string to sign as the keyed preview; the key steps need one', () => {
  const signed = checkAndSign(shown, request, T);
  assert.ok(signed.ok);
  const keyless = signWithoutKey(request, shown, 'profile "shown": no SecretKey; enter it in Profiles', T);
  assert.equal(keyless.status, 'keyless');
  if (keyless.status !== 'keyless') return;
  const value = (steps: readonly { id: string; value: string }[], id: string) => steps.find((s) => s.id === id)?.value;
  for (const id of ['canonicalRequest', 'hashedRequestPayload', 'credentialScope', 'stringToSign'])
    assert.equal(value(keyless.steps, id), value(signed.preview.steps, id), id);
  assert.deepEqual(
    keyless.steps.filter((s) => s.needsKey).map((s) => s.id),
    ['secretDate', 'secretService', 'secretSigning', 'signature', 'authorization'],
  );
  assert.equal(keyless.keyMissing, 'profile "shown": no SecretKey; enter it in Profiles');
  // The catalog still refuses a bad call before anything is shown.
  assert.equal(signWithoutKey({ ...request, params: { ...request.params, ShadowVersion: 'seven' } }, shown, 'x', T).status, 'invalid');
});
