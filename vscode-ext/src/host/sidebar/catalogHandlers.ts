import { actionSummary, checkActionParams, describeActionForm, localizeActionForm, localizeActionSummary, searchActions } from '@iot-devkit/core';
import { text, type RequestHandlers } from './RequestHandlers.js';
import { readSendForm } from './readSendForm.js';

const MAX_ACTIONS = 60;

/**
 * Build & send's catalog side: searchable actions, the core's form of an action's parameters, inline checks. Titles
 * and descriptions come in the UI language by the core's rule (Chinese-only text labelled for English readers).
 */
export function catalogHandlers(zh: boolean): Pick<RequestHandlers, 'searchActions' | 'describeAction' | 'validateParams'> {
  const language = zh ? 'zh-CN' : 'en';
  return {
    searchActions({ query }) {
      // The core's search (names, both titles, groups): an English title finds its action as a Chinese one does.
      return searchActions(text(query), { limit: MAX_ACTIONS }).map((entry) => localizeActionSummary(actionSummary(entry), language));
    },
    describeAction({ service, action }) {
      const form = describeActionForm(text(service), text(action));
      return form && localizeActionForm(form, language);
    },
    validateParams(form) {
      const reading = readSendForm(form);
      if (!reading.ok) return [{ field: reading.field, message: reading.message }];
      const { service, action, params } = reading.request;
      return checkActionParams(service, action, params).problems.map((p) => ({
        field: p.field,
        message: `${p.message} [${p.code}]`,
        ...(p.code === 'MissingParameter' ? { missing: true as const } : {}),
      }));
    },
  };
}
