// The protocol's profiles: a Tencent Cloud account as the developer sets it up (its SecretKey never part of it),
// where its key lives, the first-run offer, and the drafts pages keep while the popup is closed.
import type { LocalizedText } from '@iot-devkit/core';

/** First run: "Use the local emulator" when it answers on its default port, else one line on what to do. */
export type FirstRunOffer =
  { readonly kind: 'offerEmulator'; readonly label: LocalizedText; readonly detail: LocalizedText } | { readonly kind: 'hint'; readonly text: LocalizedText };

/** A Tencent Cloud account as the developer set it up. The SecretKey is never part of it. */
export interface ProfileInput {
  /** Absent when creating. */
  readonly id?: string;
  readonly name: string;
  readonly secretId: string;
  readonly region: string;
  /** Endpoint override such as http://127.0.0.1:9180/ (a local emulator); empty for the public domains. */
  readonly endpoint: string;
  /** A new SecretKey; empty keeps the one already held. */
  readonly secretKey: string;
  /** Keep the key across browser restarts, encrypted with `passphrase`. */
  readonly remember: boolean;
  readonly passphrase: string;
}

/** Where a profile's SecretKey lives now: nowhere, in session memory, or only encrypted (locked until unlocked). */
export type KeyState = 'missing' | 'session' | 'locked';

export interface ProfileView {
  readonly id: string;
  readonly name: string;
  readonly secretId: string;
  readonly region: string;
  readonly endpoint: string;
  readonly keyState: KeyState;
  /** True when an encrypted copy is stored (the "remember" choice). */
  readonly remembered: boolean;
  /** First 4 characters + ****, when the key is unlocked. */
  readonly maskedKey: string;
}

/** Everything typed in a page, kept while the popup is closed. Secret fields are kept in session memory only. */
export interface Draft {
  readonly fields: Readonly<Record<string, string | boolean>>;
  readonly secretFields: Readonly<Record<string, string>>;
}
