// The API catalog for pages: the popup's searchable action picker and its generated parameter form. The catalog
// (≈270 KB of JSON) stays in the service worker's bundle so the popup stays small and opens fast.
import { coerceParams, findActionEntry, listActions as catalogActions, validateParams, type ActionSpec } from '@iot-devkit/core';
import type { ActionForm, ActionSummary, Handlers, ParamProblemView } from '../protocol.js';
import { isDestructiveAction } from '../shared/isDestructiveAction.js';

let summaries: ActionSummary[] | undefined;

export const listActions: Handlers['listActions'] = async () =>
  (summaries ??= catalogActions().map(({ service, action }) => ({
    service: service.service,
    version: service.version,
    name: action.name,
    title: action.title ?? '',
    destructive: isDestructiveAction(action.name),
  })));

function toForm(service: string, version: string, action: ActionSpec): ActionForm {
  return {
    service,
    version,
    name: action.name,
    title: action.title ?? '',
    destructive: isDestructiveAction(action.name),
    description: action.description,
    params: action.params.map((p) => ({
      name: p.name,
      type: p.type,
      baseType: p.baseType,
      array: p.array,
      structure: p.structure !== undefined,
      required: p.required,
      description: p.description,
      ...(p.example !== undefined ? { example: p.example } : {}),
      ...(p.enum !== undefined ? { enum: p.enum } : {}),
      ...(p.rule !== undefined ? { rule: p.rule } : {}),
      secret: p.secret === true,
    })),
  };
}

export const describeAction: Handlers['describeAction'] = async ({ service, action }) => {
  const entry = findActionEntry(service || undefined, action);
  return entry ? toForm(entry.service.service, entry.service.version, entry.action) : null;
};

/**
 * An action call checked against the catalog before it is signed: values given their documented types ("3" → 3),
 * then every rule the document states. Actions the catalog does not know are sent as they are.
 */
export function checkActionParams(
  service: string,
  action: string,
  params: Readonly<Record<string, unknown>>,
): { params: Record<string, unknown>; problems: ParamProblemView[]; secretNames: string[] } {
  const entry = findActionEntry(service || undefined, action);
  if (!entry) return { params: { ...params }, problems: [], secretNames: [] };
  const typed = coerceParams(params, entry.action.params, entry.service.structures);
  const problems = validateParams(typed, entry.action.params, entry.service.structures).map(({ field, code, message }) => ({ field, code, message }));
  return { params: typed, problems, secretNames: entry.action.params.filter((p) => p.secret === true).map((p) => p.name) };
}
