import type { HashProvider } from '../../crypto/HashProvider.js';
import { nobleHashProvider } from '../../crypto/nobleHashProvider.js';
import { SigningInputError } from '../../signing/SigningInputError.js';
import type { SigningStep } from '../../signing/SigningStep.js';
import { decodeBase64Key } from '../decodeBase64Key.js';
import { checkNotPast, checkUnixSeconds } from '../unixTime.js';
import { buildOneNetStringToSign, computeOneNetSign, ONENET_METHODS, ONENET_TOKEN_VERSION, type OneNetMethod } from './computeOneNetSign.js';
import { encodeOneNetToken } from './encodeOneNetToken.js';
import { checkOneNetResource } from './oneNetResource.js';
import { ONENET_TOKEN_RULES, ONENET_TOKEN_STEP_IDS, type OneNetTokenStepId } from './oneNetTokenRules.js';
import { requireWellFormedText } from '../../signing/requireWellFormedText.js';

export const ONENET_KEY_DOC_NOTE = 'the product or device access key as OneNET shows it, base64';

export interface OneNetTokenRequest {
  /** products/{pid} or products/{pid}/devices/{device name}, raw. */
  readonly res: string;
  /** Expiry, Unix seconds. */
  readonly et: number;
  readonly method: OneNetMethod;
  /** The access key, base64 text. */
  readonly key: string;
  /** Seconds since the Unix epoch, to refuse an et already past. */
  readonly now: number;
  readonly allowPastExpiry?: boolean;
}

export interface OneNetToken {
  readonly version: string;
  readonly res: string;
  readonly et: number;
  readonly method: OneNetMethod;
  readonly stringToSign: string;
  /** base64, before URL encoding. */
  readonly sign: string;
  /** The token to send, values URL-encoded. */
  readonly token: string;
  readonly steps: readonly SigningStep<OneNetTokenStepId>[];
}

export function checkOneNetMethod(method: unknown, field = 'method'): OneNetMethod {
  if (ONENET_METHODS.includes(method as OneNetMethod)) return method as OneNetMethod;
  const hint = typeof method === 'string' && ONENET_METHODS.includes(method.toLowerCase() as OneNetMethod) ? ' (lower case)' : '';
  throw new SigningInputError(field, `"md5", "sha1" or "sha256"${hint}, got ${JSON.stringify(method)}`);
}

/** A OneNET security token (version 2018-10-31), every step returned. */
export function signOneNetToken(request: OneNetTokenRequest, options: { crypto?: HashProvider } = {}): OneNetToken {
  const crypto = options.crypto ?? nobleHashProvider;
  const res = requireWellFormedText(checkOneNetResource(request.res), 'res');
  const et = checkUnixSeconds(request.et, 'et');
  const method = checkOneNetMethod(request.method);
  const keyBytes = decodeBase64Key(request.key, 'key', ONENET_KEY_DOC_NOTE);
  const now = checkUnixSeconds(request.now, 'now');
  if (!request.allowPastExpiry) checkNotPast(et, now, 'et');
  const version = ONENET_TOKEN_VERSION;
  const stringToSign = buildOneNetStringToSign(et, method, res, version);
  const sign = computeOneNetSign(method, keyBytes, stringToSign, crypto);
  const token = encodeOneNetToken({ version, res, et, method, sign });
  const values: Record<OneNetTokenStepId, string> = { res, keyBytes: `${keyBytes.length} bytes`, stringToSign, sign, token };
  const steps = ONENET_TOKEN_STEP_IDS.map((id) => ({ id, ...ONENET_TOKEN_RULES[id], value: values[id] }));
  return { version, res, et, method, stringToSign, sign, token, steps };
}
