import type { HashProvider } from '../crypto/HashProvider.js';

/** What one rule evaluation reads besides the SQL: the message and where it came from. */
export interface RuleContext {
  /** The payload read as JSON; undefined when it is not JSON (its fields are then all missing). */
  readonly payload: unknown;
  /** The payload as published (UTF-8 text), for payloadLen(), to_hex() and bin_to_dec(). */
  readonly rawPayload: string;
  readonly topic: string;
  readonly productId: string;
  readonly deviceName: string;
  /** When the message arrived, in milliseconds; timestamp() gives it in seconds, as the doc says. */
  readonly timestamp: number;
  /** The message's id for requestId(); a random UUID when the host gives none. */
  readonly requestId?: string;
  /** randint() and newuuid() draw from this, [0, 1); Math.random when absent. Tests pass a seeded one. */
  readonly random?: () => number;
  /** crypto()'s digests; the core's default provider when absent (node:crypto in Node hosts that swap it in). */
  readonly crypto?: HashProvider;
}
