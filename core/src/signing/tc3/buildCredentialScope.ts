import { SigningInputError } from '../SigningInputError.js';

/**
 * The latest X-TC-Timestamp a credential date can be written for: 9999-12-31T23:59:59Z. The scope's Date is
 * YYYY-MM-DD, and past Date's own range (8.64e15 ms) toISOString throws a RangeError instead of naming the field.
 */
export const MAX_TC3_TIMESTAMP = 253_402_300_799;

/** Refuses a timestamp that is not whole Unix seconds within the four-digit years, naming the field. */
export function checkTc3Timestamp(timestamp: unknown, field = 'timestamp'): number {
  if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp) || timestamp < 0)
    throw new SigningInputError(field, `a non-negative integer number of Unix seconds, got ${JSON.stringify(timestamp) ?? String(timestamp)}`);
  if (timestamp > MAX_TC3_TIMESTAMP)
    throw new SigningInputError(
      field,
      `Unix seconds up to ${MAX_TC3_TIMESTAMP} (9999-12-31T23:59:59Z); ${timestamp} is past that${timestamp >= 1e11 ? ' (milliseconds instead of seconds?)' : ''}`,
    );
  return timestamp;
}

/** The UTC date of a Unix timestamp, YYYY-MM-DD. Never local time: see the doc's "fails only after midnight in UTC+8" note. */
export function utcDateOf(timestamp: number): string {
  const date = new Date(timestamp * 1000);
  // Any whole second Date can hold (diagnosis walks the days around a timestamp, before 1970 too); past that a field-named error, not a RangeError.
  if (!Number.isSafeInteger(timestamp) || Number.isNaN(date.getTime()))
    throw new SigningInputError('timestamp', `whole Unix seconds within the range of a date (up to ${MAX_TC3_TIMESTAMP}), got ${timestamp}`);
  return date.toISOString().slice(0, 10);
}

/** Date/service/tc3_request */
export function buildCredentialScope(date: string, service: string): string {
  return `${date}/${service}/tc3_request`;
}
