import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SeenSignatures } from './seenSignatures.js';

test('a request is refused the second time only while its Timestamp is inside the window', () => {
  const seen = new SeenSignatures(300);
  assert.equal(seen.firstUse('a', 1000, 1000), true);
  assert.equal(seen.firstUse('a', 1000, 1200), false, 'a replay 200 s later');
  assert.equal(seen.firstUse('b', 1000, 1200), true, 'another request of the same second');
  // Past Timestamp + 300 s the skew check refuses it anyway; the entry may go.
  assert.equal(seen.firstUse('a', 1000, 1301), true);
});

test('memory stays bounded under a flood; expired entries go first, then the oldest', () => {
  const seen = new SeenSignatures(300, 1000);
  for (let i = 0; i < 5000; i++) seen.firstUse(`k${i}`, 1000, 1000);
  assert.ok(seen.size <= 1000, `${seen.size} entries kept`);
  assert.equal(seen.firstUse('k4999', 1000, 1000), false, 'the newest are still remembered');
  for (let i = 0; i < 999; i++) seen.firstUse(`late${i}`, 2000, 2000);
  assert.ok(seen.size <= 1000);
  assert.equal(seen.firstUse('late0', 2000, 2000), false);
});
