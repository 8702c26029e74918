/** Digest algorithms the signing schemes of the supported clouds need, and the rule engine's crypto() (sha384, sha512). */
export type HashAlgorithm = 'md5' | 'sha1' | 'sha256' | 'sha384' | 'sha512';

/**
 * The only crypto the core uses. Pure JS by default (@noble/hashes), so it runs unchanged in Node,
 * webviews and MV3 service workers; Node hosts inject node:crypto for speed (nodeCryptoHashProvider).
 * Synchronous on purpose: WebCrypto's HMAC is async-only, and step-by-step signing must stay a chain of pure functions.
 */
export interface HashProvider {
  /** Name shown in benchmarks and diagnostics, e.g. "@noble/hashes" or "node:crypto". */
  readonly name: string;
  /** Strings are hashed as UTF-8; accepting them lets a native provider skip a JS-side encode on the hot path. */
  hash(algorithm: HashAlgorithm, data: Uint8Array | string): Uint8Array;
  hmac(algorithm: HashAlgorithm, key: Uint8Array | string, data: Uint8Array | string): Uint8Array;
  /**
   * An HMAC with its key fixed: the key's inner and outer pads are hashed once and the two hash states copied for
   * each message. A search that signs 250 000 short strings with one key (the diagnosis's timestamp search) then
   * pays one compression less per pad and no key setup per try.
   */
  keyedHmac(algorithm: HashAlgorithm, key: Uint8Array | string, prefix?: Uint8Array): KeyedHmac;
}

/**
 * HMAC under one fixed key over prefix + each message (the prefix hashed once: a v1 sign string up to its
 * Timestamp); mac() may be called any number of times and equals HashProvider.hmac(key, prefix + data).
 */
export interface KeyedHmac {
  mac(data: Uint8Array | string): Uint8Array;
}
