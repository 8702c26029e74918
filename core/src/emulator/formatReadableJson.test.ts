import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDemoState } from './demoState.js';
import { formatReadableJson } from './formatReadableJson.js';

test('within its indented levels it writes exactly what JSON.stringify(value, null, 2) writes', () => {
  const values: unknown[] = [
    { a: 1, b: [1, 'two', null, { c: true }], d: {}, e: [], f: undefined, g: 'é\u2028"' },
    [undefined, () => 1, { x: undefined }],
    'text',
    42,
    null,
    { shadows: [...createDemoState(1_700_000_000_000).shadows.values()] },
  ];
  for (const value of values) assert.equal(formatReadableJson(value, 12), JSON.stringify(value, null, 2));
});

test('below them a deep value stays on one line, so the text grows with its size, not size × depth', () => {
  let value: unknown = Array.from({ length: 3000 }, () => 1);
  for (let i = 0; i < 61; i++) value = [value];
  const compact = JSON.stringify(value).length;
  const indented = JSON.stringify(value, null, 2).length;
  const readable = formatReadableJson({ a: value }, 8).length;
  assert.ok(indented > 60 * compact, `fully indented: ${indented} for ${compact}`);
  assert.ok(readable < compact + 200, `readable: ${readable} for ${compact}`);
  assert.deepEqual(JSON.parse(formatReadableJson({ a: value }, 8)), { a: value });
});
