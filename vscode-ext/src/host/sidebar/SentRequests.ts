import type { SentRequest } from '@iot-devkit/core';

/** What Why? needs of a send that the server refused for its signature. */
export interface SentForWhy {
  /** The request exactly as it went on the wire (its Authorization holds a signature, never the key). */
  readonly sent: SentRequest;
  /** The profile that signed it: Why? diagnoses with that profile's key, not whichever is active later. */
  readonly profile: string;
  readonly errorCode: string;
  readonly service: string;
  /** Unix seconds. */
  readonly sentAt: number;
}

/** A few sends are enough: Why? is asked right after the response is shown. */
const KEPT = 10;

/**
 * The requests of the last sends that failed on their signature, in memory only (issue 13: Why? diagnoses the exact
 * request just sent). Nothing here is written anywhere, and the key stays in SecretStorage: Why? fetches it when asked.
 */
export class SentRequests {
  private readonly kept = new Map<string, SentForWhy>();

  keep(historyId: string, sent: SentForWhy): void {
    this.kept.set(historyId, sent);
    while (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value!);
  }

  get(historyId: string): SentForWhy | undefined {
    return this.kept.get(historyId);
  }
}
