import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDemoState, DEMO_PRODUCT_ID, DEMO_RULE_NAME } from '../emulator/demoState.js';
import type { EmulatedRule } from '../emulator/EmulatorState.js';
import { encodeRuleSql } from '../ruleSql/ruleSqlBase64.js';
import { evaluateTopicRules, MAX_RULE_PAYLOAD_LENGTH, type RuleMessage } from './evaluateTopicRules.js';

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
const message = (topic: string, payload: unknown, extra: Partial<RuleMessage> = {}): RuleMessage => {
  const [productId = '', deviceName = ''] = topic.split('/');
  return {
    topic,
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    clientId: productId + deviceName,
    productId,
    deviceName,
    timestamp: NOW,
    ...extra,
  };
};
const rule = (name: string, sql: string, actions: unknown[], extra: Partial<EmulatedRule> = {}): EmulatedRule => ({
  RuleName: name,
  Sql: encodeRuleSql(sql),
  Actions: JSON.stringify(actions),
  Description: '',
  RuleDisabled: false,
  CreatedAt: 0,
  ...extra,
});

test('the demo rule thermostat_overheat fires above its threshold and not at or below it', () => {
  const rules = createDemoState(NOW).rules.values();
  const hot = evaluateTopicRules(rules, message(`${DEMO_PRODUCT_ID}/thermostat-2/event`, { temperature: 35.5, humidity: 40 }));
  assert.equal(hot.length, 1);
  const [fired] = hot;
  assert.equal(fired!.ruleName, DEMO_RULE_NAME);
  assert.equal(fired!.topicMatched, true);
  assert.equal(fired!.whereHeld, true);
  assert.equal(fired!.at, NOW);
  assert.deepEqual(fired!.output, { temperature: 35.5 });
  assert.deepEqual(fired!.actions, [
    { kind: 'republish', topic: `${DEMO_PRODUCT_ID}/thermostat-1/alert`, payload: '{"temperature":35.5}', qos: 0, viaRule: DEMO_RULE_NAME },
  ]);
  assert.equal(fired!.problem, undefined);
  for (const temperature of [30, 12, '29']) {
    const [cool] = evaluateTopicRules(createDemoState(NOW).rules.values(), message(`${DEMO_PRODUCT_ID}/thermostat-1/event`, { temperature }));
    assert.equal(cool!.whereHeld, false, String(temperature));
    assert.equal(cool!.output, null);
    assert.deepEqual(cool!.actions, []);
  }
  const [asText] = evaluateTopicRules(createDemoState(NOW).rules.values(), message(`${DEMO_PRODUCT_ID}/thermostat-1/event`, { temperature: '31' }));
  assert.equal(asText!.whereHeld, true, 'a numeric string compares as a number');
});

test('only enabled rules whose FROM filter matches the topic are evaluated', () => {
  const rules = [
    rule('any_device', "SELECT * FROM 'P1/+/event'", [{ republish: { topic: 'P1/sink/data' } }]),
    rule('all_below', "SELECT * FROM 'P1/dev1/#'", [{ republish: { topic: 'P1/sink/data' } }]),
    rule('other_topic', "SELECT * FROM 'P1/dev1/data'", [{ republish: { topic: 'P1/sink/data' } }]),
    rule('disabled', "SELECT * FROM 'P1/+/event'", [{ republish: { topic: 'P1/sink/data' } }], { RuleDisabled: true }),
    rule('other_product', "SELECT * FROM 'P2/+/event'", [{ republish: { topic: 'P2/sink/data' } }]),
  ];
  const names = (topic: string) => evaluateTopicRules(rules, message(topic, { a: 1 })).map((e) => e.ruleName);
  assert.deepEqual(names('P1/dev1/event'), ['any_device', 'all_below']);
  assert.deepEqual(names('P1/dev2/event'), ['any_device']);
  assert.deepEqual(names('P1/dev1/data'), ['all_below', 'other_topic']);
  assert.deepEqual(names('P1/dev1/event/sub'), ['all_below']);
  assert.deepEqual(names('P3/dev1/event'), []);
});

test('every action kind becomes an outcome; credentials in an action never reach one', () => {
  const actions = [
    { republish: { topic: 'P1/dev2/control', qos: 1 } },
    { forward: { api: 'http://127.0.0.1:8080/hook', token: 'made-up-forward-token' } },
    { ckafka: { instance: { id: 'ckafka-test', name: '' }, topic: { id: 'topic-test', name: 'test' }, region: 'gz' } },
    { cmqueue: { queuename: 'queue-test-TEST', region: 'gz' } },
    {
      mysql: { instanceid: 'cdb-test', region: 'gz', username: 'test', userpwd: 'made-up-db-password', dbname: 'd_mqtt', tablename: 't_test', fieldpairs: [] },
    },
    { ctsdb: { whatever: 1 } },
  ];
  const [evaluation] = evaluateTopicRules(
    [rule('fan_out', "SELECT temperature AS t, deviceName() AS d FROM 'P1/+/event' WHERE temperature > 30", actions)],
    message('P1/dev1/event', { temperature: 31, humidity: 5 }),
  );
  const output = '{"t":31,"d":"dev1"}';
  assert.deepEqual(evaluation!.output, { t: 31, d: 'dev1' });
  const [republish, forward, ckafka, cmqueue, mysql, other] = evaluation!.actions;
  assert.deepEqual(republish, { kind: 'republish', topic: 'P1/dev2/control', payload: output, qos: 1, viaRule: 'fan_out' });
  assert.equal(forward!.kind, 'forward');
  assert.ok(forward!.kind === 'forward');
  assert.equal(forward!.url, 'http://127.0.0.1:8080/hook');
  assert.deepEqual(JSON.parse(forward!.body), {
    devicename: 'dev1',
    payload: { t: 31, d: 'dev1' },
    productid: 'P1',
    timestamp: Math.floor(NOW / 1000),
    topic: 'P1/dev1/event',
  });
  assert.ok(ckafka!.kind === 'recorded' && cmqueue!.kind === 'recorded' && mysql!.kind === 'recorded' && other!.kind === 'recorded');
  assert.equal(ckafka!.target, 'CKafka ckafka-test topic test (gz)');
  assert.deepEqual(JSON.parse(ckafka!.body), {
    MsgType: 'Publish',
    Topic: 'P1/dev1/event',
    PayloadLen: output.length,
    Payload: Buffer.from(output).toString('base64'),
    ProductId: 'P1',
    DeviceName: 'dev1',
    Time: '2026-01-02 11:04:05',
  });
  assert.equal(cmqueue!.target, 'CMQ queue queue-test-TEST (gz)');
  assert.equal(mysql!.target, 'MySQL cdb-test d_mqtt.t_test (gz)');
  assert.equal(mysql!.body, output);
  assert.deepEqual([other!.actionType, other!.target, other!.body], ['ctsdb', 'ctsdb', output]);
  const everything = JSON.stringify(evaluation);
  assert.ok(!everything.includes('made-up-db-password') && !everything.includes('made-up-forward-token'));
});

test('a payload that is not JSON is named, not thrown; functions still answer and fields read as null', () => {
  const rules = [
    rule('fields', "SELECT * FROM 'P1/+/event' WHERE temperature > 30", [{ republish: { topic: 'P1/x/y' } }]),
    rule('facts', "SELECT deviceName() AS d, payloadLen() AS n FROM 'P1/+/event'", [{ republish: { topic: 'P1/x/y' } }]),
  ];
  const [fields, facts] = evaluateTopicRules(rules, message('P1/dev1/event', 'temperature=31'));
  assert.equal(fields!.whereHeld, false);
  assert.match(fields!.problem!, /^payload: not valid JSON/);
  assert.equal(facts!.whereHeld, true);
  assert.deepEqual(facts!.output, { d: 'dev1', n: 14 });
  const [deep] = evaluateTopicRules(rules.slice(0, 1), message('P1/dev1/event', '['.repeat(100_000)));
  assert.match(deep!.problem!, /nested more than 64 levels deep/);
  const [big] = evaluateTopicRules(rules.slice(0, 1), message('P1/dev1/event', `{"temperature":31,"pad":"${'x'.repeat(MAX_RULE_PAYLOAD_LENGTH)}"}`));
  assert.match(big!.problem!, /more than the 262144 a message carries/);
  assert.equal(big!.whereHeld, false);
  const [array] = evaluateTopicRules(rules.slice(0, 1), message('P1/dev1/event', '[1,2]'));
  assert.match(array!.problem!, /JSON but not an object/);
});

test('a stored rule that no longer reads is reported with its problem instead of silently never firing', () => {
  const stale = rule('stale', "SELECT count(*) FROM 'P1/+/event'", [{ republish: { topic: 'P1/x/y' } }]);
  const badActions = { ...rule('bad_actions', "SELECT * FROM 'P1/+/event'", []), Actions: '{"not":"an array"}' };
  const notBase64 = { ...rule('plain', "SELECT * FROM 'P1/+/event'", []), Sql: "SELECT * FROM 'P1/+/event'" };
  const [a, b, c] = evaluateTopicRules([stale, badActions, notBase64], message('P1/dev1/event', {}));
  assert.equal(a!.topicMatched, false);
  assert.match(a!.problem!, /stored Sql is not valid: unknown function "count"/);
  assert.equal(b!.topicMatched, true);
  assert.match(b!.problem!, /Actions is not a JSON array/);
  assert.match(c!.problem!, /stored Sql cannot be read: .*not valid base64/);
  for (const e of [a, b, c]) assert.deepEqual([e!.whereHeld, e!.output, e!.actions], [null, null, []]);
});

test('a republished message is marked with its rule, and a rule on its own output topic still evaluates once per message', () => {
  // Loops are the broker's to stop (it knows the hops); the engine evaluates one message and marks what it republishes.
  const loop = rule('echo', "SELECT * FROM 'P1/+/data'", [{ republish: { topic: 'P1/dev1/data' } }]);
  const first = evaluateTopicRules([loop], message('P1/dev1/data', { n: 1 }));
  assert.equal(first.length, 1);
  const [outcome] = first[0]!.actions;
  assert.ok(outcome!.kind === 'republish');
  assert.equal(outcome!.viaRule, 'echo');
  assert.equal(outcome!.payload, '{"n":1}');
});
