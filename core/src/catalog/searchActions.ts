import { listActions, type ActionEntry } from './catalog.js';
import type { ActionSpec, ServiceCatalog } from './types.js';

// What a search box matches an action on: its name, both titles, its group in both languages and its service, so
// "firmware", "固件", "ota" and "iotexplorer control" all find something. Built once per service (the catalog is
// immutable data), lower-cased, so a keystroke's search is one `includes` per word per action.
const haystacks = new WeakMap<ServiceCatalog, readonly string[]>();

const haystackOf = (service: ServiceCatalog, action: ActionSpec) =>
  [action.name, action.title, action.en, action.category?.en, action.category?.zh, action.group, service.service]
    .filter((part): part is string => typeof part === 'string')
    .join(' ')
    .toLowerCase();

function haystacksOf(service: ServiceCatalog): readonly string[] {
  let found = haystacks.get(service);
  if (!found) {
    found = service.actions.map((action) => haystackOf(service, action));
    haystacks.set(service, found);
  }
  return found;
}

/**
 * The actions whose name, titles, group or service contain every word of `query` (case-insensitive), in catalog
 * order, at most `limit`; `service` narrows the search. An empty query lists the first `limit` actions.
 */
export function searchActions(query: string, options: { readonly service?: string; readonly limit?: number } = {}): ActionEntry[] {
  const words = (typeof query === 'string' ? query : '').toLowerCase().split(/\s+/).filter(Boolean);
  const limit = options.limit ?? 60;
  const matches: ActionEntry[] = [];
  const entries = listActions(options.service);
  let index = 0;
  let current: ServiceCatalog | undefined;
  let texts: readonly string[] = [];
  for (const entry of entries) {
    if (entry.service !== current) {
      current = entry.service;
      texts = haystacksOf(current);
      index = 0;
    }
    const text = texts[index++]!;
    if (words.every((w) => text.includes(w))) matches.push(entry);
    if (matches.length >= limit) break;
  }
  return matches;
}
