import type { HashProvider } from '../../crypto/HashProvider.js';
import { toHex } from '../../encoding/bytes.js';

/** HexEncode(HMAC_SHA256(SecretSigning, StringToSign)) */
export function computeSignature(secretSigning: Uint8Array, stringToSign: string, crypto: HashProvider): string {
  return toHex(crypto.hmac('sha256', secretSigning, stringToSign));
}
