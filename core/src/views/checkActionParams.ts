import { findActionEntry } from '../catalog/catalog.js';
import { coerceParams } from '../request/coerceParams.js';
import { validateParams } from '../request/validateParams.js';

/** A parameter the catalog refuses, named by its dotted path (Attribute.Tags.0.Tag). */
export interface ParamProblemView {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export interface CheckedParams {
  /** The values given their documented types ("3" → 3 for an Integer); as given when the action is unknown. */
  readonly params: Record<string, unknown>;
  readonly problems: readonly ParamProblemView[];
  /** The parameters the catalog marks secret (DefinedPsk): never stored, typed again on replay. */
  readonly secretNames: readonly string[];
}

/**
 * An action call checked against the catalog before it is signed, the one path both UIs take: find the action,
 * give values their documented types, then check every rule the document states. Actions the catalog does not
 * know are sent as they are.
 */
export function checkActionParams(service: string | undefined, action: string, params: Readonly<Record<string, unknown>>): CheckedParams {
  const entry = findActionEntry(service || undefined, action);
  if (!entry) return { params: { ...params }, problems: [], secretNames: [] };
  const typed = coerceParams(params, entry.action.params, entry.service.structures);
  const problems = validateParams(typed, entry.action.params, entry.service.structures).map(({ field, code, message }) => ({ field, code, message }));
  return { params: typed, problems, secretNames: entry.action.params.filter((p) => p.secret === true).map((p) => p.name) };
}
