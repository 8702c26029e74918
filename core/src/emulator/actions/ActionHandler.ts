import type { EmulatorState } from '../EmulatorState.js';
import { apiError, type ApiError } from '../EmulatorHttp.js';
import type { BrokerEffect } from '../../mqtt/BrokerEffect.js';

/** What an action handler may use besides the state: the clock and randomness, injected so tests pin them. */
export interface ActionEnvironment {
  /** Milliseconds since the Unix epoch. */
  readonly nowMs: number;
  readonly randomBytes: (length: number) => Uint8Array;
  /** What the action asks the broker's host to do (deliver a message, push a delta); the host carries these out. */
  readonly effects: BrokerEffect[];
  /** How long PublishRRPCMessage waits for the device's reply, in milliseconds. */
  readonly rrpcTimeoutMs: number;
}

export type ActionOutcome =
  { readonly ok: true; readonly response: Record<string, unknown>; readonly changed: boolean } | { readonly ok: false; readonly error: ApiError };

/**
 * One API action over the state. Parameters arrive already checked against the catalog (required, unknown,
 * types, documented patterns and ranges); a handler applies the action's own rules and error codes. It checks
 * everything before it changes anything, so a refused request leaves the state as it was.
 */
export type ActionHandler = (state: EmulatorState, params: Readonly<Record<string, unknown>>, env: ActionEnvironment) => ActionOutcome;

export const done = (response: Record<string, unknown> = {}, changed = false): ActionOutcome => ({ ok: true, response, changed });
export const fail = (code: string, message: string): ActionOutcome => ({ ok: false, error: apiError(code, message) });

/** Reads a parameter the catalog already typed: strings as strings, integers as numbers. */
export const str = (params: Readonly<Record<string, unknown>>, name: string): string | undefined =>
  typeof params[name] === 'string' ? (params[name] as string) : undefined;
export const int = (params: Readonly<Record<string, unknown>>, name: string): number | undefined =>
  typeof params[name] === 'number' ? (params[name] as number) : undefined;
export const seconds = (env: ActionEnvironment): number => Math.floor(env.nowMs / 1000);

/** Offset/Limit paging as DescribeDevices and DescribeProducts document it. */
export function page<T>(items: readonly T[], params: Readonly<Record<string, unknown>>): T[] {
  const offset = int(params, 'Offset') ?? 0;
  const limit = int(params, 'Limit') ?? 10;
  return items.slice(offset, offset + limit);
}
