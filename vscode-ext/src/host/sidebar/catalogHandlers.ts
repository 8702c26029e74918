import { findActionEntry, listActions, validateParams } from '@iot-devkit/core';
import type { ActionSummary } from '../../protocol.js';
import { text, type RequestHandlers } from './RequestHandlers.js';
import { readSendForm } from './readSendForm.js';

const MAX_ACTIONS = 60;
const SCALARS = new Set(['String', 'Integer', 'Int64', 'UInt64', 'Float', 'Boolean', 'Timestamp']);

/** Build & send's catalog side: searchable actions, the form generated from an action's parameters, inline checks. */
export function catalogHandlers(): Pick<RequestHandlers, 'searchActions' | 'describeAction' | 'validateParams'> {
  return {
    searchActions({ query }) {
      const words = text(query).toLowerCase().split(/\s+/).filter(Boolean);
      const matches: ActionSummary[] = [];
      for (const { service, action } of listActions()) {
        const haystack = `${action.name} ${action.title ?? ''} ${action.group ?? ''} ${service.service}`.toLowerCase();
        if (words.every((w) => haystack.includes(w)))
          matches.push({ service: service.service, version: service.version, action: action.name, title: action.title ?? '' });
        if (matches.length >= MAX_ACTIONS) break;
      }
      return matches;
    },
    describeAction({ service, action }) {
      const entry = findActionEntry(text(service) || undefined, text(action));
      if (!entry) return undefined;
      return {
        action: { service: entry.service.service, version: entry.service.version, action: entry.action.name, title: entry.action.title ?? '' },
        fields: entry.action.params.map((p) => ({
          name: p.name,
          type: p.type,
          required: p.required,
          structured: p.array || p.structure !== undefined || !SCALARS.has(p.baseType),
          description: p.description,
          secret: p.secret === true,
          ...(p.example !== undefined ? { example: p.example } : {}),
        })),
      };
    },
    validateParams(form) {
      const reading = readSendForm(form);
      if (!reading.ok) return [{ field: reading.field, message: reading.message }];
      const entry = findActionEntry(reading.request.service, reading.request.action);
      if (!entry) return [];
      return validateParams(reading.request.params, entry.action.params, entry.service.structures).map((p) => ({
        field: p.field,
        message: `${p.message} [${p.code}]`,
      }));
    },
  };
}
