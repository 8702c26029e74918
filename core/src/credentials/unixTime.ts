import { SigningInputError } from '../signing/SigningInputError.js';

/** 2001-09-09: anything smaller is almost certainly a lifetime in seconds, not a Unix time. */
const MIN_UNIX_SECONDS = 1_000_000_000;
/** Year 5138: anything larger is almost certainly milliseconds (Date.now()) instead of seconds. */
const MAX_UNIX_SECONDS = 100_000_000_000;

export const isoOfUnix = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/** Checks an expiry given as a Unix time in seconds, with a hint for the two usual unit mistakes. */
export function checkUnixSeconds(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new SigningInputError(field, `a Unix time in whole seconds, got ${JSON.stringify(value)}`);
  if (value >= MAX_UNIX_SECONDS)
    throw new SigningInputError(field, `a Unix time in seconds; ${value} looks like milliseconds (use Math.floor(Date.now() / 1000))`);
  if (value < MIN_UNIX_SECONDS)
    throw new SigningInputError(
      field,
      `a Unix time in seconds (such as ${MIN_UNIX_SECONDS + 700_000_000}); ${value} looks like a lifetime, not a point in time`,
    );
  return value;
}

/** Refuses an expiry that is already past: the server would reject the credential on the first use. */
export function checkNotPast(expiry: number, now: number, field: string): void {
  if (expiry <= now)
    throw new SigningInputError(
      field,
      `a time after now (${isoOfUnix(now)}); ${expiry} = ${isoOfUnix(expiry)} is already past, so the credential would be refused as expired`,
    );
}
