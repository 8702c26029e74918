// The requests of the last sends the server refused for their signature, for Why?. In the worker's memory only: the
// wire request holds no key (its Authorization is a signature), but history keeps it redacted by the secret policy,
// and a redacted body would no longer be the body sent, so Why? could not diagnose it from there.
import type { SentRequest } from '@iot-devkit/core';

export interface SentForWhy {
  readonly sent: SentRequest;
  /** The profile that signed it: Why? diagnoses with its key. */
  readonly profileId: string;
  readonly errorCode: string;
  readonly service?: string;
  /** Unix seconds. */
  readonly sentAt: number;
}

/** Why? is asked right after the answer is shown: a few are enough. */
const KEPT = 10;
const kept = new Map<string, SentForWhy>();

export function keepSentForWhy(historyId: string, sent: SentForWhy): void {
  kept.set(historyId, sent);
  while (kept.size > KEPT) kept.delete(kept.keys().next().value!);
}

export const sentForWhy = (historyId: string): SentForWhy | undefined => kept.get(historyId);
