import type { HashProvider } from '../../crypto/HashProvider.js';
import { toBase64 } from '../../encoding/bytes.js';

export type V1Algorithm = 'HmacSHA1' | 'HmacSHA256';
export const V1_ALGORITHMS: readonly V1Algorithm[] = ['HmacSHA1', 'HmacSHA256'];

/** Base64(HMAC(SecretKey, stringToSign)) */
export function computeV1Signature(algorithm: V1Algorithm, secretKey: string, stringToSign: string, crypto: HashProvider): string {
  const hash = algorithm === 'HmacSHA256' ? 'sha256' : 'sha1';
  return toBase64(crypto.hmac(hash, secretKey, stringToSign));
}
