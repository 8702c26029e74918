import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import type { CredentialRunInput } from '../protocol.js';
import { runCredentials } from './credentialHandlers.js';

// Made-up keys, never a real device's or account's.
const PSK = 'bWFkZS11cC1wc2stZm9yLXVuaXQtdGVzdHM=';
const ONENET_KEY = 'bWFkZVVwT25lTmV0S2V5Rm9yVGVzdHM=';
const NOW = 1_700_000_000;

test("the popup's run: the MQTT password is the documented HMAC, at the clock given, and the PSK is not in the answer", async () => {
  const view = await runCredentials(
    {
      scheme: 'mqtt-device',
      mode: 'sign',
      values: { productId: 'ABCDE12345', deviceName: 'dev-1', devicePsk: PSK, expiry: String(NOW + 60), connid: 'zZ9yY' },
    },
    NOW,
  );
  assert.equal(view.ok, true);
  assert.equal(view.now, NOW);
  const out = Object.fromEntries(view.outputs.map((o) => [o.name, o.value]));
  assert.equal(out['username'], `ABCDE12345dev-1;12010126;zZ9yY;${NOW + 60}`);
  assert.equal(out['password'], `${createHmac('sha256', Buffer.from(PSK, 'base64')).update(out['username']!).digest('hex')};hmacsha256`);
  assert.ok(view.steps.length >= 5 && view.steps.every((s) => s.title.en && s.title.zh && s.rule.en));
  assert.ok(!JSON.stringify(view).includes(PSK));
});

test('a message carrying no strings, an unknown scheme or a mode the scheme lacks is named, not thrown', async () => {
  const odd = { scheme: 'onenet-token', mode: 'sign', values: { res: 42, et: null, method: 'sha256', key: ONENET_KEY } } as unknown as CredentialRunInput;
  assert.equal((await runCredentials(odd, NOW)).problem?.field, 'res');
  assert.equal((await runCredentials({ scheme: 'aws', mode: 'sign', values: {} }, NOW)).problem?.field, 'scheme');
  assert.equal((await runCredentials({ scheme: 'onenet-api-key', mode: 'verify', values: {} }, NOW)).problem?.field, 'mode');
  assert.equal(
    (await runCredentials({ scheme: 'mqtt-device', mode: 'sign', values: null as unknown as Record<string, string> }, NOW)).problem?.field,
    'productId',
  );
});

test("verify judges expiry against the worker's clock: the same pair is right now and expired an hour later", async () => {
  const signed = await runCredentials(
    { scheme: 'mqtt-device', mode: 'sign', values: { productId: 'ABCDE12345', deviceName: 'dev-1', devicePsk: PSK, expiry: String(NOW + 60) } },
    NOW,
  );
  const out = Object.fromEntries(signed.outputs.map((o) => [o.name, o.value]));
  const values = { productId: 'ABCDE12345', deviceName: 'dev-1', username: out['username']!, password: out['password']!, devicePsk: PSK };
  assert.equal((await runCredentials({ scheme: 'mqtt-device', mode: 'verify', values }, NOW)).ok, true);
  const later = await runCredentials({ scheme: 'mqtt-device', mode: 'verify', values }, NOW + 3600);
  assert.deepEqual(
    later.findings.map((f) => f.problem),
    ['expired'],
  );
});
