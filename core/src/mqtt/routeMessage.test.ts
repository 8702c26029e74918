import assert from 'node:assert/strict';
import { test } from 'node:test';
import { utf8Encode } from '../encoding/bytes.js';
import { createDemoState, DEMO_PRODUCT_ID, DEMO_RULE_NAME } from '../emulator/demoState.js';
import type { EmulatorState } from '../emulator/EmulatorState.js';
import { encodeRuleSql } from '../ruleSql/ruleSqlBase64.js';
import type { BrokerEffect } from './BrokerEffect.js';
import { MAX_REPUBLISH_HOPS, routeDeviceMessage } from './routeMessage.js';

const NOW = 1_800_000_000_000;
const P = DEMO_PRODUCT_ID;

function rule(state: EmulatorState, name: string, sql: string, actions: unknown[]) {
  state.rules.set(name, { RuleName: name, Sql: encodeRuleSql(sql), Actions: JSON.stringify(actions), Description: '', RuleDisabled: false, CreatedAt: 0 });
}

const fromDevice = (state: EmulatorState, topic: string, payload: string) =>
  routeDeviceMessage(state, { topic, payload: utf8Encode(payload), qos: 0, productId: P, deviceName: 'thermostat-2', clientId: `${P}thermostat-2` }, NOW);

const delivered = (effects: BrokerEffect[]) => effects.flatMap((e) => (e.kind === 'deliver' ? [`${e.topic} ${new TextDecoder().decode(e.payload)}`] : []));

test('the demo rule republishes only when its WHERE holds, and every evaluation is kept', () => {
  const state = createDemoState(NOW);
  const cool = fromDevice(state, `${P}/thermostat-2/event`, '{"temperature": 25}');
  assert.deepEqual(cool.firedRules, []);
  assert.deepEqual(delivered(cool.effects), []);
  const hot = fromDevice(state, `${P}/thermostat-2/event`, '{"temperature": 31, "humidity": 40}');
  assert.deepEqual(hot.firedRules, [DEMO_RULE_NAME]);
  assert.deepEqual(delivered(hot.effects), [`${P}/thermostat-1/alert {"temperature":31}`]);
  const kept = state.broker.ruleEvaluations.map((e) => [e.ruleName, e.whereHeld, e.source]);
  assert.deepEqual(kept, [
    [DEMO_RULE_NAME, false, `${P}thermostat-2`],
    [DEMO_RULE_NAME, true, `${P}thermostat-2`],
  ]);
});

test('republish loops end: a rule never runs on its own output, and chains stop after the hop limit', () => {
  const state = createDemoState(NOW);
  // Two rules feeding each other: a → b → (a is in the chain) stop.
  rule(state, 'ping', `SELECT * FROM '${P}/thermostat-2/data'`, [{ republish: { topic: `${P}/thermostat-1/data` } }]);
  rule(state, 'pong', `SELECT * FROM '${P}/thermostat-1/data'`, [{ republish: { topic: `${P}/thermostat-2/data` } }]);
  const loop = fromDevice(state, `${P}/thermostat-2/data`, '{"n": 1}');
  assert.deepEqual(loop.firedRules, ['ping', 'pong']);
  assert.equal(delivered(loop.effects).length, 2);
  // A chain of distinct rules: r0 → r1 → … each on the next topic; it stops after MAX_REPUBLISH_HOPS republishes.
  const chain = createDemoState(NOW);
  for (let i = 0; i < 12; i++) rule(chain, `r${i}`, `SELECT * FROM '${P}/thermostat-2/c${i}'`, [{ republish: { topic: `${P}/thermostat-2/c${i + 1}` } }]);
  const long = fromDevice(chain, `${P}/thermostat-2/c0`, '{}');
  assert.equal(delivered(long.effects).length, MAX_REPUBLISH_HOPS);
});

test('a shadow request is answered on the result topic; an RRPC reply is handed over; forward becomes an effect', () => {
  const state = createDemoState(NOW);
  const shadow = routeDeviceMessage(
    state,
    {
      topic: `$shadow/operation/${P}/thermostat-2`,
      payload: utf8Encode('{"type":"get","clientToken":"t"}'),
      qos: 0,
      productId: P,
      deviceName: 'thermostat-2',
      clientId: 'c',
    },
    NOW,
  );
  assert.match(delivered(shadow.effects)[0]!, new RegExp(`^\\$shadow/operation/result/${P}/thermostat-2 \\{"type":"get","result":0`));
  const reply = fromDevice(state, `$rrpc/txd/${P}/thermostat-2/77`, 'pong');
  assert.equal(reply.rrpcReply?.messageId, 77);
  assert.equal(new TextDecoder().decode(reply.rrpcReply?.payload), 'pong');
  rule(state, 'hook', `SELECT temperature FROM '${P}/+/event'`, [{ forward: { api: 'http://127.0.0.1:9/hook' } }]);
  const forwarded = fromDevice(state, `${P}/thermostat-2/event`, '{"temperature": 1}').effects.find((e) => e.kind === 'forward');
  assert.equal(forwarded?.kind === 'forward' && forwarded.url, 'http://127.0.0.1:9/hook');
});
