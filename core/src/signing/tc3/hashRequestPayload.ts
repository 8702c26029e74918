import type { HashProvider } from '../../crypto/HashProvider.js';
import { toHex } from '../../encoding/bytes.js';

/** Lowercase(HexEncode(SHA256(payload))); GET requests always hash the empty string. */
export function hashRequestPayload(method: string, body: string | Uint8Array, crypto: HashProvider): string {
  return toHex(crypto.hash('sha256', method.toUpperCase() === 'GET' ? '' : body));
}
