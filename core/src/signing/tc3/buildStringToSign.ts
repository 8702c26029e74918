import type { HashProvider } from '../../crypto/HashProvider.js';
import { toHex } from '../../encoding/bytes.js';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

export function hashCanonicalRequest(canonicalRequest: string, crypto: HashProvider): string {
  return toHex(crypto.hash('sha256', canonicalRequest));
}

/** Algorithm \n RequestTimestamp \n CredentialScope \n HashedCanonicalRequest */
export function buildStringToSign(timestamp: number, credentialScope: string, hashedCanonicalRequest: string): string {
  return `${TC3_ALGORITHM}\n${timestamp}\n${credentialScope}\n${hashedCanonicalRequest}`;
}
