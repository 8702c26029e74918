import type { HashProvider } from '../../crypto/HashProvider.js';
import { fromHex } from '../../encoding/bytes.js';
import { TC3_ALGORITHM } from '../../signing/tc3/buildStringToSign.js';
import { searchSignedTimestamp } from '../searchSignedTimestamp.js';
import { signedTimestampDetail } from '../signedTimestampDetail.js';
import type { Tc3Parts, Tc3PartsValues } from './signTc3Parts.js';
import type { Tc3Variant } from './Tc3Candidate.js';

const HOUR = 3600;
// Civil time zones run from UTC−12:00 to UTC+14:00 (IANA tz database: Etc/GMT+12 … Pacific/Kiritimati). A client
// that wrote its local date into the credential scope signed a timestamp whose local date is that date, so the
// signed second lies within [day start − 14 h, day end + 12 h): 50 hours, not the three whole days around it.
const EARLIEST_OFFSET = 14 * HOUR;
const LATEST_OFFSET = 12 * HOUR;

/**
 * The timestamp the string to sign carried, when it is not X-TC-Timestamp (a clock read twice, a retry that
 * refreshed the header, milliseconds or a fraction on one side). When x-tc-timestamp is not a signed header only
 * the string to sign and the final HMAC depend on it, so the signing key and the canonical request's hash are
 * computed once and every second of the credential's UTC day, and of the hours either side that a local date in any
 * time zone can be (combined with any skew between the signed and the sent timestamp), costs one HMAC.
 */
export function findSignedTimestamp(
  base: Tc3Parts,
  baseValues: Tc3PartsValues,
  sentText: string,
  sent: number,
  received: string,
  crypto: HashProvider,
  radius?: number,
): { variant?: Tc3Variant; tried: number } {
  const target = received.length === 64 ? fromHex(received) : undefined;
  const dayStart = Date.parse(`${base.date}T00:00:00Z`) / 1000;
  if (!target || !Number.isFinite(dayStart)) return { tried: 0 };
  const secretSigning = fromHex(baseValues.secretSigning)!;
  const { found, tried } = searchSignedTimestamp({
    mac: crypto.keyedHmac('sha256', secretSigning),
    before: `${TC3_ALGORITHM}\n`,
    after: `\n${baseValues.credentialScope}\n${baseValues.hashedCanonicalRequest}`,
    target,
    sent,
    from: radius === undefined ? dayStart - EARLIEST_OFFSET : sent - radius,
    to: radius === undefined ? dayStart + 24 * HOUR + LATEST_OFFSET - 1 : sent + radius,
  });
  if (!found) return { tried };
  return { variant: { parts: { ...base, timestamp: found.signed }, detail: signedTimestampDetail('X-TC-Timestamp', sentText, sent, found) }, tried };
}
