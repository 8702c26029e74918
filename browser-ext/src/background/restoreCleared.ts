import type { HistoryEntry } from '../protocol.js';

/**
 * History after Clear's undo: what was cleared comes back exactly, in its order, below anything sent since the
 * Clear (history is newest first); an entry already there is not doubled, and the cap still holds.
 */
export function restoreCleared(current: readonly HistoryEntry[], cleared: readonly HistoryEntry[], limit: number): HistoryEntry[] {
  const present = new Set(current.map((entry) => entry.id));
  return [...current, ...cleared.filter((entry) => !present.has(entry.id))].slice(0, limit);
}
