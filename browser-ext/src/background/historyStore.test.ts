import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HistoryEntry } from '../protocol.js';
import { sampleHistoryEntry } from './sampleHistoryEntry.js';
import { memoryStorageArea } from '../shared/memoryStorageArea.js';
import { createHistoryStore, HISTORY_LIMIT } from './historyStore.js';

const entry = sampleHistoryEntry;
const ids = (entries: readonly HistoryEntry[]) => entries.map((e) => e.id);

test('sends recorded at the same time are all kept, newest first, up to the limit', async () => {
  const store = createHistoryStore(memoryStorageArea());
  // Handlers run concurrently: without the write queue, each read-modify-write would drop the others' entries.
  await Promise.all(Array.from({ length: 30 }, (_, i) => store.addHistoryEntry(entry(`e${i}`))));
  const page = await store.listHistory('');
  assert.equal(page.total, 30);
  assert.deepEqual(
    ids(page.entries),
    Array.from({ length: 30 }, (_, i) => `e${29 - i}`),
  );
  for (let i = 30; i < HISTORY_LIMIT + 5; i++) await store.addHistoryEntry(entry(`e${i}`));
  const full = await store.listHistory('');
  assert.equal(full.total, HISTORY_LIMIT);
  assert.equal(full.entries[0]?.id, `e${HISTORY_LIMIT + 4}`);
});

test('a search says how many entries there are in all, and a missing entry is named', async () => {
  const store = createHistoryStore(memoryStorageArea());
  await store.addHistoryEntry(entry('a', 'DescribeDevice'));
  await store.addHistoryEntry(entry('b', 'CreateDevice'));
  const page = await store.listHistory('createdevice');
  assert.deepEqual(ids(page.entries), ['b']);
  assert.equal(page.total, 2, 'no match is not empty');
  assert.equal((await store.historyEntry('a')).action, 'DescribeDevice');
  await assert.rejects(store.historyEntry('gone'), /history: no entry gone; it may have been cleared/);
});

test('Clear removes nothing when no copy could be kept, and restore puts entries below newer ones', async () => {
  const local = memoryStorageArea();
  const store = createHistoryStore(local);
  await store.addHistoryEntry(entry('old1'));
  await store.addHistoryEntry(entry('old2'));
  await assert.rejects(
    store.clearHistory(async () => {
      throw new Error('no room');
    }),
    /no room/,
  );
  assert.equal((await store.listHistory('')).total, 2, 'still there');
  let kept: readonly HistoryEntry[] = [];
  const cleared = await store.clearHistory(async (entries) => void (kept = entries));
  assert.deepEqual(ids(cleared), ['old2', 'old1']);
  assert.deepEqual(ids(kept), ['old2', 'old1']);
  assert.deepEqual(local.keys(), [], 'storage holds no history after Clear');
  await store.addHistoryEntry(entry('new'));
  assert.equal(await store.restoreHistory(cleared), 3);
  assert.deepEqual(ids((await store.listHistory('')).entries), ['new', 'old2', 'old1']);
});
