import type { HashProvider } from '../crypto/HashProvider.js';
import { percentEncode } from '../encoding/percentEncode.js';
import { parseRequestUrl } from '../signing/requestUrl.js';
import { SigningInputError } from '../signing/SigningInputError.js';
import type { SigningKeyCache } from '../signing/tc3/deriveSigningKey.js';
import { signTc3, signTc3WithoutKey, type Tc3KeylessSignature, type Tc3Signature } from '../signing/tc3/signTc3.js';
import { signV1, type V1Signature } from '../signing/v1/signV1.js';
import type { ApiRequest, Credentials, HttpRequest, SignatureScheme } from './ApiRequest.js';
import { flattenParams } from './flattenParams.js';
import { resolveEndpoint } from './resolveEndpoint.js';

export interface SignedHttpRequest extends HttpRequest {
  readonly scheme: SignatureScheme;
  readonly signing: Tc3Signature | V1Signature;
}

export interface BuildOptions {
  readonly credentials: Credentials;
  /** Unix seconds: hosts pass their clock, replays pass a fresh one. */
  readonly timestamp: number;
  readonly scheme?: SignatureScheme;
  /** v1's Nonce: hosts pass a random positive integer. */
  readonly nonce?: number;
  readonly crypto?: HashProvider;
  /** Where TC3's derived keys are memoized: a host passes its own so it can `forget` a deleted profile's key. */
  readonly keyCache?: SigningKeyCache;
}

const query = (params: Readonly<Record<string, string>>) =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${percentEncode(v)}`)
    .join('&');

/** API 3.0 common parameters as TC3 headers (X-TC-*). */
function tc3Headers(request: ApiRequest, contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'X-TC-Action': request.action,
    'X-TC-Version': request.version,
    ...(request.region ? { 'X-TC-Region': request.region } : {}),
    ...(request.language ? { 'X-TC-Language': request.language } : {}),
  };
}

/**
 * Turns an API call into a signed HTTP request: POST JSON or GET with flattened query under TC3-HMAC-SHA256,
 * or a v1 request with every common parameter in the query/form. Validation against the catalog happens before this.
 */
export function buildHttpRequest(request: ApiRequest, options: BuildOptions): SignedHttpRequest {
  const scheme = options.scheme ?? 'TC3-HMAC-SHA256';
  const method = request.method ?? 'POST';
  const url = resolveEndpoint(request.service, request.region, request.endpoint);
  const { secretId, secretKey, token } = options.credentials;

  if (scheme === 'TC3-HMAC-SHA256') {
    const getQuery = method === 'GET' ? query(flattenParams(request.params)) : '';
    const contentType = method === 'GET' ? 'application/x-www-form-urlencoded' : 'application/json';
    const body = method === 'GET' ? '' : JSON.stringify(request.params);
    const fullUrl = getQuery === '' ? url : `${url}?${getQuery}`;
    const signing = signTc3(
      {
        method,
        url: fullUrl,
        headers: tc3Headers(request, contentType),
        body,
        timestamp: options.timestamp,
        secretId,
        secretKey,
        ...(token ? { token } : {}),
        service: request.service,
      },
      { ...(options.crypto ? { crypto: options.crypto } : {}), ...(options.keyCache ? { keyCache: options.keyCache } : {}) },
    );
    return { scheme, method, url: fullUrl, headers: signing.headers, body, signing };
  }

  if (scheme !== 'HmacSHA1' && scheme !== 'HmacSHA256') throw new SigningInputError('scheme', '"TC3-HMAC-SHA256", "HmacSHA1" or "HmacSHA256"');
  const parsed = parseRequestUrl(url);
  const params: Record<string, string | number> = {
    ...flattenParams(request.params),
    Action: request.action,
    Version: request.version,
    SecretId: secretId,
    Timestamp: options.timestamp,
    Nonce: options.nonce ?? 1,
    SignatureMethod: scheme,
    ...(request.region ? { Region: request.region } : {}),
    ...(request.language ? { Language: request.language } : {}),
    ...(token ? { Token: token } : {}),
  };
  const signing = signV1({ algorithm: scheme, method, host: parsed.host, path: parsed.path, params, secretKey }, options.crypto);
  if (method === 'GET') return { scheme, method, url: `${url}?${signing.query}`, headers: { Host: parsed.host }, body: '', signing };
  return { scheme, method, url, headers: { Host: parsed.host, 'Content-Type': 'application/x-www-form-urlencoded' }, body: signing.query, signing };
}

/** A TC3 request as buildHttpRequest would send it, with the steps that need no key (no SecretKey yet). */
export interface KeylessHttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  /** Every header except Authorization. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly signing: Tc3KeylessSignature;
}

/**
 * The same request as buildHttpRequest's TC3 branch, signed only as far as a key is not needed (issue 16: the Sign
 * tab shows the canonical request and the string to sign before a SecretKey is added).
 */
export function buildKeylessTc3Request(request: ApiRequest, timestamp: number): KeylessHttpRequest {
  const method = request.method ?? 'POST';
  const url = resolveEndpoint(request.service, request.region, request.endpoint);
  const getQuery = method === 'GET' ? query(flattenParams(request.params)) : '';
  const contentType = method === 'GET' ? 'application/x-www-form-urlencoded' : 'application/json';
  const body = method === 'GET' ? '' : JSON.stringify(request.params);
  const fullUrl = getQuery === '' ? url : `${url}?${getQuery}`;
  const signing = signTc3WithoutKey({ method, url: fullUrl, headers: tc3Headers(request, contentType), body, timestamp, service: request.service });
  return { method, url: fullUrl, headers: signing.headers, body, signing };
}
