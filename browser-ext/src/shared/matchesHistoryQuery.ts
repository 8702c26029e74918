import type { HistoryEntry } from '../protocol.js';

/**
 * History search: every word of the query must appear (case-insensitively) in the entry's action, profile,
 * URL, error code, RequestId or request body, so "shadow 127.0.0.1" narrows as a developer expects.
 */
export function matchesHistoryQuery(entry: HistoryEntry, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    entry.action,
    entry.profileName,
    entry.wire.url,
    entry.wire.body,
    entry.response?.error?.code ?? '',
    entry.response?.requestId ?? '',
    entry.failure ?? '',
    String(entry.response?.status ?? ''),
  ]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}
