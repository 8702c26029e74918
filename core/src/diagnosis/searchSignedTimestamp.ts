import type { KeyedHmac } from '../crypto/HashProvider.js';
import { utf8Encode } from '../encoding/bytes.js';

/** How the signed timestamp was written: whole seconds, milliseconds, or seconds with a fraction ("1796150316.482"). */
export type SignedTimestampForm = 'seconds' | 'milliseconds' | 'fractional';

export interface SignedTimestamp {
  /** The text that was signed. */
  readonly signed: string;
  /** The same instant in whole seconds (the fraction dropped). */
  readonly seconds: number;
  readonly form: SignedTimestampForm;
}

/**
 * A signing whose only unknown is the timestamp: the signed text is `before + timestamp + after` (TC3's string to
 * sign; v1's whole sign string) under one key, so each try is one HMAC over a short string.
 */
export interface TimestampSearch {
  readonly mac: KeyedHmac;
  readonly before: string;
  readonly after: string;
  /** The signature the request carries, as bytes. */
  readonly target: Uint8Array;
  /** The timestamp sent, in whole seconds: the search starts there and goes outward. */
  readonly sent: number;
  /** Inclusive bounds of the seconds searched. */
  readonly from: number;
  readonly to: number;
}

/** The seconds tried first, one by one outward from the sent time, before milliseconds and fractions. */
const NEAR_SECONDS = 60;

/**
 * Signed texts with a preallocated buffer per length: the prefix and suffix bytes stay, only the digits are written
 * (timestamps are ASCII), so a try allocates nothing and encodes nothing.
 */
class SignedText {
  private readonly buffers = new Map<number, Uint8Array>();
  private readonly before: Uint8Array;
  private readonly after: Uint8Array;

  constructor(before: string, after: string) {
    this.before = utf8Encode(before);
    this.after = utf8Encode(after);
  }

  with(timestamp: string): Uint8Array {
    let buffer = this.buffers.get(timestamp.length);
    if (!buffer) {
      buffer = new Uint8Array(this.before.length + timestamp.length + this.after.length);
      buffer.set(this.before, 0);
      buffer.set(this.after, this.before.length + timestamp.length);
      this.buffers.set(timestamp.length, buffer);
    }
    for (let i = 0; i < timestamp.length; i++) buffer[this.before.length + i] = timestamp.charCodeAt(i);
    return buffer;
  }
}

const equalBytes = (a: Uint8Array, b: Uint8Array) => {
  if (a.length !== b.length || a[0] !== b[0]) return false;
  for (let i = 1; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** Every text a second can have been signed as with a fraction: "S.fff", and as JavaScript prints S + fff/1000 ("S.48"). */
function* fractionsOf(second: number): Generator<string> {
  for (let ms = 0; ms < 1000; ms++) {
    const fixed = `${second}.${String(ms).padStart(3, '0')}`;
    yield fixed;
    const trimmed = fixed.replace(/\.?0+$/, '');
    if (trimmed !== fixed) yield trimmed;
  }
}

/** The same instant signed in milliseconds (Date.now()) or as seconds with a fraction: the sent second and its neighbours. */
function* subSecondTries(sent: number): Generator<SignedTimestamp> {
  for (const s of [sent, sent - 1, sent + 1]) {
    if (s < 0) continue;
    for (let ms = 0; ms < 1000; ms++) yield { signed: String(s * 1000 + ms), seconds: s, form: 'milliseconds' };
    for (const signed of fractionsOf(s)) yield { signed, seconds: s, form: 'fractional' };
  }
}

/**
 * Finds the timestamp a signature was made with, when everything else about the signing is known: at most
 * (to - from + 1) + 3 × 2000 HMACs, stopping at the first that reproduces the signature. The order: the sent second
 * outward (near first), then the same instant in ms and fractions, then the rest of the range. The whole seconds are
 * tried in a plain loop, not through a generator's objects: they are all but 6000 of the tries.
 */
export function searchSignedTimestamp(search: TimestampSearch): { found?: SignedTimestamp; tried: number } {
  const { sent, from, to } = search;
  const text = new SignedText(search.before, search.after);
  let tried = 0;
  const matches = (signed: string) => {
    tried++;
    return equalBytes(search.mac.mac(text.with(signed)), search.target);
  };
  const inRange = (s: number) => s >= from && s <= to && s >= 0;
  const secondMatches = (s: number) => inRange(s) && matches(String(s));
  const seconds = (s: number): { found: SignedTimestamp; tried: number } => ({ found: { signed: String(s), seconds: s, form: 'seconds' }, tried });
  if (secondMatches(sent)) return seconds(sent);
  for (let d = 1; d <= NEAR_SECONDS; d++) {
    if (secondMatches(sent - d)) return seconds(sent - d);
    if (secondMatches(sent + d)) return seconds(sent + d);
  }
  for (const attempt of subSecondTries(sent)) if (matches(attempt.signed)) return { found: attempt, tried };
  for (let d = NEAR_SECONDS + 1; sent - d >= from || sent + d <= to; d++) {
    if (secondMatches(sent - d)) return seconds(sent - d);
    if (secondMatches(sent + d)) return seconds(sent + d);
  }
  return { tried };
}
