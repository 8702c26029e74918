import type { HashProvider } from '../../crypto/HashProvider.js';
import { fromBase64, utf8Encode } from '../../encoding/bytes.js';
import type { V1Algorithm } from '../../signing/v1/computeV1Signature.js';
import { searchSignedTimestamp } from '../searchSignedTimestamp.js';
import { signedTimestampDetail } from '../signedTimestampDetail.js';
import type { V1Variant } from './V1Candidate.js';

const DAY = 86400;

/**
 * The Timestamp a v1 sign string carried when it is not the one sent. The sign string is the method, host, path and
 * sorted parameters, Timestamp among them: everything before its value is hashed once (the key's pads and the
 * prefix's whole blocks), so each second of the Timestamp's UTC day and of the days either side costs one HMAC
 * over the rest.
 */
export function findV1SignedTimestamp(
  stringToSign: string,
  timestampText: string,
  sent: number,
  algorithm: V1Algorithm,
  secretKey: string,
  received: string,
  crypto: HashProvider,
  radius?: number,
): { variant?: V1Variant; tried: number } {
  const at = [`?Timestamp=${timestampText}`, `&Timestamp=${timestampText}`]
    .map((m) => stringToSign.indexOf(m))
    .find((i) => i >= 0 && (stringToSign.length === i + 11 + timestampText.length || stringToSign[i + 11 + timestampText.length] === '&'));
  const target = fromBase64(received);
  if (at === undefined || !target) return { tried: 0 };
  const before = stringToSign.slice(0, at + 11);
  const after = stringToSign.slice(at + 11 + timestampText.length);
  const dayStart = sent - (sent % DAY);
  const { found, tried } = searchSignedTimestamp({
    mac: crypto.keyedHmac(algorithm === 'HmacSHA256' ? 'sha256' : 'sha1', secretKey, utf8Encode(before)),
    before: '',
    after,
    target,
    sent,
    from: radius === undefined ? dayStart - DAY : sent - radius,
    to: radius === undefined ? dayStart + 2 * DAY - 1 : sent + radius,
  });
  if (!found) return { tried };
  return {
    variant: { stringToSign: before + found.signed + after, algorithm, secretKey, detail: signedTimestampDetail('Timestamp', timestampText, sent, found) },
    tried,
  };
}
