import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRuleSql } from './checkRuleSql.js';
import type { RuleExpression, RuleSqlTree } from './RuleSqlTree.js';

function treeOf(sql: string): RuleSqlTree {
  const checked = checkRuleSql(sql);
  assert.ok(checked.ok, checked.ok ? sql : checked.error.message);
  return checked.tree;
}
const whereOf = (condition: string) => treeOf(`SELECT * FROM 'P1/+/event' WHERE ${condition}`).where!;
/** The tree without positions, to compare shapes. */
const shape = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'start' || key === 'end' ? undefined : v)));

test('the SELECT list: *, aliases with and without AS, and the key each item gets in the output', () => {
  const tree = treeOf("SELECT *, a.b.c, temperature AS t, 温度 wendu, deviceName(), `my field`, b[0], 1 + 2 FROM 'P1/dev1/data/#'");
  assert.equal(tree.from, 'P1/dev1/data/#');
  assert.equal(tree.where, undefined);
  assert.deepEqual(
    tree.select.map((item) => (item.kind === 'all' ? '*' : item.key)),
    ['*', 'c', 't', 'wendu', 'deviceName()', 'my field', 'b[0]', '1 + 2'],
  );
  const aliased = tree.select[2]!;
  assert.ok(aliased.kind === 'expression');
  assert.equal(aliased.alias, 't');
  assert.deepEqual(shape(aliased.expression), { kind: 'field', name: 'temperature' });
});

test('nested fields and indexes are one access node with its steps', () => {
  assert.deepEqual(shape(whereOf('a.b[0].c IS NULL')), {
    kind: 'is',
    operand: {
      kind: 'access',
      object: { kind: 'field', name: 'a' },
      steps: [
        { kind: 'key', name: 'b' },
        { kind: 'index', index: { kind: 'literal', value: 0 } },
        { kind: 'key', name: 'c' },
      ],
    },
    test: 'NULL',
    negated: false,
  });
});

test('precedence: OR below AND below NOT below comparison below + - below * / %; chains are one node', () => {
  assert.deepEqual(shape(whereOf('a = 1 OR b < 2 AND NOT c')), {
    kind: 'or',
    operands: [
      { kind: 'compare', operator: '=', left: { kind: 'field', name: 'a' }, right: { kind: 'literal', value: 1 } },
      {
        kind: 'and',
        operands: [
          { kind: 'compare', operator: '<', left: { kind: 'field', name: 'b' }, right: { kind: 'literal', value: 2 } },
          { kind: 'not', operand: { kind: 'field', name: 'c' } },
        ],
      },
    ],
  });
  const sum = whereOf('1 + 2 * x - 3 % 2 >= 0') as Extract<RuleExpression, { kind: 'compare' }>;
  assert.equal(sum.operator, '>=');
  assert.deepEqual(shape(sum.left), {
    kind: 'arithmetic',
    first: { kind: 'literal', value: 1 },
    rest: [
      {
        operator: '+',
        operand: { kind: 'arithmetic', first: { kind: 'literal', value: 2 }, rest: [{ operator: '*', operand: { kind: 'field', name: 'x' } }] },
      },
      {
        operator: '-',
        operand: { kind: 'arithmetic', first: { kind: 'literal', value: 3 }, rest: [{ operator: '%', operand: { kind: 'literal', value: 2 } }] },
      },
    ],
  });
  // 5,000 additions (16 KB, the longest SQL read) are one node with 4,999 steps, not a tower for the evaluator to recurse down.
  const long = whereOf(Array.from({ length: 5000 }, () => '1').join('+') + ' > 0') as Extract<RuleExpression, { kind: 'compare' }>;
  assert.ok(long.left.kind === 'arithmetic');
  assert.equal(long.left.rest.length, 4999);
});

test('the doc spellings of one test read as one operator; literals read as their values; signed numbers are constants', () => {
  for (const [written, operator] of [
    ['==', '='],
    ['=', '='],
    ['!=', '<>'],
    ['<>', '<>'],
    ['<=', '<='],
  ] as const) {
    const node = whereOf(`a ${written} 1`);
    assert.ok(node.kind === 'compare');
    assert.equal(node.operator, operator);
  }
  assert.deepEqual(shape(whereOf('x IN (\'on\', "off", TRUE, null, -1.5e2)')), {
    kind: 'in',
    operand: { kind: 'field', name: 'x' },
    list: [
      { kind: 'literal', value: 'on' },
      { kind: 'literal', value: 'off' },
      { kind: 'literal', value: true },
      { kind: 'literal', value: null },
      { kind: 'literal', value: -150 },
    ],
    negated: false,
  });
  assert.deepEqual(shape(whereOf('-x > 0')), {
    kind: 'compare',
    operator: '>',
    left: { kind: 'unary', operator: '-', operand: { kind: 'field', name: 'x' } },
    right: { kind: 'literal', value: 0 },
  });
  const between = whereOf('t NOT BETWEEN 1 AND 2');
  assert.ok(between.kind === 'between' && between.negated);
  const like = whereOf("name NOT LIKE 'x%'");
  assert.ok(like.kind === 'like' && like.negated);
  const isNot = whereOf('flag IS NOT TRUE');
  assert.ok(isNot.kind === 'is' && isNot.negated && isNot.test === 'TRUE');
});

test('function calls carry the documented name whatever case was written, and their arguments', () => {
  assert.deepEqual(shape(whereOf("DEVICENAME() = 'd' AND Topic(2) = substring(x, 0, 3)")), {
    kind: 'and',
    operands: [
      { kind: 'compare', operator: '=', left: { kind: 'call', name: 'deviceName', args: [] }, right: { kind: 'literal', value: 'd' } },
      {
        kind: 'compare',
        operator: '=',
        left: { kind: 'call', name: 'topic', args: [{ kind: 'literal', value: 2 }] },
        right: {
          kind: 'call',
          name: 'substring',
          args: [
            { kind: 'field', name: 'x' },
            { kind: 'literal', value: 0 },
            { kind: 'literal', value: 3 },
          ],
        },
      },
    ],
  });
});

test('spans point back at the SQL', () => {
  const sql = "SELECT upper(name) AS n FROM 'P1/d/e' WHERE (a + 1) > 2";
  const tree = treeOf(sql);
  const item = tree.select[0]!;
  assert.ok(item.kind === 'expression');
  assert.equal(sql.slice(item.expression.start, item.expression.end), 'upper(name)');
  const where = tree.where!;
  assert.equal(sql.slice(where.start, where.end), '(a + 1) > 2');
});
