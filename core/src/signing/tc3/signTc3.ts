import type { HashProvider } from '../../crypto/HashProvider.js';
import { nobleHashProvider } from '../../crypto/nobleHashProvider.js';
import { parseRequestUrl } from '../requestUrl.js';
import { SigningInputError } from '../SigningInputError.js';
import type { SigningStep } from '../SigningStep.js';
import { buildAuthorization } from './buildAuthorization.js';
import { buildCanonicalHeaders, DEFAULT_SIGNED_HEADERS, findHeader } from './buildCanonicalHeaders.js';
import { buildCanonicalRequest } from './buildCanonicalRequest.js';
import { buildCredentialScope, checkTc3Timestamp, utcDateOf } from './buildCredentialScope.js';
import { buildStringToSign, hashCanonicalRequest } from './buildStringToSign.js';
import { computeSignature } from './computeSignature.js';
import { SigningKeyCache } from './deriveSigningKey.js';
import { hashRequestPayload } from './hashRequestPayload.js';
import { serviceFromHost } from './serviceFromHost.js';
import { TC3_RULES, TC3_STEP_IDS, type Tc3StepId } from './tc3Rules.js';
import { requireWellFormedText } from '../requireWellFormedText.js';

export interface Tc3Request {
  readonly method: string;
  /** Absolute URL; for GET it carries the (already encoded) query string, which is signed as is. */
  readonly url: string;
  /** Headers as they will be sent. Host is taken from the URL (with its port, if any) when absent. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, signed byte for byte. Ignored for GET. */
  readonly body?: string | Uint8Array;
  /** Unix seconds; the credential date is its UTC date. */
  readonly timestamp: number;
  readonly secretId: string;
  readonly secretKey: string;
  /** Temporary credentials' token, sent as X-TC-Token. */
  readonly token?: string;
  /** Header names to sign; default content-type and host. */
  readonly signedHeaders?: readonly string[];
  /** Service name; default the host's first label on *.tencentcloudapi.com. */
  readonly service?: string;
}

export interface Tc3Signature {
  readonly canonicalRequest: string;
  readonly hashedRequestPayload: string;
  readonly credentialScope: string;
  readonly hashedCanonicalRequest: string;
  readonly stringToSign: string;
  readonly secretDate: string;
  readonly secretService: string;
  readonly secretSigning: string;
  readonly signature: string;
  readonly authorization: string;
  /** Every header to send, Authorization, Host, X-TC-Timestamp and X-TC-Token included. */
  readonly headers: Readonly<Record<string, string>>;
  readonly steps: readonly SigningStep<Tc3StepId>[];
}

export interface Tc3Options {
  readonly crypto?: HashProvider;
  /** Where derived keys are memoized; default one shared, bounded cache. */
  readonly keyCache?: SigningKeyCache;
}

const sharedKeyCache = new SigningKeyCache();

function validate(request: Tc3KeylessRequest & { readonly secretKey?: string }, requireKey: boolean): void {
  if (typeof request.method !== 'string' || !/^(GET|POST)$/i.test(request.method)) throw new SigningInputError('method', '"GET" or "POST"');
  if (typeof request.url !== 'string') throw new SigningInputError('url', 'a string URL');
  if (request.headers === null || typeof request.headers !== 'object' || Array.isArray(request.headers))
    throw new SigningInputError('headers', 'an object of header name to string value');
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value !== 'string') throw new SigningInputError(`headers.${name}`, 'a string value');
    requireWellFormedText(name, `headers.${name}`);
    requireWellFormedText(value, `headers.${name}`);
  }
  checkTc3Timestamp(request.timestamp);
  if (requireKey && (typeof request.secretId !== 'string' || request.secretId === '')) throw new SigningInputError('secretId', 'a non-empty string');
  if (requireKey && (typeof request.secretKey !== 'string' || request.secretKey === '')) throw new SigningInputError('secretKey', 'a non-empty string');
  if (request.body !== undefined && typeof request.body !== 'string' && !(request.body instanceof Uint8Array))
    throw new SigningInputError('body', 'a string (signed byte for byte as UTF-8)');
  if (request.signedHeaders !== undefined && (!Array.isArray(request.signedHeaders) || request.signedHeaders.some((h) => typeof h !== 'string')))
    throw new SigningInputError('signedHeaders', 'an array of header names');
  if (request.service !== undefined && (typeof request.service !== 'string' || request.service === ''))
    throw new SigningInputError('service', 'a non-empty service name such as "iotcloud"');
  if (request.token !== undefined && typeof request.token !== 'string') throw new SigningInputError('token', 'a string');
  // Everything below is hashed or HMACed as UTF-8; a lone surrogate would be signed as U+FFFD.
  for (const field of ['url', 'secretId', 'secretKey', 'token', 'service'] as const)
    if (request[field] !== undefined) requireWellFormedText(request[field], field);
  if (typeof request.body === 'string') requireWellFormedText(request.body, 'body');
  request.signedHeaders?.forEach((name, i) => requireWellFormedText(name, `signedHeaders[${i}]`));
}

/** Headers as sent: the caller's, plus Host, X-TC-Timestamp and X-TC-Token when the caller left them out. */
function headersToSend(request: Tc3KeylessRequest, host: string): Record<string, string> {
  const headers: Record<string, string> = { ...request.headers };
  if (findHeader(headers, 'host') === undefined) headers['Host'] = host;
  if (findHeader(headers, 'x-tc-timestamp') === undefined) headers['X-TC-Timestamp'] = String(request.timestamp);
  if (request.token !== undefined && findHeader(headers, 'x-tc-token') === undefined) headers['X-TC-Token'] = request.token;
  return headers;
}

/** A request to sign without its key: SecretId and SecretKey are not needed before step 4 (derived keys). */
export type Tc3KeylessRequest = Omit<Tc3Request, 'secretId' | 'secretKey'> & { readonly secretId?: string };

/** Steps 1–3 of 签名方法 v3 (seed 001): everything before the key is used, with the headers that will be sent. */
export interface Tc3KeylessSignature {
  readonly canonicalRequest: string;
  readonly hashedRequestPayload: string;
  readonly credentialScope: string;
  readonly hashedCanonicalRequest: string;
  readonly stringToSign: string;
  readonly service: string;
  readonly date: string;
  readonly signedHeaders: string;
  /** Every header to send except Authorization, which needs the key. */
  readonly headers: Readonly<Record<string, string>>;
  /** The steps that need no key, in signing order. */
  readonly steps: readonly SigningStep<Tc3StepId>[];
}

/** The steps after the string to sign: each needs the SecretKey (seed 001 签名方法 v3, step 4 onwards). */
export const TC3_KEYED_STEP_IDS: readonly Tc3StepId[] = TC3_STEP_IDS.slice(TC3_STEP_IDS.indexOf('stringToSign') + 1);

const stepOf = (id: Tc3StepId, value: string): SigningStep<Tc3StepId> => {
  const { title, rule } = TC3_RULES[id];
  return id.startsWith('secret') ? { id, title, rule, value, derivedFromSecret: true } : { id, title, rule, value };
};

function prepareTc3(request: Tc3KeylessRequest, crypto: HashProvider): Tc3KeylessSignature {
  const method = request.method.toUpperCase();
  const url = parseRequestUrl(request.url);
  // The Host sent (and so signed) is the URL's authority, port included, as HTTP clients send it. The official
  // Node SDK signs the host name without the port instead; only endpoints with a port (a local emulator) differ.
  const headers = headersToSend(request, url.host);
  const service = request.service ?? serviceFromHost(findHeader(headers, 'host') ?? url.host);
  if (service === undefined) throw new SigningInputError('service', `a service name (e.g. "iotcloud"): it cannot be derived from the host ${url.host}`);

  const hashedRequestPayload = hashRequestPayload(method, request.body ?? '', crypto);
  const { canonicalHeaders, signedHeaders } = buildCanonicalHeaders(headers, request.signedHeaders ?? DEFAULT_SIGNED_HEADERS);
  const canonicalRequest = buildCanonicalRequest({
    method,
    canonicalUri: url.path,
    canonicalQueryString: method === 'GET' ? url.query : '',
    canonicalHeaders,
    signedHeaders,
    hashedRequestPayload,
  });
  const date = utcDateOf(request.timestamp);
  const credentialScope = buildCredentialScope(date, service);
  const hashedCanonicalRequest = hashCanonicalRequest(canonicalRequest, crypto);
  const stringToSign = buildStringToSign(request.timestamp, credentialScope, hashedCanonicalRequest);
  const values = { hashedRequestPayload, canonicalRequest, credentialScope, hashedCanonicalRequest, stringToSign };
  return {
    ...values,
    service,
    date,
    signedHeaders,
    headers,
    steps: TC3_STEP_IDS.filter((id): id is keyof typeof values => id in values).map((id) => stepOf(id, values[id])),
  };
}

/**
 * The steps of TC3-HMAC-SHA256 that need no key — canonical request, hashed payload, credential scope, string to
 * sign — so a UI can show them before a SecretKey is added. The same code as signTc3 computes them.
 */
export function signTc3WithoutKey(request: Tc3KeylessRequest, options: Pick<Tc3Options, 'crypto'> = {}): Tc3KeylessSignature {
  validate(request, false);
  return prepareTc3(request, options.crypto ?? nobleHashProvider);
}

/** Signs a request with TC3-HMAC-SHA256 and returns every intermediate value, each step beside its rule. */
export function signTc3(request: Tc3Request, options: Tc3Options = {}): Tc3Signature {
  validate(request, true);
  const crypto = options.crypto ?? nobleHashProvider;
  const prepared = prepareTc3(request, crypto);
  const keys = (options.keyCache ?? sharedKeyCache).get(request.secretKey, prepared.date, prepared.service, crypto);
  const signature = computeSignature(keys.secretSigning, prepared.stringToSign, crypto);
  const authorization = buildAuthorization(request.secretId, prepared.credentialScope, prepared.signedHeaders, signature);

  const values: Record<Tc3StepId, string> = {
    hashedRequestPayload: prepared.hashedRequestPayload,
    canonicalRequest: prepared.canonicalRequest,
    credentialScope: prepared.credentialScope,
    hashedCanonicalRequest: prepared.hashedCanonicalRequest,
    stringToSign: prepared.stringToSign,
    ...keys.hex,
    signature,
    authorization,
  };
  const steps = TC3_STEP_IDS.map((id) => stepOf(id, values[id]));
  return { ...values, headers: { ...prepared.headers, Authorization: authorization }, steps };
}
