// Sent requests, newest first, in storage.local. Entries hold the unsigned request (replays sign it afresh), the
// wire form and the response, each through the core's redactForStorage first (sendAndRecord): no key, signature,
// token or PSK is on disk.
import type { HistoryEntry, HistoryPage } from '../protocol.js';
import { matchesHistoryQuery } from '../shared/matchesHistoryQuery.js';
import { serialQueue } from '../shared/serialQueue.js';
import type { StorageArea } from '../shared/StorageArea.js';
import { restoreCleared } from './restoreCleared.js';

const HISTORY = 'history';
export const HISTORY_LIMIT = 200;

export type HistoryStore = ReturnType<typeof createHistoryStore>;

/** History kept in `local` (the service worker gives it storage.local). */
export function createHistoryStore(local: StorageArea) {
  const serially = serialQueue();

  async function readHistory(): Promise<HistoryEntry[]> {
    const stored = await local.get(HISTORY);
    return Array.isArray(stored) ? (stored as HistoryEntry[]) : [];
  }

  return {
    addHistoryEntry: (entry: HistoryEntry): Promise<HistoryEntry> =>
      serially(async () => {
        await local.set(HISTORY, [entry, ...(await readHistory())].slice(0, HISTORY_LIMIT));
        return entry;
      }),

    async listHistory(query: string): Promise<HistoryPage> {
      const all = await readHistory();
      return { entries: all.filter((entry) => matchesHistoryQuery(entry, query)), total: all.length };
    },

    async historyEntry(id: string): Promise<HistoryEntry> {
      const entry = (await readHistory()).find((e) => e.id === id);
      if (!entry) throw new Error(`history: no entry ${id}; it may have been cleared`);
      return entry;
    },

    /**
     * Removes every entry once `keepCopy` has kept them (for Clear's undo); if it cannot, nothing is removed. Returns
     * what was removed, newest first.
     */
    clearHistory: (keepCopy: (entries: readonly HistoryEntry[]) => Promise<void>): Promise<HistoryEntry[]> =>
      serially(async () => {
        const entries = await readHistory();
        await keepCopy(entries);
        await local.remove(HISTORY);
        return entries;
      }),

    /** Puts cleared entries back below any sent since the Clear; returns how many entries history holds now. */
    restoreHistory: (cleared: readonly HistoryEntry[]): Promise<number> =>
      serially(async () => {
        const merged = restoreCleared(await readHistory(), cleared, HISTORY_LIMIT);
        await local.set(HISTORY, merged);
        return merged.length;
      }),
  };
}
