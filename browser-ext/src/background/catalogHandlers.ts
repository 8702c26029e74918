// The API catalog for pages: the popup's searchable action picker and its generated parameter form (the core's
// action form views). The catalog (≈270 KB of JSON) stays in the service worker's bundle so the popup stays small
// and opens fast.
import { actionSummary, describeActionForm, listActions as catalogActions, localizeActionForm, localizeActionSummary } from '@iot-devkit/core';
import type { ActionSummary, Handlers, UiLanguage } from '../protocol.js';

// The page says its language (it is the one that reads i18n); anything else gets English, the extension's default locale.
const languageOf = (language: unknown): UiLanguage => (language === 'zh-CN' ? 'zh-CN' : 'en');

const summaries = new Map<UiLanguage, ActionSummary[]>();

export const listActions: Handlers['listActions'] = async ({ language }) => {
  const lang = languageOf(language);
  let list = summaries.get(lang);
  if (!list) summaries.set(lang, (list = catalogActions().map((entry) => localizeActionSummary(actionSummary(entry), lang))));
  return list;
};

export const describeAction: Handlers['describeAction'] = async ({ service, action, language }) => {
  const form = describeActionForm(service, action);
  return form ? localizeActionForm(form, languageOf(language)) : null;
};
