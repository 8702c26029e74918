// Browsing by group (issue 15): the seed's "…相关接口" headings where a seed speaks, else the resource noun of the
// action's name (each action's `category` says which, core/scripts/catalog/actionCategories.mjs). The CLI's
// `catalog --service S`, the VS Code sidebar's group filter and the browser popup's group filter all list groups
// from here, read from the always-loaded index.
import { listIndexedActions, type IndexedAction } from './catalog.js';
import type { ActionIndexEntry } from './catalogIndex.js';

export interface ActionGroup {
  /** What a filter selects by: the category's English (`Thing model and device data`), else the seed's heading. */
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly actions: readonly IndexedAction[];
}

// Actions with neither a category nor a heading (none today) still land in one group rather than vanishing.
const UNGROUPED = { zh: '其他接口', en: 'Other actions' };

/** The key an action is grouped by. */
export const groupKeyOf = (action: ActionIndexEntry): string => action.category?.en ?? action.group ?? UNGROUPED.en;

/** The groups of one service (or of every service, each group then mixing services), in the order they first appear. */
export function listActionGroups(service?: string): ActionGroup[] {
  const groups = new Map<string, { zh: string; en: string; actions: IndexedAction[] }>();
  for (const entry of listIndexedActions(service)) {
    const key = groupKeyOf(entry.action);
    let group = groups.get(key);
    if (!group) {
      const { category, group: heading } = entry.action;
      group = { zh: category?.zh ?? heading ?? UNGROUPED.zh, en: category?.en ?? heading ?? UNGROUPED.en, actions: [] };
      groups.set(key, group);
    }
    group.actions.push(entry);
  }
  return [...groups].map(([key, group]) => ({ key, ...group }));
}
