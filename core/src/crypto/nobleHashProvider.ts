import { hmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { keyedHmacKernel } from './keyedHmacKernel.js';
import type { HashAlgorithm, HashProvider, KeyedHmac } from './HashProvider.js';

const hashes = { md5, sha1, sha256, sha384, sha512 } as const;
const encoder = new TextEncoder();
const bytes = (data: Uint8Array | string) => (typeof data === 'string' ? encoder.encode(data) : data);

/** The default provider: audited pure-JS hashes, identical in every host. */
export const nobleHashProvider: HashProvider = {
  name: '@noble/hashes',
  hash: (algorithm: HashAlgorithm, data: Uint8Array | string) => hashes[algorithm](bytes(data)),
  hmac: (algorithm: HashAlgorithm, key: Uint8Array | string, data: Uint8Array | string) => hmac(hashes[algorithm], bytes(key), bytes(data)),
  keyedHmac(algorithm: HashAlgorithm, key: Uint8Array | string, prefix?: Uint8Array): KeyedHmac {
    if (algorithm === 'sha1' || algorithm === 'sha256') return keyedHmacKernel(algorithm, bytes(key), hashes[algorithm], prefix);
    const keyed = hmac.create(hashes[algorithm], bytes(key));
    if (prefix) keyed.update(prefix);
    // One scratch instance, overwritten from the keyed state per message: no allocation per try.
    let scratch: typeof keyed | undefined;
    return {
      mac(data) {
        const fresh = keyed._cloneInto(scratch as never) as typeof keyed;
        scratch = fresh;
        return fresh.update(bytes(data)).digest();
      },
    };
  },
};
