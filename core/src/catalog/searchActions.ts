import { listIndexedActions, type IndexedAction } from './catalog.js';
import type { ActionIndexEntry, ServiceIndex } from './catalogIndex.js';
import { groupKeyOf } from './actionGroups.js';

// What a search box matches an action on: its name, both titles, its group in both languages and its service, so
// "firmware", "固件", "ota" and "iotexplorer control" all find something. Built once per service from the always-
// loaded index (no service's full catalog is read to search), lower-cased, so a keystroke's search is one
// `includes` per word per action.
const haystacks = new WeakMap<ServiceIndex, readonly string[]>();

const haystackOf = (service: ServiceIndex, action: ActionIndexEntry) =>
  [action.name, action.title, action.en, action.category?.en, action.category?.zh, action.group, service.service]
    .filter((part): part is string => typeof part === 'string')
    .join(' ')
    .toLowerCase();

function haystacksOf(service: ServiceIndex): readonly string[] {
  let found = haystacks.get(service);
  if (!found) {
    found = service.actions.map((action) => haystackOf(service, action));
    haystacks.set(service, found);
  }
  return found;
}

export interface SearchOptions {
  /** One service only (`iotexplorer`). */
  readonly service?: string;
  /** One group only: its key as listActionGroups gives it (the category's English, or the seed's heading). */
  readonly group?: string;
  readonly limit?: number;
}

/**
 * The actions whose name, titles, group or service contain every word of `query` (case-insensitive), in catalog
 * order, at most `limit`; `service` and `group` narrow the search. An empty query lists the first `limit` actions.
 */
export function searchActions(query: string, options: SearchOptions = {}): IndexedAction[] {
  const words = (typeof query === 'string' ? query : '').toLowerCase().split(/\s+/).filter(Boolean);
  const limit = options.limit ?? 60;
  const group = typeof options.group === 'string' && options.group !== '' ? options.group.toLowerCase() : undefined;
  const matches: IndexedAction[] = [];
  const entries = listIndexedActions(typeof options.service === 'string' && options.service !== '' ? options.service : undefined);
  let index = 0;
  let current: ServiceIndex | undefined;
  let texts: readonly string[] = [];
  for (const entry of entries) {
    if (entry.service !== current) {
      current = entry.service;
      texts = haystacksOf(current);
      index = 0;
    }
    const text = texts[index++]!;
    if (group !== undefined && groupKeyOf(entry.action).toLowerCase() !== group) continue;
    if (words.every((w) => text.includes(w))) matches.push(entry);
    if (matches.length >= limit) break;
  }
  return matches;
}
