import type { HashAlgorithm, HashProvider } from './HashProvider.js';

/** What of node:crypto a HashProvider needs, typed structurally so the core imports nothing of Node. */
export interface NodeCryptoLike {
  createHash(algorithm: string): { update(data: Uint8Array | string): { digest(): Uint8Array } };
  createHmac(algorithm: string, key: Uint8Array | string): { update(data: Uint8Array | string): { digest(): Uint8Array } };
}

/**
 * node:crypto behind the core's HashProvider, written once for every Node host (the CLI and the emulator's host,
 * the VS Code extension host): each passes its own `import * as crypto from 'node:crypto'`. A Buffer is a
 * Uint8Array, so digests are returned as they are, without a copy.
 */
export function nodeCryptoHashProvider(crypto: NodeCryptoLike): HashProvider {
  return {
    name: 'node:crypto',
    hash: (algorithm: HashAlgorithm, data: Uint8Array | string) => crypto.createHash(algorithm).update(data).digest(),
    hmac: (algorithm: HashAlgorithm, key: Uint8Array | string, data: Uint8Array | string) => crypto.createHmac(algorithm, key).update(data).digest(),
  };
}
