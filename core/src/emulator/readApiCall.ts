import { REQUEST_SIZE_LIMITS } from '../request/checkRequestSize.js';
import { utf8DecodeStrict } from '../encoding/bytes.js';
import { apiError, splitTarget, type ApiError, type ReceivedRequest } from './EmulatorHttp.js';
import { parseFormEncoded } from './parseFormEncoded.js';
import { readTc3AuthorizationFields, type Tc3AuthorizationFields } from './verifyTc3Signature.js';

/** The v1 common parameters: they sit among the business parameters in the query or form and are taken out. */
export const V1_COMMON_PARAMS = [
  'Action',
  'Version',
  'Region',
  'Timestamp',
  'Nonce',
  'SecretId',
  'Signature',
  'SignatureMethod',
  'Token',
  'Language',
  'RequestClient',
] as const;

export type ApiCallAuth =
  | { readonly scheme: 'TC3-HMAC-SHA256'; readonly fields: Tc3AuthorizationFields }
  | { readonly scheme: 'HmacSHA1' | 'HmacSHA256'; readonly signature: string; readonly signedParams: Readonly<Record<string, string>> };

/** A request read as an API 3.0 call: common parameters, how it is signed, and its business parameters. */
export interface ApiCall {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly action: string;
  readonly version: string;
  readonly region: string | undefined;
  readonly timestamp: number;
  readonly secretId: string;
  readonly token: string | undefined;
  readonly auth: ApiCallAuth;
  /** JSON body parameters, or the flat text parameters of a query/form (typed later against the catalog). */
  readonly params: { readonly kind: 'json'; readonly bodyText: string } | { readonly kind: 'text'; readonly flat: readonly (readonly [string, string])[] };
}

export type ApiCallReading = { readonly ok: true; readonly call: ApiCall } | { readonly ok: false; readonly error: ApiError };

const missing = (name: string): ApiCallReading => ({
  ok: false,
  error: apiError('MissingParameter', `The request is missing a required parameter \`${name}\`.`),
});
const failure = (code: string, message: string): ApiCallReading => ({ ok: false, error: apiError(code, message) });

/** Timestamp as the doc defines it: an integer of Unix seconds. */
function readTimestamp(value: string | undefined, name: string): number | ApiCallReading {
  if (value === undefined || value === '') return missing(name);
  if (!/^\d{1,12}$/.test(value.trim()))
    return failure('InvalidParameter', `${name}: expected the current Unix time in whole seconds, got ${JSON.stringify(value.slice(0, 40))}`);
  return Number(value.trim());
}

/**
 * Reads what the cloud reads before it can authenticate: method, size, where the common parameters are (X-TC-*
 * headers for TC3, the query/form for v1) and the signature. POST application/json must be TC3 and
 * x-www-form-urlencoded must be v1, as the request-structure page says.
 */
export function readApiCall(request: ReceivedRequest): ApiCallReading {
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'POST')
    return failure('UnsupportedProtocol', `HTTP method ${method}: only GET and POST are supported ("只支持 GET 和 POST 请求")`);
  const { path, query } = splitTarget(request.target);
  if (method === 'GET' && request.target.length > REQUEST_SIZE_LIMITS.getMaxBytes)
    return failure(
      'RequestSizeLimitExceeded',
      `a GET request is limited to 32 KB; this one is ${(request.target.length / 1024).toFixed(1)} KB — send it as POST`,
    );
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const authorization = request.headers['authorization'];

  if (authorization !== undefined) {
    if (method === 'POST' && request.body.length > REQUEST_SIZE_LIMITS.postTc3MaxBytes)
      return failure(
        'RequestSizeLimitExceeded',
        `a POST signed with TC3-HMAC-SHA256 is limited to 10 MB; this body is ${(request.body.length / 1024 / 1024).toFixed(2)} MB`,
      );
    const read = readTc3AuthorizationFields(authorization);
    if (!read.ok) return failure('AuthFailure.InvalidAuthorization', `The Authorization header does not follow the Tencent Cloud standard: ${read.problem}.`);
    const action = request.headers['x-tc-action'];
    if (!action) return missing('X-TC-Action');
    const version = request.headers['x-tc-version'];
    if (!version) return missing('X-TC-Version');
    const timestamp = readTimestamp(request.headers['x-tc-timestamp'], 'X-TC-Timestamp');
    if (typeof timestamp !== 'number') return timestamp;
    if (method === 'POST' && contentType === 'multipart/form-data')
      return failure(
        'InvalidParameter',
        'multipart/form-data is accepted only by the few actions that document it; the emulated actions take application/json',
      );
    if (method === 'POST' && contentType !== 'application/json')
      return failure(
        'InvalidParameter',
        `Content-Type ${JSON.stringify(contentType)}: a TC3-signed POST must be application/json (x-www-form-urlencoded POSTs use signature v1)`,
      );
    const params =
      method === 'GET'
        ? { kind: 'text' as const, flat: parseFormEncoded(query) }
        : { kind: 'json' as const, bodyText: utf8DecodeStrict(request.body) ?? '\uFFFD' };
    return {
      ok: true,
      call: {
        method,
        path,
        action,
        version,
        region: request.headers['x-tc-region'] || undefined,
        timestamp,
        secretId: read.fields.secretId,
        token: request.headers['x-tc-token'],
        auth: { scheme: 'TC3-HMAC-SHA256', fields: read.fields },
        params,
      },
    };
  }

  if (method === 'POST' && contentType !== 'application/x-www-form-urlencoded') {
    return failure(
      'AuthFailure.InvalidAuthorization',
      `no Authorization header: a POST ${contentType || 'without Content-Type'} must be signed with TC3-HMAC-SHA256 (a v1-signed POST is application/x-www-form-urlencoded)`,
    );
  }
  if (method === 'POST' && request.body.length > REQUEST_SIZE_LIMITS.postV1MaxBytes)
    return failure('RequestSizeLimitExceeded', `a POST signed with v1 is limited to 1 MB; this body is ${(request.body.length / 1024 / 1024).toFixed(2)} MB`);
  const form = parseFormEncoded(method === 'GET' ? query : (utf8DecodeStrict(request.body) ?? ''));
  const all = new Map(form);
  if (!all.has('Signature') && !all.has('SecretId')) {
    return failure(
      'AuthFailure.InvalidAuthorization',
      'the request is not signed: expected an Authorization header (TC3-HMAC-SHA256) or the SecretId, Timestamp, Nonce and Signature parameters (v1). GET /_emulator describes this emulator.',
    );
  }
  for (const name of ['Action', 'Version', 'SecretId', 'Signature', 'Nonce'] as const) if (!all.get(name)) return missing(name);
  const timestamp = readTimestamp(all.get('Timestamp'), 'Timestamp');
  if (typeof timestamp !== 'number') return timestamp;
  if (!/^\d+$/.test(all.get('Nonce')!))
    return failure('InvalidParameter', `Nonce: expected a random positive integer, got ${JSON.stringify(all.get('Nonce'))}`);
  const signedParams: Record<string, string> = {};
  for (const [name, value] of form)
    if (name !== 'Signature') Object.defineProperty(signedParams, name, { value, enumerable: true, writable: true, configurable: true });
  const common = new Set<string>(V1_COMMON_PARAMS);
  return {
    ok: true,
    call: {
      method,
      path,
      action: all.get('Action')!,
      version: all.get('Version')!,
      region: all.get('Region') || undefined,
      timestamp,
      secretId: all.get('SecretId')!,
      token: all.get('Token'),
      auth: { scheme: all.get('SignatureMethod') === 'HmacSHA256' ? 'HmacSHA256' : 'HmacSHA1', signature: all.get('Signature')!, signedParams },
      params: { kind: 'text', flat: form.filter(([name]) => !common.has(name)) },
    },
  };
}
