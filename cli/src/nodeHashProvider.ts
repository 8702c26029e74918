import { createHash, createHmac } from 'node:crypto';
import type { HashAlgorithm, HashProvider } from '@iot-devkit/core';

/** node:crypto behind the core's HashProvider: the CLI and the VS Code extension host inject it for speed. */
export const nodeHashProvider: HashProvider = {
  name: 'node:crypto',
  // A Buffer is a Uint8Array: returned as is, no copy.
  hash: (algorithm: HashAlgorithm, data: Uint8Array | string) => createHash(algorithm).update(data).digest(),
  hmac: (algorithm: HashAlgorithm, key: Uint8Array | string, data: Uint8Array | string) => createHmac(algorithm, key).update(data).digest(),
};
