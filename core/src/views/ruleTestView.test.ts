import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRuleTestView, type RuleTestInput } from './ruleTestView.js';

const base: RuleTestInput = {
  sql: "SELECT temperature AS t, deviceName() AS d FROM 'ABCDE12345/+/event' WHERE temperature > 30",
  topic: 'ABCDE12345/dev1/event',
  payload: '{"temperature":35,"humidity":40}',
  actions: '[{"republish":{"topic":"ABCDE12345/dev2/control"}},{"cmqueue":{"queuename":"q1","region":"gz"}}]',
  now: Date.UTC(2026, 0, 1),
};

test('a WHERE that holds: fired, the output, and each action in both languages', () => {
  const view = buildRuleTestView(base);
  assert.equal(view.verdict, 'fired');
  assert.deepEqual(view.summary, { en: 'WHERE temperature > 30 held: the rule fires', zh: 'WHERE temperature > 30 成立：规则触发' });
  assert.deepEqual(JSON.parse(view.output!), { t: 35, d: 'dev1' });
  assert.equal(view.actions.length, 2);
  assert.equal(view.actions[0]!.en, 'republish to ABCDE12345/dev2/control (QoS 0): {"t":35,"d":"dev1"}');
  assert.match(view.actions[0]!.zh, /^重新发布到 ABCDE12345\/dev2\/control（QoS 0）/);
  assert.match(view.actions[1]!.en, /^cmqueue: would send to CMQ queue q1 \(gz\): \{"MsgType":"Publish"/);
  assert.equal(view.problem, undefined);
});

test('a WHERE that does not hold still shows what SELECT would have produced, and no actions', () => {
  const view = buildRuleTestView({ ...base, payload: '{"temperature":21}' });
  assert.equal(view.verdict, 'notHeld');
  assert.equal(view.summary.en, 'WHERE temperature > 30 did not hold: the rule does not fire');
  assert.deepEqual(JSON.parse(view.output!), { t: 21, d: 'dev1' });
  assert.deepEqual(view.actions, []);
});

test('a topic outside FROM, a SQL that does not check, a payload that is not JSON: each said plainly', () => {
  const other = buildRuleTestView({ ...base, topic: 'OTHER00001/dev1/event' });
  assert.equal(other.verdict, 'topicMismatch');
  assert.match(other.summary.en, /FROM 'ABCDE12345\/\+\/event' does not match the topic OTHER00001\/dev1\/event/);
  const bad = buildRuleTestView({ ...base, sql: "SELECT count(*) FROM 'ABCDE12345/+/event'" });
  assert.equal(bad.verdict, 'invalid');
  assert.match(bad.summary.en, /InvalidParameterValue.InvalidSQL: unknown function "count"/);
  const text = buildRuleTestView({ ...base, payload: 'temperature=35' });
  assert.equal(text.verdict, 'notHeld');
  assert.match(text.problem!, /payload: not valid JSON/);
  assert.deepEqual(JSON.parse(text.output!), { d: 'dev1' });
  const actions = buildRuleTestView({ ...base, actions: '{' });
  assert.equal(actions.verdict, 'invalid');
  assert.match(actions.summary.en, /Actions: not valid JSON/);
  const noWhere = buildRuleTestView({ ...base, sql: "SELECT * FROM 'ABCDE12345/+/event'", actions: '' });
  assert.equal(noWhere.verdict, 'fired');
  assert.equal(noWhere.summary.en, 'No WHERE: the rule fires for every message on its topic');
  assert.deepEqual(noWhere.actions, []);
});

test('credentials in an action never reach the view', () => {
  const view = buildRuleTestView({
    ...base,
    actions: JSON.stringify([
      { forward: { api: 'http://127.0.0.1:9/hook', token: 'made-up-forward-token' } },
      { mysql: { instanceid: 'cdb-1', region: 'gz', username: 'u', userpwd: 'made-up-db-password', dbname: 'd', tablename: 't', fieldpairs: [] } },
    ]),
  });
  assert.equal(view.verdict, 'fired');
  const shown = JSON.stringify(view);
  assert.ok(!shown.includes('made-up-forward-token') && !shown.includes('made-up-db-password'), shown);
  assert.match(view.actions[1]!.en, /^mysql: would send to MySQL cdb-1 d\.t \(gz\)/);
});
