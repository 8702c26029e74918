/**
 * The v1 requests already answered, so that a byte-identical resend is refused: the seed document's v1 common
 * parameters say "Nonce 随机正整数，与 Timestamp 联合起来，用于防止重放攻击". How the cloud answers a replay it does
 * not document (no error code names it), so the refusal and its code are the emulator's choice.
 *
 * Keyed by SecretId, Timestamp, Nonce and Signature together: the official Node SDK draws Nonce from 0–65535
 * (abstract_client.js: Math.round(Math.random() * 65535)), so two different requests of one busy second can share
 * a Nonce by chance; their signatures differ, a replay's does not.
 * TC3-HMAC-SHA256 has no Nonce, and the doc gives it only the 5-minute Timestamp window: two identical calls in
 * one second (a double-clicked Send, a poll) carry the same signature legitimately, so TC3 is not checked here.
 *
 * Memory is bounded: an entry is kept only while its Timestamp could still pass the 5-minute skew check (after
 * that the request is refused as SignatureExpire anyway), and at most `capacity` entries are kept; past that the
 * oldest go first, which only reopens a replay of a request that old while the window is still flooded.
 */
export class SeenSignatures {
  /** key → the last second (Unix) at which the key's Timestamp still passes the skew check. */
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly windowSeconds: number,
    private readonly capacity = 10_000,
  ) {}

  /** Records the request; false when the same one was recorded before and its Timestamp still passes the skew check. */
  firstUse(key: string, timestamp: number, nowSeconds: number): boolean {
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry >= nowSeconds) return false;
    if (this.expiries.size >= this.capacity) this.prune(nowSeconds);
    this.expiries.set(key, timestamp + this.windowSeconds);
    return true;
  }

  get size(): number {
    return this.expiries.size;
  }

  /** Drops expired entries; if the window is still full, the oldest tenth, so the next prune is far away. */
  private prune(nowSeconds: number): void {
    for (const [key, expiry] of this.expiries) if (expiry < nowSeconds) this.expiries.delete(key);
    if (this.expiries.size < this.capacity) return;
    let excess = this.expiries.size - Math.floor(this.capacity * 0.9);
    for (const key of this.expiries.keys()) {
      if (excess-- <= 0) break;
      this.expiries.delete(key);
    }
  }
}
