import { actionSummary, checkActionParams, describeActionForm, listActions } from '@iot-devkit/core';
import type { ActionSummary } from '../../protocol.js';
import { text, type RequestHandlers } from './RequestHandlers.js';
import { readSendForm } from './readSendForm.js';

const MAX_ACTIONS = 60;

/** Build & send's catalog side: searchable actions, the core's form of an action's parameters, inline checks. */
export function catalogHandlers(): Pick<RequestHandlers, 'searchActions' | 'describeAction' | 'validateParams'> {
  return {
    searchActions({ query }) {
      const words = text(query).toLowerCase().split(/\s+/).filter(Boolean);
      const matches: ActionSummary[] = [];
      for (const entry of listActions()) {
        const { service, action } = entry;
        const haystack = `${action.name} ${action.title ?? ''} ${action.group ?? ''} ${service.service}`.toLowerCase();
        if (words.every((w) => haystack.includes(w))) matches.push(actionSummary(entry));
        if (matches.length >= MAX_ACTIONS) break;
      }
      return matches;
    },
    describeAction({ service, action }) {
      return describeActionForm(text(service), text(action));
    },
    validateParams(form) {
      const reading = readSendForm(form);
      if (!reading.ok) return [{ field: reading.field, message: reading.message }];
      const { service, action, params } = reading.request;
      return checkActionParams(service, action, params).problems.map((p) => ({ field: p.field, message: `${p.message} [${p.code}]` }));
    },
  };
}
