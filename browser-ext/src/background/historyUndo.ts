// Clear with undo: what Clear removes from storage.local is kept in storage.session (memory only, never on disk)
// for CLEAR_UNDO_MS, so "Cleared 12 requests — Undo" can put back exactly what was there.
import type { ClearedHistory, HistoryEntry } from '../protocol.js';
import type { StorageArea } from '../shared/StorageArea.js';
import type { HistoryStore } from './historyStore.js';

export const CLEAR_UNDO_MS = 10_000;
// The popup hides Undo at undoUntil; a click in its last moment still arrives a little later.
export const LATE_CLICK_MS = 1_000;
const CLEARED = 'clearedHistory';

interface KeptClear {
  readonly token: string;
  readonly undoUntil: number;
  readonly entries: readonly HistoryEntry[];
}

/** The clock Clear's undo window is read on: the browser's, or a test's. */
export interface UndoClock {
  now(): number;
  later(ms: number, task: () => void): void;
}
const browserClock: UndoClock = { now: () => Date.now(), later: (ms, task) => void setTimeout(task, ms) };

/** Clear and Undo over `history`, the copy for Undo kept in `session` (the service worker gives it storage.session). */
export function createHistoryUndo(session: StorageArea, history: Pick<HistoryStore, 'clearHistory' | 'restoreHistory'>, clock: UndoClock = browserClock) {
  const keptClear = async () => (await session.get(CLEARED)) as KeptClear | undefined;

  async function forget(token: string): Promise<void> {
    if ((await keptClear())?.token === token) await session.remove(CLEARED);
  }

  return {
    async clearHistoryWithUndo(): Promise<ClearedHistory> {
      const token = crypto.randomUUID();
      const undoUntil = clock.now() + CLEAR_UNDO_MS;
      const entries = await history.clearHistory(async (entries) => {
        try {
          await session.set(CLEARED, { token, undoUntil, entries } satisfies KeptClear);
        } catch (error) {
          throw new Error(`history: nothing was cleared, as no copy could be kept for Undo (${error instanceof Error ? error.message : String(error)})`, {
            cause: error,
          });
        }
      });
      // Past the undo window the copy goes; storage.session is emptied with the browser anyway, if the worker sleeps first.
      clock.later(CLEAR_UNDO_MS + LATE_CLICK_MS, () => void forget(token));
      return { count: entries.length, token, undoUntil };
    },

    async undoClearHistory(token: string): Promise<{ restored: number }> {
      const kept = await keptClear();
      if (!kept || kept.token !== token) throw new Error('undo: this Clear can no longer be undone (it was undone already, or a later Clear replaced it)');
      await session.remove(CLEARED);
      if (clock.now() > kept.undoUntil + LATE_CLICK_MS) throw new Error(`undo: the ${CLEAR_UNDO_MS / 1000} seconds to undo this Clear have passed`);
      await history.restoreHistory(kept.entries);
      return { restored: kept.entries.length };
    },
  };
}
