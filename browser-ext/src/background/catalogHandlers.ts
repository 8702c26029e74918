// The API catalog for pages: the popup's searchable action picker and its generated parameter form (the core's
// action form views). The picker lists the core's always-loaded index (names, titles, groups: ~115 KB in the service
// worker's bundle); an action's full service catalog is fetched from the extension's catalog/ folder the first time
// one of its actions is described or signed (./catalogLoader.ts). The popup imports neither, so it stays small.
import {
  actionSummary,
  catalogIndex,
  describeActionForm,
  listActionGroups,
  listIndexedActions,
  loadCatalogOf,
  localizeActionForm,
  localizeActionSummary,
  suggestNearest,
} from '@iot-devkit/core';
import type { ActionBrowse, ActionSummary, Handlers, UiLanguage } from '../protocol.js';

// The page says its language (it is the one that reads i18n); anything else gets English, the extension's default locale.
const languageOf = (language: unknown): UiLanguage => (language === 'zh-CN' ? 'zh-CN' : 'en');

const summaries = new Map<UiLanguage, ActionSummary[]>();

export const listActions: Handlers['listActions'] = async ({ language }) => {
  const lang = languageOf(language);
  let list = summaries.get(lang);
  if (!list) summaries.set(lang, (list = listIndexedActions().map((entry) => localizeActionSummary(actionSummary(entry), lang))));
  return list;
};

export const actionGroups: Handlers['actionGroups'] = async ({ language }): Promise<ActionBrowse> => {
  const zh = languageOf(language) === 'zh-CN';
  const services = catalogIndex().services;
  return {
    services: services.map((s) => ({ service: s.service, label: `${s.service} · ${zh ? s.name.zh : s.name.en}` })),
    groups: services.flatMap((s) =>
      listActionGroups(s.service).map((g) => ({ service: s.service, key: g.key, label: zh ? g.zh : g.en, count: g.actions.length })),
    ),
  };
};

export const describeAction: Handlers['describeAction'] = async ({ service, action, language }) => {
  if (typeof action !== 'string') return null;
  // The async boundary: fetch the service's catalog (once) before the core's synchronous form reads its parameters.
  await loadCatalogOf(typeof service === 'string' ? service : undefined, action);
  const form = describeActionForm(service, action);
  return form ? localizeActionForm(form, languageOf(language)) : null;
};

let actionNames: ReadonlySet<string> | undefined;

/** Did you mean: the catalog's action names (the picker lists no vendor endpoints) nearest to one it lacks. */
export const suggestActions: Handlers['suggestActions'] = async ({ name }) =>
  typeof name === 'string' ? suggestNearest(name, (actionNames ??= new Set(listIndexedActions().map(({ action }) => action.name))), 3) : [];
