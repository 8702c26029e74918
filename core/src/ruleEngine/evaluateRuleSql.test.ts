import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { checkRuleSql } from '../ruleSql/checkRuleSql.js';
import { MAX_RULE_STRING_LENGTH } from './callRuleFunction.js';
import { evaluateRuleExpression, MAX_RULE_EVALUATION_DEPTH } from './evaluateRuleExpression.js';
import { evaluateRuleSql } from './evaluateRuleSql.js';
import type { RuleContext } from './RuleContext.js';
import type { RuleExpression } from '../ruleSql/RuleSqlTree.js';

const TOPIC = 'ABCDE12345/dev_01/event';
function contextOf(payload: unknown, extra: Partial<RuleContext> = {}): RuleContext {
  const rawPayload = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return { payload, rawPayload, topic: TOPIC, productId: 'ABCDE12345', deviceName: 'dev_01', timestamp: 1_700_000_123_456, ...extra };
}
function run(sql: string, payload: unknown, extra: Partial<RuleContext> = {}) {
  const checked = checkRuleSql(sql);
  assert.ok(checked.ok, checked.ok ? sql : checked.error.message);
  return evaluateRuleSql(checked.tree, contextOf(payload, extra));
}
/** WHERE's verdict for a condition on a payload. */
const holds = (condition: string, payload: unknown = {}) => run(`SELECT * FROM '${TOPIC}' WHERE ${condition}`, payload).whereHeld;
/** One expression's value, through SELECT. */
const valueOf = (expression: string, payload: unknown = {}, extra: Partial<RuleContext> = {}) =>
  run(`SELECT ${expression} AS v FROM '${TOPIC}'`, payload, extra).output['v'];

test('each comparison operator, on numbers and on strings', () => {
  const p = { t: 31, s: 'beta' };
  const table: [string, boolean][] = [
    ['t = 31', true],
    ['t == 31', true],
    ['t = 30', false],
    ['t <> 30', true],
    ['t != 31', false],
    ['t < 32', true],
    ['t < 31', false],
    ['t <= 31', true],
    ['t > 30', true],
    ['t > 31', false],
    ['t >= 31', true],
    ["s = 'beta'", true],
    ["s > 'alpha'", true],
    ["s < 'alpha'", false],
    ['s = "beta"', true],
  ];
  for (const [condition, expected] of table) assert.equal(holds(condition, p), expected, condition);
});

test('a number compared with a string: as numbers when the string is one, unknown (so not held) otherwise', () => {
  assert.equal(holds("t > '30'", { t: 31 }), true);
  assert.equal(holds('t > 30', { t: '31' }), true);
  assert.equal(holds('t = 31', { t: '31.0' }), true);
  assert.equal(holds('t > 30', { t: 'hot' }), false);
  assert.equal(holds('NOT (t > 30)', { t: 'hot' }), false, 'unknown, not false: NOT of it does not hold either');
  assert.equal(holds('t = true', { t: 1 }), false, 'booleans do not compare with numbers');
  assert.equal(holds('on = true', { on: true }), true);
});

test('missing fields and null are SQL null: comparisons unknown, IS NULL true, WHERE on null not held', () => {
  assert.equal(holds('temperature > 30', {}), false);
  assert.equal(holds('NOT (temperature > 30)', {}), false);
  assert.equal(holds('temperature IS NULL', {}), true);
  assert.equal(holds('temperature IS NULL', { temperature: null }), true);
  assert.equal(holds('temperature IS NOT NULL', { temperature: 0 }), true);
  assert.equal(holds('temperature = null', { temperature: null }), false, '= null is unknown, as in SQL');
  assert.equal(holds('a.b.c IS NULL', { a: 1 }), true, 'stepping into a number is missing, not an error');
  assert.equal(holds('missing', {}), false);
  assert.equal(holds('flag IS TRUE', { flag: true }), true);
  assert.equal(holds('flag IS NOT FALSE', {}), true);
});

test('AND, OR and NOT in three values', () => {
  const p = { a: 1 };
  assert.equal(holds('a = 1 AND b = 2', p), false); // true AND null → null
  assert.equal(holds('a = 1 OR b = 2', p), true); // true OR null → true
  assert.equal(holds('a = 2 OR b = 2', p), false); // false OR null → null
  assert.equal(holds('NOT (a = 2 AND b = 2)', p), true); // NOT (false AND null) → NOT false
  assert.equal(holds('NOT (a = 1 AND b = 2)', p), false); // NOT null → null
  assert.equal(holds('(a = 1 OR a = 2) AND NOT a = 3', p), true);
  assert.equal(holds('a', { a: 5 }), true, 'a number is true unless 0');
  assert.equal(holds('a', { a: 0 }), false);
});

test('arithmetic: + - * / % with precedence, numeric strings, and null for what has no number', () => {
  assert.equal(valueOf('1 + 2 * 3 - 4 / 2'), 5);
  assert.equal(valueOf('(1 + 2) * 3'), 9);
  assert.equal(valueOf('20 % 7'), 6);
  assert.equal(valueOf('-t + 1', { t: 3 }), -2);
  assert.equal(valueOf("t * '2'", { t: 3 }), 6);
  assert.equal(valueOf('1 / 0'), null);
  assert.equal(valueOf('5 % 0'), null);
  assert.equal(valueOf('t + 1', {}), null);
  assert.equal(valueOf("'a' + 1"), null, 'string concatenation is concat(), not +');
  assert.equal(holds('t * 9 / 5 + 32 > 86', { t: 31 }), true);
});

test('IN, BETWEEN and LIKE, with NOT and nulls', () => {
  assert.equal(holds("mode IN ('auto', 'eco')", { mode: 'eco' }), true);
  assert.equal(holds("mode NOT IN ('auto', 'eco')", { mode: 'eco' }), false);
  assert.equal(holds('n IN (1, 2)', { n: '2' }), true);
  assert.equal(holds('n NOT IN (1, null)', { n: 3 }), false, 'not found but a null in the list: unknown');
  assert.equal(holds('t BETWEEN 10 AND 30', { t: 30 }), true);
  assert.equal(holds('t BETWEEN 10 AND 30', { t: 31 }), false);
  assert.equal(holds('t NOT BETWEEN 10 AND 30', { t: 31 }), true);
  assert.equal(holds('t NOT BETWEEN 10 AND 30', {}), false);
  assert.equal(holds("name LIKE 'room_%'", { name: 'room1-kitchen' }), true);
  assert.equal(holds("name LIKE 'room_'", { name: 'room12' }), false);
  assert.equal(holds("name NOT LIKE '%kitchen'", { name: 'room1-kitchen' }), false);
  assert.equal(holds("name LIKE '%'", { name: 5 }), false, 'LIKE on a number is unknown');
});

test('nested fields, indexes, aliases and *', () => {
  const payload = { room1: { temperature: 31, humidity: '63%' }, list: [{ id: 'x' }, { id: 'y' }], 'my field': 1 };
  const result = run(
    `SELECT room1.temperature, room1.humidity AS h, list[1].id, list[0]['id'] AS first, \`my field\`, nothere FROM '${TOPIC}' WHERE room1.temperature > 30`,
    payload,
  );
  assert.equal(result.whereHeld, true);
  assert.deepEqual(result.output, { temperature: 31, h: '63%', id: 'y', first: 'x', 'my field': 1 });
  const all = run(`SELECT *, deviceName() AS device, room1.temperature AS room1 FROM '${TOPIC}'`, payload);
  assert.deepEqual(all.output, { ...payload, device: 'dev_01', room1: 31 }, 'later items win over * for the same key');
  assert.deepEqual(run(`SELECT list FROM '${TOPIC}'`, payload).output, { list: payload.list });
});

test('a payload key named __proto__ or constructor is a plain key, never the prototype', () => {
  const payload = JSON.parse('{"__proto__":{"polluted":1},"a":2}') as unknown;
  const result = run(`SELECT *, constructor, toString AS s, __proto__.polluted AS p FROM '${TOPIC}'`, payload);
  assert.equal(Object.getPrototypeOf(result.output), Object.prototype);
  assert.deepEqual(Object.keys(result.output), ['__proto__', 'a', 'p']);
  assert.equal(result.output['p'], 1);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test("the doc's functions: message facts", () => {
  assert.equal(valueOf('productId()'), 'ABCDE12345');
  assert.equal(valueOf('deviceName()'), 'dev_01');
  assert.equal(valueOf('timestamp()'), 1_700_000_123, 'seconds, as the doc says');
  assert.equal(valueOf('topic()'), TOPIC);
  assert.equal(valueOf('topic(1)'), 'ABCDE12345');
  assert.equal(valueOf('topic(3)'), 'event');
  assert.equal(valueOf('topic(4)'), null);
  assert.equal(valueOf('topic(0)'), null);
  assert.equal(valueOf('payloadLen()', { 温度: 1 }), new TextEncoder().encode('{"温度":1}').length);
  assert.equal(valueOf('to_hex()', 'AB'), '4142');
  assert.equal(valueOf('to_hex(s)', { s: '温' }), 'e6b8a9');
  assert.equal(valueOf('bin_to_dec(b)', { b: '1010' }), 10);
  assert.equal(valueOf('bin_to_dec()', '111'), 7);
  assert.equal(valueOf('bin_to_dec(b)', { b: '102' }), null);
  assert.equal(valueOf('requestId()', {}, { requestId: 'req-1' }), 'req-1');
});

test("the doc's functions: strings, digests and random values", () => {
  const p = { tencent: 'iot', n: 12, s: 'room1-kitchen' };
  assert.equal(valueOf('upper(tencent)', p), 'IOT', "the doc's own example");
  assert.equal(valueOf("lower('MiXeD')"), 'mixed');
  assert.equal(valueOf('upper(n)', p), '12');
  assert.equal(valueOf("concat(tencent, '-hub')", p), 'iot-hub');
  assert.equal(valueOf('concat(tencent, missing)', p), null);
  assert.equal(valueOf("replace(s, 'o', '0')", p), 'r00m1-kitchen');
  assert.equal(valueOf("replace(s, '', 'x')", p), 'room1-kitchen');
  assert.equal(valueOf('substring(s, 0, 5)', p), 'room1');
  assert.equal(valueOf('substring(s, 6, 100)', p), 'kitchen');
  assert.equal(valueOf('substring(s, 3, 1)', p), '');
  // node:crypto as the independent oracle for the digests.
  for (const [written, node] of [
    ['MD5', 'md5'],
    ['SHA1', 'sha1'],
    ['SHA256', 'sha256'],
    ['sha-256', 'sha256'],
    ['SHA384', 'sha384'],
    ['SHA512', 'sha512'],
  ])
    assert.equal(valueOf(`crypto(tencent, '${written}')`, p), createHash(node!).update('iot').digest('hex'), written);
  assert.equal(valueOf("crypto(room, 'MD5')", { room: { t: 1 } }), createHash('md5').update('{"t":1}').digest('hex'), "an object's JSON");
  assert.equal(valueOf("crypto(tencent, 'CRC32')", p), null);
  const seeded = () => 0.5;
  assert.equal(valueOf('randint(1, 10)', {}, { random: seeded }), 6);
  assert.equal(valueOf('randint(10, 1)'), null);
  for (let i = 0; i < 50; i++) {
    const r = valueOf('randint(1, 3)') as number;
    assert.ok(Number.isInteger(r) && r >= 1 && r <= 3, String(r));
  }
  assert.match(String(valueOf('newuuid()')), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(valueOf('upper(missing)'), null, 'a function of null is null');
});

test('string results are capped: nested replace cannot multiply a payload past memory', () => {
  const big = 'a'.repeat(1 << 15);
  const nested = `replace(${`replace(`.repeat(5)}s${`, 'a', 'aaaa')`.repeat(5)}, 'a', 'aaaa')`;
  assert.equal(valueOf(nested, { s: big }), null);
  assert.equal(String(valueOf("replace(s, 'a', 'bb')", { s: big })).length, 1 << 16);
  assert.equal(valueOf("replace(s, 'a', 'bb')", { s: 'a'.repeat(MAX_RULE_STRING_LENGTH / 2 + 1) }), null);
  assert.equal(String(valueOf("replace(s, 'a', 'bb')", { s: 'a'.repeat(MAX_RULE_STRING_LENGTH / 2) })).length, MAX_RULE_STRING_LENGTH);
});

test('a hand-built tree deeper than the limit evaluates to null instead of overflowing', () => {
  let expression: RuleExpression = { kind: 'literal', value: true, start: 0, end: 0 };
  for (let i = 0; i < 100_000; i++) expression = { kind: 'not', operand: expression, start: 0, end: 0 };
  assert.equal(evaluateRuleExpression(expression, contextOf({})), null);
  assert.ok(MAX_RULE_EVALUATION_DEPTH < 100_000);
});
