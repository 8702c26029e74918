// The protocol's history: what a sent call leaves (secrets redacted), a search's page, and an undoable Clear.
import type { HistoryKeyParam } from '@iot-devkit/core';
import type { RequestSpec, ResponseView, WireRequest } from './requests.js';

export interface HistoryEntry {
  readonly id: string;
  /** Milliseconds since the epoch. */
  readonly sentAt: number;
  readonly profileId: string;
  readonly profileName: string;
  /** The unsigned request: replays sign it again. */
  readonly request: RequestSpec;
  /** Action name (X-TC-Action) for lists and search. */
  readonly action: string;
  readonly wire: WireRequest;
  readonly response?: ResponseView;
  /** A network failure (refused connection, blocked host), when no response came. */
  readonly failure?: string;
  /** The entry this one replayed. */
  readonly replayOf?: string;
  /**
   * Secrets of the request dropped before the entry was stored (DefinedPsk; a raw request's api-key or Bearer
   * header): a replay needs them typed again. The signature headers of API 3.0 calls are not listed: replays re-sign.
   */
  readonly redacted?: readonly string[];
  /** Secret fields dropped from the response before it was stored (DevicePsk of CreateDevice, an access_token). */
  readonly responseRedacted?: readonly string[];
  /** What tells this call from the next (ProductId, DeviceName …): added by listHistory, not stored. */
  readonly keyParams?: readonly HistoryKeyParam[];
}

/** A history search's answer: the matching entries, and how many there are in all ("no match" is not "empty"). */
export interface HistoryPage {
  readonly entries: readonly HistoryEntry[];
  readonly total: number;
}

/** What Clear removed, kept in session memory until `undoUntil` (ms since the epoch) so it can be put back. */
export interface ClearedHistory {
  readonly count: number;
  /** Names this Clear for undoClearHistory: an Undo offered for an earlier Clear restores nothing else. */
  readonly token: string;
  readonly undoUntil: number;
}
