// Sent requests, newest first, in storage.local. Entries hold the unsigned request (replays sign it afresh), the
// wire form and the response, each through the core's redactForStorage first (sendAndRecord): no key, signature,
// token or PSK is on disk.
import { localArea } from '../browserApi.js';
import type { HistoryEntry } from '../protocol.js';
import { matchesHistoryQuery } from '../shared/matchesHistoryQuery.js';

const HISTORY = 'history';
export const HISTORY_LIMIT = 200;

// Handlers run concurrently in the service worker; writes go one after another so none is lost.
let writing: Promise<unknown> = Promise.resolve();
const serially = <T>(task: () => Promise<T>): Promise<T> => {
  const next = writing.then(task, task);
  writing = next.catch(() => undefined);
  return next;
};

async function readHistory(): Promise<HistoryEntry[]> {
  const stored = (await localArea.get(HISTORY))[HISTORY];
  return Array.isArray(stored) ? (stored as HistoryEntry[]) : [];
}

export const addHistoryEntry = (entry: HistoryEntry): Promise<HistoryEntry> =>
  serially(async () => {
    await localArea.set({ [HISTORY]: [entry, ...(await readHistory())].slice(0, HISTORY_LIMIT) });
    return entry;
  });

export async function listHistory(query: string): Promise<HistoryEntry[]> {
  return (await readHistory()).filter((entry) => matchesHistoryQuery(entry, query));
}

export async function historyEntry(id: string): Promise<HistoryEntry> {
  const entry = (await readHistory()).find((e) => e.id === id);
  if (!entry) throw new Error(`history: no entry ${id}; it may have been cleared`);
  return entry;
}

export const clearHistory = (): Promise<void> => serially(() => localArea.remove(HISTORY));
