import type { HashProvider } from '../../crypto/HashProvider.js';
import { toHex, utf8Encode } from '../../encoding/bytes.js';

/** Lowercase(HexEncode(SHA256(payload))); GET requests always hash the empty string. */
export function hashRequestPayload(method: string, body: string | Uint8Array, crypto: HashProvider): string {
  const bytes = method.toUpperCase() === 'GET' ? new Uint8Array(0) : typeof body === 'string' ? utf8Encode(body) : body;
  return toHex(crypto.hash('sha256', bytes));
}
