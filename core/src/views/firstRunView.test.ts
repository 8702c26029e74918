import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEmulator } from '../emulator/createEmulator.js';
import { DEMO_CREDENTIAL } from '../emulator/EmulatorCredential.js';
import { buildFirstRunView, EMULATOR_DEFAULT_ENDPOINT, FIRST_RUN_HINT } from './firstRunView.js';

test('nothing answering, or something that is not the emulator: the one-line hint', () => {
  assert.deepEqual(buildFirstRunView(undefined), { kind: 'hint', text: FIRST_RUN_HINT });
  assert.deepEqual(buildFirstRunView('<html>a dev server</html>'), { kind: 'hint', text: FIRST_RUN_HINT });
  assert.deepEqual(buildFirstRunView('{"emulator":1}'), { kind: 'hint', text: FIRST_RUN_HINT });
  assert.match(FIRST_RUN_HINT.en, /npx iot-devkit emulator --demo/);
});

test("the emulator's own GET /_emulator: an offer with the demo pair and the default endpoint", () => {
  const emulator = createEmulator({ now: () => Date.now(), randomBytes: (length) => new Uint8Array(length).fill(7) });
  const answer = emulator.handle({ method: 'GET', target: '/_emulator', headers: { host: '127.0.0.1:9180' }, body: new Uint8Array() });
  const view = buildFirstRunView(answer.body);
  assert.equal(view.kind, 'offerEmulator');
  if (view.kind !== 'offerEmulator') return;
  assert.equal(view.offer.secretId, DEMO_CREDENTIAL.secretId);
  assert.equal(view.offer.secretKey, DEMO_CREDENTIAL.secretKey);
  assert.equal(view.offer.endpoint, EMULATOR_DEFAULT_ENDPOINT);
  assert.equal(view.label.en, 'Use the local emulator');
});

test('an emulator serving other keys is not offered the demo key: it says to add one of its own', () => {
  const body = JSON.stringify({ emulator: 'IoT Devkit local emulator (not Tencent Cloud)', credentials: [{ SecretId: 'AKIDother', SecretKey: 'abcd****' }] });
  const view = buildFirstRunView(body);
  assert.equal(view.kind, 'hint');
  assert.match(view.kind === 'hint' ? view.text.en : '', /does not serve the demo key pair/);
});
