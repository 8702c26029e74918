// The hash and HMAC interface core signs with, and its pure-JS and node:crypto providers. Part of @iot-devkit/core's
// public surface (core/src/index.ts).
export type { HashAlgorithm, HashProvider } from './HashProvider.js';
export { nobleHashProvider } from './nobleHashProvider.js';
export { nodeCryptoHashProvider, type NodeCryptoLike } from './nodeCryptoHashProvider.js';
