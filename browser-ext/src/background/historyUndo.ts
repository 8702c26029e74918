// Clear with undo: what Clear removes from storage.local is kept in storage.session (memory only, never on disk)
// for CLEAR_UNDO_MS, so "Cleared 12 requests — Undo" can put back exactly what was there.
import { sessionArea } from '../browserApi.js';
import type { ClearedHistory, HistoryEntry } from '../protocol.js';
import { clearHistory, restoreHistory } from './historyStore.js';

export const CLEAR_UNDO_MS = 10_000;
// The popup hides Undo at undoUntil; a click in its last moment still arrives a little later.
const LATE_CLICK_MS = 1_000;
const CLEARED = 'clearedHistory';

interface KeptClear {
  readonly token: string;
  readonly undoUntil: number;
  readonly entries: readonly HistoryEntry[];
}

async function keptClear(): Promise<KeptClear | undefined> {
  return (await sessionArea.get(CLEARED))[CLEARED] as KeptClear | undefined;
}

export async function clearHistoryWithUndo(): Promise<ClearedHistory> {
  const token = crypto.randomUUID();
  const undoUntil = Date.now() + CLEAR_UNDO_MS;
  const entries = await clearHistory(async (entries) => {
    try {
      await sessionArea.set({ [CLEARED]: { token, undoUntil, entries } satisfies KeptClear });
    } catch (error) {
      throw new Error(`history: nothing was cleared, as no copy could be kept for Undo (${error instanceof Error ? error.message : String(error)})`, {
        cause: error,
      });
    }
  });
  // Past the undo window the copy goes; storage.session is emptied with the browser anyway, if the worker sleeps first.
  setTimeout(() => void forget(token), CLEAR_UNDO_MS + LATE_CLICK_MS);
  return { count: entries.length, token, undoUntil };
}

async function forget(token: string): Promise<void> {
  if ((await keptClear())?.token === token) await sessionArea.remove(CLEARED);
}

export async function undoClearHistory(token: string): Promise<{ restored: number }> {
  const kept = await keptClear();
  if (!kept || kept.token !== token) throw new Error('undo: this Clear can no longer be undone (it was undone already, or a later Clear replaced it)');
  await sessionArea.remove(CLEARED);
  if (Date.now() > kept.undoUntil + LATE_CLICK_MS) throw new Error(`undo: the ${CLEAR_UNDO_MS / 1000} seconds to undo this Clear have passed`);
  await restoreHistory(kept.entries);
  return { restored: kept.entries.length };
}
