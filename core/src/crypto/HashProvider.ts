/** Digest algorithms the signing schemes of the supported clouds need. */
export type HashAlgorithm = 'md5' | 'sha1' | 'sha256';

/**
 * The only crypto the core uses. Pure JS by default (@noble/hashes), so it runs unchanged in Node,
 * webviews and MV3 service workers; Node hosts inject node:crypto for speed (see core/cli/src/nodeHashProvider.ts).
 * Synchronous on purpose: WebCrypto's HMAC is async-only, and step-by-step signing must stay a chain of pure functions.
 */
export interface HashProvider {
  /** Name shown in benchmarks and diagnostics, e.g. "@noble/hashes" or "node:crypto". */
  readonly name: string;
  hash(algorithm: HashAlgorithm, data: Uint8Array): Uint8Array;
  hmac(algorithm: HashAlgorithm, key: Uint8Array, data: Uint8Array): Uint8Array;
}
