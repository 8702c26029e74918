import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measureJsonDepth, parseJsonBounded, valueDepthExceeds } from './parseJsonBounded.js';

test('depth counts nesting outside strings only', () => {
  assert.equal(measureJsonDepth('{"a":[1,{"b":"[[[{{"}]}'), 3);
  assert.equal(measureJsonDepth('"\\"[[["'), 0);
  assert.equal(measureJsonDepth('5'), 0);
});

test('a 100,000-deep text is refused by depth, naming the field, without recursing', () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  const result = parseJsonBounded(deep, 'State');
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.problem === 'tooDeep' && result.message.startsWith('State: nested more than 64'));
});

test('length and syntax are named too; good JSON parses', () => {
  const long = parseJsonBounded('"' + 'x'.repeat(20) + '"', 'body', { maxLength: 10 });
  assert.ok(!long.ok && long.problem === 'tooLong' && long.message.includes('at most 10'));
  const bad = parseJsonBounded('{"a":', 'body');
  assert.ok(!bad.ok && bad.problem === 'invalid' && bad.message.startsWith('body: not valid JSON'));
  assert.deepEqual(parseJsonBounded('{"a":[1,2]}', 'body'), { ok: true, value: { a: [1, 2] } });
});

test('valueDepthExceeds walks a parsed value iteratively', () => {
  let value: unknown = 1;
  for (let i = 0; i < 50_000; i++) value = [value];
  assert.equal(valueDepthExceeds(value, 64), true);
  assert.equal(valueDepthExceeds({ a: [{ b: 1 }] }, 3), false);
  assert.equal(valueDepthExceeds({ a: [{ b: 1 }] }, 2), true);
});
