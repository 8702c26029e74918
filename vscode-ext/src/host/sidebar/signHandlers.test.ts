import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DERIVED_KEY_STEP_IDS, maskSecret, signTc3, SigningKeyCache, TC3_STEP_IDS } from '@iot-devkit/core';
import type { SignForm, StepView } from '../../protocol.js';
import { signHandlers } from './signHandlers.js';

const credentials = { secretId: 'AKIDsignHandler01', secretKey: 'madeUpSignHandlerKey01' };
const profile = { name: 't', secretId: credentials.secretId, region: 'ap-guangzhou' };
const form: SignForm = {
  method: 'POST',
  url: 'https://iotcloud.tencentcloudapi.com/',
  headers: 'Content-Type: application/json\nX-TC-Action: DescribeProducts',
  body: '{"Offset":0,"Limit":10}',
  timestamp: '1700000000',
  service: '',
  signedHeaders: '',
};

describe('the Sign tab handler', () => {
  it('signs with the profile key in the host and returns every step (in the UI language), never the key', async () => {
    const { sign } = signHandlers({ credentials: async () => ({ profile, credentials }) }, true, new SigningKeyCache());
    const result = await sign(form);
    assert.ok(result.ok);
    const expected = signTc3({
      method: 'POST',
      url: form.url,
      headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeProducts' },
      body: form.body,
      timestamp: 1_700_000_000,
      ...credentials,
    });
    assert.deepEqual(
      result.steps.map((s) => s.id),
      [...TC3_STEP_IDS],
    );
    assert.equal(result.steps.find((s) => s.id === 'signature')?.value, expected.signature);
    assert.equal(result.steps[0]!.title, expected.steps[0]!.title.zh);
    assert.deepEqual(Object.fromEntries(result.headers), expected.headers);
    assert.ok(!JSON.stringify(result).includes(credentials.secretKey));
  });

  it("masks the derived keys and offers no copy of them, as the browser does (the core's step views)", async () => {
    const keyCache = new SigningKeyCache();
    const { sign } = signHandlers({ credentials: async () => ({ profile, credentials }) }, false, keyCache);
    const result = await sign(form);
    assert.ok(result.ok);
    const expected = signTc3({
      method: 'POST',
      url: form.url,
      headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeProducts' },
      body: form.body,
      timestamp: 1_700_000_000,
      ...credentials,
    });
    for (const id of DERIVED_KEY_STEP_IDS) {
      const step: StepView = result.steps.find((s) => s.id === id)!;
      const hex = expected.steps.find((s) => s.id === id)!.value;
      assert.deepEqual([step.value, step.masked, step.copyable], [maskSecret(hex), true, false], id);
      assert.ok(!JSON.stringify(result).includes(hex), `${id} is not sent to the webview`);
    }
    assert.equal(result.steps.find((s) => s.id === 'signature')?.copyable, true);
    // The extension's one cache: what ProfileStore.remove calls when the profile goes.
    assert.ok(keyCache.size > 0);
    keyCache.forget(credentials.secretKey);
    assert.equal(keyCache.size, 0);
  });

  it('names the field to fix; with no profile the steps that need no key still come, the others marked', async () => {
    const { sign } = signHandlers({ credentials: async () => ({ profile, credentials }) }, false, new SigningKeyCache());
    assert.deepEqual(await sign({ ...form, timestamp: 'now' }), { ok: false, field: 'timestamp', message: 'timestamp: Unix seconds, e.g. 1551113065' });
    const noProfile = signHandlers(
      { credentials: () => Promise.reject(new Error('No profile yet: run "IoT Devkit: Add Profile"')) },
      false,
      new SigningKeyCache(),
    );
    // No profile: not an error of the form. The key-free steps are shown, the others say they need a key.
    const keyless = await noProfile.sign(form);
    assert.ok(keyless.ok);
    assert.equal(keyless.keyMissing, 'No profile yet: run "IoT Devkit: Add Profile"');
    const expected = signTc3({
      method: 'POST',
      url: form.url,
      headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeProducts' },
      body: form.body,
      timestamp: 1_700_000_000,
      ...credentials,
    });
    assert.equal(keyless.steps.find((s) => s.id === 'stringToSign')?.value, expected.stringToSign);
    assert.deepEqual(
      keyless.steps.filter((s) => s.needsKey).map((s) => s.id),
      ['secretDate', 'secretService', 'secretSigning', 'signature', 'authorization'],
    );
    assert.ok(!keyless.headers.some(([name]) => name === 'Authorization'));
    assert.deepEqual(await noProfile.sign({ ...form, timestamp: 'now' }), {
      ok: false,
      field: 'timestamp',
      message: 'timestamp: Unix seconds, e.g. 1551113065',
    });
    // A host the service cannot be derived from, and no service typed: the core's message, on the service field.
    const local = await sign({ ...form, url: 'http://127.0.0.1:9180/' });
    assert.ok(!local.ok);
    assert.equal(local.field, 'service');
  });
});
