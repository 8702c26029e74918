import type { HashProvider } from '../../crypto/HashProvider.js';
import { toBase64, utf8Encode } from '../../encoding/bytes.js';

export type OneNetMethod = 'md5' | 'sha1' | 'sha256';
export const ONENET_METHODS: readonly OneNetMethod[] = ['md5', 'sha1', 'sha256'];
export const ONENET_TOKEN_VERSION = '2018-10-31';

export const buildOneNetStringToSign = (et: number | string, method: string, res: string, version: string = ONENET_TOKEN_VERSION): string =>
  `${et}\n${method}\n${res}\n${version}`;

/** base64(HMAC-<method>(decoded key, string to sign)) */
export function computeOneNetSign(method: OneNetMethod, keyBytes: Uint8Array, stringToSign: string, crypto: HashProvider): string {
  return toBase64(crypto.hmac(method, keyBytes, utf8Encode(stringToSign)));
}

export const isOneNetMethod = (value: unknown): value is OneNetMethod => ONENET_METHODS.includes(value as OneNetMethod);
/** base64 length of each HMAC: 16, 20 and 32 bytes. */
export const ONENET_SIGN_LENGTH: Record<OneNetMethod, number> = { md5: 24, sha1: 28, sha256: 44 };
