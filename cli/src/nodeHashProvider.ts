import * as crypto from 'node:crypto';
import { nodeCryptoHashProvider } from '@iot-devkit/core';

/** node:crypto behind the core's HashProvider (the core's nodeCryptoHashProvider): the CLI and the emulator inject it for speed. */
export const nodeHashProvider = nodeCryptoHashProvider(crypto);
