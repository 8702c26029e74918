import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HistoryEntry } from '../protocol.js';
import { sampleHistoryEntry } from './sampleHistoryEntry.js';
import { restoreCleared } from './restoreCleared.js';

const entry = sampleHistoryEntry;
const ids = (entries: readonly HistoryEntry[]) => entries.map((e) => e.id);

test('undo puts back exactly what was cleared, in its order', () => {
  const cleared = [entry('c3'), entry('c2'), entry('c1')];
  assert.deepEqual(restoreCleared([], cleared, 200), cleared);
});

test('requests sent since the Clear stay on top (newest first); none is doubled; the cap holds', () => {
  const cleared = [entry('c3'), entry('c2'), entry('c1')];
  assert.deepEqual(ids(restoreCleared([entry('n1')], cleared, 200)), ['n1', 'c3', 'c2', 'c1']);
  assert.deepEqual(ids(restoreCleared([entry('c2')], cleared, 200)), ['c2', 'c3', 'c1']);
  assert.deepEqual(ids(restoreCleared([entry('n2'), entry('n1')], cleared, 3)), ['n2', 'n1', 'c3']);
});
