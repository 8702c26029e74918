import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffText, makeVisible } from './diffText.js';

test('the first differing character, its line and column, with context', () => {
  const d = diffText(
    'POST\n/\n\ncontent-type:application/json\nx-tc-action:describedevice\n',
    'POST\n/\n\ncontent-type:application/json\nx-tc-action:DescribeDevice\n',
  );
  assert.ok(d);
  assert.equal(d.line, 5);
  assert.equal(d.column, 13);
  assert.equal(d.index, 50);
  assert.equal(d.expected.slice(d.caret, d.caret + 8), 'describe');
  assert.equal(d.got.slice(d.caret, d.caret + 8), 'Describe');
  assert.equal(diffText('same', 'same'), undefined);
});

test('invisible characters are made visible: \\n, \\r, tab, BOM, NBSP, zero-width, trailing spaces', () => {
  assert.equal(makeVisible('a\r\nb\tc'), 'a\\r\\nb\\tc');
  assert.equal(makeVisible('\uFEFF{}'), '<BOM>{}');
  assert.equal(makeVisible('key \nvalue  '), 'key␠\\nvalue␠␠');
  assert.equal(makeVisible('a b'), 'a b', 'an inner space stays a space');
  assert.equal(makeVisible('x\u200By\u00A0'), 'x<U+200B>y<NBSP>');
  const d = diffText('abc', 'abc\n');
  assert.equal(d?.expected, 'abc<end>');
  assert.equal(d?.got, 'abc\\n');
});

test('a cut context does not invent trailing spaces', () => {
  const d = diffText(`${'x'.repeat(30)} y`, `${'x'.repeat(30)} z`);
  assert.ok(d && d.expected.includes('x y') && !d.expected.includes('␠'));
});
