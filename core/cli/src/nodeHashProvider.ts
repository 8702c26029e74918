import { createHash, createHmac } from 'node:crypto';
import type { HashAlgorithm, HashProvider } from '@iot-devkit/core';

/** node:crypto behind the core's HashProvider: the CLI and the VS Code extension host inject it for speed. */
export const nodeHashProvider: HashProvider = {
  name: 'node:crypto',
  hash: (algorithm: HashAlgorithm, data: Uint8Array) => new Uint8Array(createHash(algorithm).update(data).digest().buffer),
  hmac: (algorithm: HashAlgorithm, key: Uint8Array, data: Uint8Array) => {
    const digest = createHmac(algorithm, key).update(data).digest();
    return new Uint8Array(digest.buffer, digest.byteOffset, digest.length);
  },
};
