// How a history entry is summed up in both UIs (issue 16: "rows all look alike"): its key parameters and its
// outcome. The parameters a developer tells calls apart by are the device's (ProductId, DeviceName: seed 001,
// nearly every iotcloud action); other actions show their first two plain parameters. Secrets never show.
import { isSecretField, REDACTED } from './secretPolicy.js';

/** Parameters that identify what a call is about, in the order shown, when the call has them. */
export const IDENTIFYING_PARAMS = ['ProductId', 'DeviceName', 'RuleName', 'Topic', 'ProductName'] as const;

/** A long value is cut here, with "…": a row stays one line at 200 px. */
const VALUE_CHARS = 32;

export interface HistoryKeyParam {
  readonly name: string;
  readonly value: string;
}

export type HistoryOutcomeKind = 'ok' | 'apiError' | 'httpError' | 'noResponse';

export interface HistoryOutcomeView {
  readonly kind: HistoryOutcomeKind;
  /** "OK", the API error code, "HTTP 502", or "No response" (the UI localizes the last). */
  readonly label: string;
}

const shown = (value: unknown): string | undefined => {
  if (typeof value === 'string')
    return value === '' || value === REDACTED ? undefined : value.length > VALUE_CHARS ? `${value.slice(0, VALUE_CHARS - 1)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
};

/** Up to two parameters that say what the call was about: identifying ones first, else the first plain ones. */
export function historyKeyParams(params: Readonly<Record<string, unknown>> | undefined, limit = 2): HistoryKeyParam[] {
  if (params === null || typeof params !== 'object') return [];
  const picked: HistoryKeyParam[] = [];
  const take = (name: string) => {
    if (picked.length >= limit || picked.some((p) => p.name === name) || isSecretField(name)) return;
    const value = shown(params[name]);
    if (value !== undefined) picked.push({ name, value });
  };
  for (const name of IDENTIFYING_PARAMS) if (Object.hasOwn(params, name)) take(name);
  for (const name of Object.keys(params)) take(name);
  return picked;
}

/** The outcome of a call as a row shows it: the API's error code first (API 3.0 answers errors with HTTP 200). */
export function historyOutcome(outcome: { readonly status?: number; readonly errorCode?: string }): HistoryOutcomeView {
  if (outcome.errorCode) return { kind: 'apiError', label: outcome.errorCode };
  if (outcome.status === undefined || outcome.status === 0) return { kind: 'noResponse', label: 'No response' };
  if (outcome.status >= 200 && outcome.status < 300) return { kind: 'ok', label: 'OK' };
  return { kind: 'httpError', label: `HTTP ${outcome.status}` };
}
