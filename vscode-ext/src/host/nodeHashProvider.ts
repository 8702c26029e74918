import * as crypto from 'node:crypto';
import { nodeCryptoHashProvider } from '@iot-devkit/core';

/** node:crypto behind the core's HashProvider (the core's nodeCryptoHashProvider); the extension host runs on Node. */
export const nodeHashProvider = nodeCryptoHashProvider(crypto);
