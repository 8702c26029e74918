// The service worker's cache of TC3 derived keys: one instance, passed to every signing, so that deleting a
// profile (or replacing its key) can forget that key's entries. Keyed by a fingerprint, never the key (core).
import { SigningKeyCache } from '@iot-devkit/core';

export const signingKeys = new SigningKeyCache();
