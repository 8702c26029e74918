// Build & send's catalog browsing, loaded on first use (src/host/loadLazy.ts) rather than at activation: the search
// over the core's always-loaded index, the service and group lists (issue 15: browse by service and by group) and an
// action's generated form, which reads that service's full catalog (dist/data/catalog/<file>) the first time. This
// bundle holds its own copy of the core, so it loads a service's catalog for itself; validation and send in
// extension.cjs read theirs when they first check a call of that service.
import { actionSummary, catalogIndex, describeActionForm, listActionGroups, localizeActionForm, localizeActionSummary, searchActions } from '@iot-devkit/core';
import type { RequestHandlers } from '../host/sidebar/RequestHandlers.js';

const MAX_ACTIONS = 60;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Titles and descriptions come in the UI language by the core's rule (Chinese-only text labelled for English readers). */
export function catalogBrowseHandlers(zh: boolean): Pick<RequestHandlers, 'searchActions' | 'actionGroups' | 'describeAction'> {
  const language = zh ? 'zh-CN' : 'en';
  return {
    searchActions({ query, service, group }) {
      // The core's search (names, both titles, groups): an English title finds its action as a Chinese one does, and
      // no service's full catalog is read until an action is opened.
      return searchActions(text(query), { service: text(service), group: text(group), limit: MAX_ACTIONS }).map((entry) =>
        localizeActionSummary(actionSummary(entry), language),
      );
    },
    actionGroups({ service }) {
      return {
        services: catalogIndex().services.map((s) => ({ service: s.service, label: `${s.service} · ${zh ? s.name.zh : s.name.en}` })),
        groups: listActionGroups(text(service) || undefined).map((g) => ({ key: g.key, label: zh ? g.zh : g.en, count: g.actions.length })),
      };
    },
    describeAction({ service, action }) {
      const form = describeActionForm(text(service), text(action));
      return form && localizeActionForm(form, language);
    },
  };
}
