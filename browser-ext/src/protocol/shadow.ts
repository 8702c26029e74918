// The protocol's device shadows: which shadow, as read, and what an update answers (a conflict with the latest).
import type { ApiErrorView } from './requests.js';
import type { HistoryEntry } from './history.js';

export interface ShadowTarget {
  readonly profileId: string;
  readonly productId: string;
  readonly deviceName: string;
}

export interface ShadowRead {
  /** The shadow payload as JSON text ({"state":…,"metadata":…,"version":…}). */
  readonly documentText: string;
  readonly version: number;
  readonly desiredText: string;
  readonly entry: HistoryEntry;
}

export type ShadowUpdateOutcome =
  | { readonly status: 'updated'; readonly shadow: ShadowRead; readonly entry: HistoryEntry }
  /** UpdateVersionNotMatch: someone changed the shadow since it was read; `latest` is the shadow now. */
  | { readonly status: 'conflict'; readonly latest: ShadowRead; readonly entry: HistoryEntry }
  | { readonly status: 'failed'; readonly error: ApiErrorView; readonly entry?: HistoryEntry };
