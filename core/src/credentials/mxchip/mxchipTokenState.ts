import { SigningInputError } from '../../signing/SigningInputError.js';
import { checkUnixSeconds, isoOfUnix } from '../unixTime.js';

/** A cached MXCHIP token: the token response's expires_in plus when it was received. */
export interface MxchipCachedToken {
  readonly accessToken: string;
  /** Unix seconds when the token response arrived. */
  readonly obtainedAt: number;
  /** expires_in from the token response, seconds (604800 = 7 days in the doc's example). */
  readonly expiresIn: number;
}

export interface MxchipTokenState {
  readonly valid: boolean;
  /** Fetch a new token now: expired, or inside the refresh margin. */
  readonly shouldRefresh: boolean;
  readonly expiresAt: number;
  /** Negative once expired. */
  readonly secondsLeft: number;
  readonly summary: string;
}

/**
 * Refresh this long before expiry, so a request sent just before expires_in runs out is not answered 10100.
 * Our choice (the doc says nothing): 5 minutes, or a tenth of a shorter lifetime.
 */
export const defaultRefreshMargin = (expiresIn: number) => Math.min(300, Math.floor(expiresIn / 10));

/** Pure token-cache state: is the token still valid at `now`, and should it be refreshed? */
export function mxchipTokenState(token: MxchipCachedToken, now: number, refreshMargin?: number): MxchipTokenState {
  if (typeof token.accessToken !== 'string' || token.accessToken === '')
    throw new SigningInputError('accessToken', 'the access_token of the token response (it was empty)');
  const obtainedAt = checkUnixSeconds(token.obtainedAt, 'obtainedAt');
  if (typeof token.expiresIn !== 'number' || !Number.isInteger(token.expiresIn) || token.expiresIn <= 0)
    throw new SigningInputError('expiresIn', `expires_in from the token response, a positive number of seconds, got ${JSON.stringify(token.expiresIn)}`);
  checkUnixSeconds(now, 'now');
  const margin = refreshMargin ?? defaultRefreshMargin(token.expiresIn);
  if (!Number.isInteger(margin) || margin < 0)
    throw new SigningInputError('refreshMargin', `a non-negative whole number of seconds, got ${JSON.stringify(margin)}`);
  const expiresAt = obtainedAt + token.expiresIn;
  const secondsLeft = expiresAt - now;
  const valid = secondsLeft > 0;
  const shouldRefresh = secondsLeft <= margin;
  const summary = !valid
    ? `expired at ${isoOfUnix(expiresAt)} (${-secondsLeft} s ago): requests get meta.code 10100; fetch a new token`
    : shouldRefresh
      ? `valid until ${isoOfUnix(expiresAt)}, ${secondsLeft} s left, inside the ${margin} s refresh margin: fetch a new token now`
      : `valid until ${isoOfUnix(expiresAt)}, ${secondsLeft} s left`;
  return { valid, shouldRefresh, expiresAt, secondsLeft, summary };
}
