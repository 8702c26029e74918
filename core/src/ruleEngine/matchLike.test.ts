import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchLike } from './matchLike.js';

test('% matches any run including none, _ exactly one character, the rest itself', () => {
  const table: [string, string, boolean][] = [
    ['kitchen', 'kitchen', true],
    ['kitchen', 'Kitchen', false],
    ['kitchen', 'kit%', true],
    ['kit', 'kit%', true],
    ['kitchen', '%chen', true],
    ['kitchen', '%tch%', true],
    ['kitchen', '%x%', false],
    ['kitchen', 'k_tchen', true],
    ['kitchen', 'k_chen', false],
    ['', '%', true],
    ['', '_', false],
    ['a', '', false],
    ['room1-kitchen', 'room_-%', true],
    ['abcabc', '%b_a%', true],
    ['aXbXc', 'a%b%c', true],
    ['acb', 'a%b%c', false],
    ['温度计', '温_计', true],
    ['ab', '%a%b%', true],
    ['ab', '%b%a%', false],
    ['abab', 'a%ab', true],
  ];
  for (const [value, pattern, expected] of table) assert.equal(matchLike(value, pattern), expected, `${value} LIKE ${pattern}`);
});

test('pieces with _ searched past the budget answer unknown instead of stalling', () => {
  const value = 'a'.repeat(200_000);
  assert.equal(matchLike(value, `%${'a'.repeat(100)}_b%`, 1_000_000), null);
  assert.equal(matchLike(value, `%${'a'.repeat(100)}b%`), false, 'a piece without _ goes through indexOf, no budget needed');
  assert.equal(matchLike(value, '%a_a%'), true);
});
