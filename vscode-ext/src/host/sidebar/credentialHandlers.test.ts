import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { CREDENTIAL_SCHEMES } from '@iot-devkit/core';
import type { CredentialForm } from '../../protocol.js';
import { credentialHandlers, credentialSchemeViews } from './credentialHandlers.js';

// Made-up keys, never a real device's or account's.
const PSK = 'bWFkZVVwVlNDb2RlSGFuZGxlclBTSw==';
const ONENET_KEY = 'bWFkZVVwVlNDb2RlT25lTmV0S2V5';
const NOW = 1_700_000_000;
const clock = () => NOW;
const mqttSign: CredentialForm = {
  scheme: 'mqtt-device',
  mode: 'sign',
  values: { productId: 'ABCDE12345', deviceName: 'dev_1', devicePsk: PSK, expiry: String(NOW + 600), hmac: 'sha256', connid: 'a1B2c' },
};
const outputsOf = (result: Awaited<ReturnType<ReturnType<typeof credentialHandlers>['runCredential']>>) => {
  assert.ok(result.ok, JSON.stringify(result));
  return Object.fromEntries(result.outputs.map((o) => [o.name, o.value]));
};

describe('the credential schemes of the Sign tab', () => {
  it('offers every scheme of the core with its fields, labelled in the UI language', () => {
    const zh = credentialSchemeViews(true);
    const en = credentialSchemeViews(false);
    assert.deepEqual(
      zh.map((s) => s.id),
      CREDENTIAL_SCHEMES.map((s) => s.id),
    );
    const mqtt = CREDENTIAL_SCHEMES.find((s) => s.id === 'mqtt-device')!;
    assert.equal(zh[0]!.title, mqtt.title.zh);
    assert.equal(en[0]!.title, mqtt.title.en);
    assert.deepEqual(
      zh[0]!.fields.map((f) => [f.name, f.secret, f.label]),
      mqtt.fields.map((f) => [f.name, f.secret === true, f.label.zh]),
    );
    assert.deepEqual(en[1]!.fields.find((f) => f.name === 'method')?.options, ['sha256', 'sha1', 'md5']);
  });

  it('signs the MQTT credentials in the host: the password is the documented HMAC, computed here with node:crypto', async () => {
    const { runCredential } = credentialHandlers(true, clock);
    const result = await runCredential(mqttSign);
    const out = outputsOf(result);
    assert.equal(out['username'], `ABCDE12345dev_1;12010126;a1B2c;${NOW + 600}`);
    assert.equal(out['password'], `${createHmac('sha256', Buffer.from(PSK, 'base64')).update(out['username']!).digest('hex')};hmacsha256`);
    assert.ok(result.ok && result.valid && result.steps.length >= 5);
    assert.match(result.ok ? result.steps[0]!.title : '', /[\u4e00-\u9fff]/, 'step titles in Chinese for a zh-CN VS Code');
    assert.ok(!JSON.stringify(result).includes(PSK), 'the PSK never comes back to the webview');
  });

  it('verifies with the host clock: a right pair is valid, a wrong password and an expired pair are findings', async () => {
    const out = outputsOf(await credentialHandlers(false, clock).runCredential(mqttSign));
    const verify = (now: number, password: string) =>
      credentialHandlers(false, () => now).runCredential({
        scheme: 'mqtt-device',
        mode: 'verify',
        values: { productId: 'ABCDE12345', deviceName: 'dev_1', username: out['username']!, password, devicePsk: PSK },
      });
    const right = await verify(NOW, out['password']!);
    assert.ok(right.ok && right.valid && right.findings.length === 0, JSON.stringify(right));
    const wrong = await verify(NOW, `${'0'.repeat(64)};hmacsha256`);
    assert.ok(wrong.ok && !wrong.valid);
    assert.ok(wrong.findings.length > 0 && wrong.findings.every((f) => f.problem && f.field && f.message), JSON.stringify(wrong.findings));
    const expired = await verify(NOW + 3600, out['password']!);
    assert.ok(expired.ok && expired.findings.some((f) => f.problem === 'expired'), JSON.stringify(expired));
  });

  it('OneNET: the token signed in the host verifies, a wrong resource is named', async () => {
    const { runCredential } = credentialHandlers(false, clock);
    const token = outputsOf(
      await runCredential({
        scheme: 'onenet-token',
        mode: 'sign',
        values: { res: 'products/123456', et: String(NOW + 3600), method: 'sha1', key: ONENET_KEY },
      }),
    )['token']!;
    assert.equal(
      new URLSearchParams(token).get('sign'),
      createHmac('sha1', Buffer.from(ONENET_KEY, 'base64'))
        .update(`${NOW + 3600}\nsha1\nproducts/123456\n2018-10-31`)
        .digest('base64'),
    );
    const other = await runCredential({ scheme: 'onenet-token', mode: 'verify', values: { token, key: ONENET_KEY, expectedRes: 'products/654321' } });
    assert.ok(other.ok && !other.valid && other.findings.some((f) => f.problem === 'wrong-resource'), JSON.stringify(other));
  });

  it('bad input comes back on the field to fix, whatever the webview posts', async () => {
    const { runCredential } = credentialHandlers(false, clock);
    const notBase64 = await runCredential({ ...mqttSign, values: { ...mqttSign.values, devicePsk: 'not base64!' } });
    assert.ok(!notBase64.ok);
    assert.equal(notBase64.field, 'devicePsk');
    assert.match(notBase64.message, /^devicePsk: .*base64/);
    const missing = await runCredential({ ...mqttSign, values: { deviceName: 'd' } });
    assert.ok(!missing.ok && missing.field === 'productId');
    const junk = await runCredential({ scheme: 'aws', mode: 'sign', values: null } as unknown as CredentialForm);
    assert.ok(!junk.ok && junk.field === 'scheme');
    const numbers = await runCredential({ ...mqttSign, values: { ...mqttSign.values, expiry: 42 } } as unknown as CredentialForm);
    assert.ok(numbers.ok, 'a non-string value is read as not given (expiry defaults to now + 3600)');
  });
});
