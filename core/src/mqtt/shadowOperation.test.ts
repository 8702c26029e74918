import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDemoState, DEMO_PRODUCT_ID } from '../emulator/demoState.js';
import { deviceKey } from '../emulator/EmulatorState.js';
import { applyShadowOperation } from './shadowOperation.js';

const NOW = 1_800_000_000_000;

/** The result message's fields a device SDK reads. */
interface ShadowReply {
  readonly type: string;
  readonly result: number;
  readonly clientToken?: string;
  readonly message: string;
  readonly payload: { readonly state: Record<string, unknown>; readonly version: number };
}
const D = 'thermostat-1';

function run(message: unknown) {
  const state = createDemoState(NOW);
  const send = (m: unknown) => {
    const outcome = applyShadowOperation(state, DEMO_PRODUCT_ID, D, typeof m === 'string' ? m : JSON.stringify(m), NOW + 1);
    return { ...outcome, json: JSON.parse(outcome.reply) as ShadowReply };
  };
  return { state, first: send(message), send, shadow: () => state.shadows.get(deviceKey(DEMO_PRODUCT_ID, D)) };
}

test('get answers the document with its delta, the version at payload.version and the clientToken', () => {
  const { first } = run({ type: 'get', clientToken: 'tok-1' });
  assert.equal(first.json['type'], 'get');
  assert.equal(first.json['result'], 0);
  assert.equal(first.json['clientToken'], 'tok-1');
  assert.deepEqual(first.json['payload'].state['delta'], { targetTemperature: 22 });
  assert.equal(first.json['payload'].version, 2);
  assert.equal(first.changed, false);
});

test('update merges reported and bumps the version; 0 or no version skips the check, a stale one is refused', () => {
  const { first, send, shadow } = run({ type: 'update', state: { reported: { targetTemperature: 22 } }, version: 0, clientToken: 'a' });
  assert.equal(first.json['result'], 0);
  assert.deepEqual(first.json['payload'].state, { reported: { targetTemperature: 22 } });
  assert.equal(first.json['payload'].version, 3);
  assert.equal(shadow()!.state.reported!['targetTemperature'], 22);
  assert.equal(send({ type: 'update', state: { reported: { mode: 'eco' } }, version: 3, clientToken: 'b' }).json['payload'].version, 4, 'the current version');
  assert.equal(send({ type: 'update', state: { reported: { mode: 'off' } }, clientToken: 'c' }).json['result'], 0, 'no version (the C SDK)');
  const stale = send({ type: 'update', state: { reported: { mode: 'x' } }, version: 3, clientToken: 'd' });
  assert.equal(stale.json['result'], 409);
  assert.equal(stale.json['clientToken'], 'd');
  assert.match(stale.json['message'], /^IoT Devkit emulator: version 3 does not match the shadow's version 5/);
  assert.equal(shadow()!.state.reported!['mode'], 'off', 'a refused update changes nothing');
});

test('desired null (and the Java SDK\'s "") clears desired; a device may not set desired', () => {
  const { first, shadow, send } = run({ type: 'update', state: { reported: { targetTemperature: 22 }, desired: null }, clientToken: 'x' });
  assert.equal(first.json['result'], 0);
  assert.equal(shadow()!.state.desired, undefined);
  assert.equal(shadow()!.version, 3, 'one version for the whole update');
  const again = run({ type: 'update', state: { desired: '' }, clientToken: 'y' });
  assert.equal(again.first.json['result'], 0);
  assert.equal(again.shadow()!.state.desired, undefined);
  assert.equal(send({ type: 'update', state: { desired: { mode: 'eco' } } }).json['result'], 400);
});

test('bad messages get a rejection naming what is wrong, never a throw', () => {
  const cases: [unknown, RegExp][] = [
    ['{not json', /not valid JSON|JSON/],
    ['['.repeat(5000), /deep|nest/i],
    [[1, 2], /must be a JSON object/],
    [{ type: 'patch' }, /type: expected "get", "update" or "delete"/],
    [{ type: 'update', state: { reported: 5 } }, /state.reported: expected a JSON object/],
    [{ type: 'update', state: {} }, /neither "reported" nor "desired": null/],
    [{ type: 'update', version: -1, state: { reported: {} } }, /version: expected a non-negative integer/],
    [{ type: 'update', state: { reported: { big: 'x'.repeat(9000) } } }, /over 8192 bytes/],
  ];
  for (const [message, pattern] of cases) {
    const { first } = run(message);
    assert.notEqual(first.json['result'], 0, JSON.stringify(message).slice(0, 40));
    assert.match(first.json['message'], pattern);
    assert.equal(first.changed, false);
  }
});

test('delete removes the shadow', () => {
  const { first, shadow } = run({ type: 'delete', clientToken: 'z' });
  assert.equal(first.json['result'], 0);
  assert.equal(shadow(), undefined);
});
