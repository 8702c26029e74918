import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleHistoryEntry } from './sampleHistoryEntry.js';
import { memoryStorageArea } from '../shared/memoryStorageArea.js';
import type { StorageArea } from '../shared/StorageArea.js';
import { createHistoryStore } from './historyStore.js';
import { CLEAR_UNDO_MS, createHistoryUndo, LATE_CLICK_MS } from './historyUndo.js';

const entry = sampleHistoryEntry;

/** A clock the test moves by hand; tasks set for later run when the test says. */
function testClock() {
  let now = 1_700_000_000_000;
  const tasks: { at: number; task: () => void }[] = [];
  return {
    now: () => now,
    later: (ms: number, task: () => void) => void tasks.push({ at: now + ms, task }),
    advance(ms: number) {
      now += ms;
      for (const t of tasks.filter((t) => t.at <= now)) t.task();
    },
  };
}

async function setUp(session: StorageArea = memoryStorageArea()) {
  const local = memoryStorageArea();
  const history = createHistoryStore(local);
  const clock = testClock();
  const undo = createHistoryUndo(session, history, clock);
  for (const id of ['a', 'b', 'c']) await history.addHistoryEntry(entry(id));
  return { history, clock, undo, local, session };
}

test('Undo within the window puts back exactly what Clear removed, once', async () => {
  const { history, clock, undo, local } = await setUp();
  const cleared = await undo.clearHistoryWithUndo();
  assert.equal(cleared.count, 3);
  assert.equal(cleared.undoUntil, clock.now() + CLEAR_UNDO_MS);
  assert.deepEqual(local.keys(), [], 'the disk copy is gone at once');
  await history.addHistoryEntry(entry('sent-after'));
  clock.advance(CLEAR_UNDO_MS);
  assert.deepEqual(await undo.undoClearHistory(cleared.token), { restored: 3 });
  assert.deepEqual(
    (await history.listHistory('')).entries.map((e) => e.id),
    ['sent-after', 'c', 'b', 'a'],
  );
  await assert.rejects(undo.undoClearHistory(cleared.token), /can no longer be undone/);
});

test("an earlier Clear's Undo restores nothing once a later Clear replaced it", async () => {
  const { history, undo } = await setUp();
  const first = await undo.clearHistoryWithUndo();
  await history.addHistoryEntry(entry('d'));
  const second = await undo.clearHistoryWithUndo();
  await assert.rejects(undo.undoClearHistory(first.token), /a later Clear replaced it/);
  assert.deepEqual(await undo.undoClearHistory(second.token), { restored: 1 });
});

test('past the window (and a late click) Undo is refused, and the kept copy is forgotten', async () => {
  const { undo, clock, session } = await setUp();
  const late = await undo.clearHistoryWithUndo();
  clock.now = (
    (now) => () =>
      now + CLEAR_UNDO_MS + LATE_CLICK_MS + 1
  )(clock.now());
  await assert.rejects(undo.undoClearHistory(late.token), /the 10 seconds to undo this Clear have passed/);

  const { undo: undo2, clock: clock2, session: session2 } = await setUp();
  const kept = await undo2.clearHistoryWithUndo();
  assert.ok(await session2.get('clearedHistory'), 'kept in session memory during the window');
  clock2.advance(CLEAR_UNDO_MS + LATE_CLICK_MS);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(await session2.get('clearedHistory'), undefined, 'forgotten after the window');
  await assert.rejects(undo2.undoClearHistory(kept.token), /can no longer be undone/);
  assert.equal(await session.get('clearedHistory'), undefined, 'the refused Undo dropped its copy too');
});

test('when session memory refuses the copy, nothing is cleared', async () => {
  const full: StorageArea = {
    ...memoryStorageArea(),
    set: async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    },
  };
  const { history, undo } = await setUp(full);
  await assert.rejects(undo.clearHistoryWithUndo(), /nothing was cleared, as no copy could be kept for Undo \(QUOTA_BYTES quota exceeded\)/);
  assert.equal((await history.listHistory('')).total, 3);
});
