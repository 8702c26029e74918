import type { HashProvider } from '../crypto/HashProvider.js';
import type { SigningKeyCache } from '../signing/tc3/deriveSigningKey.js';
import { SigningInputError } from '../signing/SigningInputError.js';
import { buildCanonicalHeaders } from '../signing/tc3/buildCanonicalHeaders.js';
import { buildCanonicalRequest } from '../signing/tc3/buildCanonicalRequest.js';
import { buildCredentialScope, utcDateOf } from '../signing/tc3/buildCredentialScope.js';
import { buildStringToSign, hashCanonicalRequest } from '../signing/tc3/buildStringToSign.js';
import { computeSignature } from '../signing/tc3/computeSignature.js';
import { hashRequestPayload } from '../signing/tc3/hashRequestPayload.js';
import { splitTarget, type ReceivedRequest } from './EmulatorHttp.js';
import { signedHostCandidates } from './loopbackHost.js';

/** The fields of "TC3-HMAC-SHA256 Credential=ID/Date/service/tc3_request, SignedHeaders=a;b, Signature=hex". */
export interface Tc3AuthorizationFields {
  readonly secretId: string;
  readonly date: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

const AUTHORIZATION = /^TC3-HMAC-SHA256 Credential=([^/\s,]+)\/([^/\s,]*)\/([^/\s,]*)\/tc3_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([^,\s]*)$/;

/** Reads the Authorization header; a header not of this shape is AuthFailure.InvalidAuthorization, with what is off. */
export function readTc3AuthorizationFields(header: string): { ok: true; fields: Tc3AuthorizationFields } | { ok: false; problem: string } {
  const match = AUTHORIZATION.exec(header.trim());
  if (!match) {
    const algorithm = header.trim().split(' ')[0] ?? '';
    if (algorithm !== 'TC3-HMAC-SHA256')
      return { ok: false, problem: `it must start with "TC3-HMAC-SHA256 ", found ${JSON.stringify(algorithm.slice(0, 40))}` };
    return {
      ok: false,
      problem: 'expected "TC3-HMAC-SHA256 Credential=<SecretId>/<YYYY-MM-DD>/<service>/tc3_request, SignedHeaders=content-type;host, Signature=<64 hex>"',
    };
  }
  const [, secretId = '', date = '', service = '', signedHeaders = '', signature = ''] = match;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ok: false, problem: `the credential date must be YYYY-MM-DD, found ${JSON.stringify(date)}` };
  if (!/^[0-9a-f]{64}$/.test(signature)) return { ok: false, problem: `Signature must be 64 lower-case hex digits, found ${signature.length} characters` };
  return { ok: true, fields: { secretId, date, service, signedHeaders: signedHeaders.split(';'), signature } };
}

export interface Tc3Verification {
  readonly request: ReceivedRequest;
  readonly fields: Tc3AuthorizationFields;
  readonly timestamp: number;
  readonly secretKey: string;
  readonly crypto: HashProvider;
  readonly keyCache: SigningKeyCache;
}

/** Constant time over the signature's length: the emulator should not teach timing attacks by example. */
export function sameSignature(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Recomputes the signature from the request as received — method, path, query (GET), the signed headers'
 * values, the body's bytes — with the credential date taken from X-TC-Timestamp in UTC (as the doc requires,
 * so a local-time date fails as it does in the cloud) and the service named in the credential scope. Built
 * from the signing steps themselves rather than signTc3, which also renders every step for display: this runs
 * on every request. Says why it could not match when that is visible without guessing.
 */
export function verifyTc3Signature(check: Tc3Verification): { readonly ok: true } | { readonly ok: false; readonly detail?: string } {
  const { request, fields, crypto } = check;
  const { path, query } = splitTarget(request.target);
  const method = request.method.toUpperCase();
  const hashedRequestPayload = hashRequestPayload(method, request.body, crypto);
  const date = utcDateOf(check.timestamp);
  const credentialScope = buildCredentialScope(date, fields.service);
  const { secretSigning } = check.keyCache.get(check.secretKey, date, fields.service, crypto);
  for (const signedHost of signedHostCandidates(request.headers['host'] ?? '')) {
    let canonical: { canonicalHeaders: string; signedHeaders: string };
    try {
      canonical = buildCanonicalHeaders({ ...request.headers, host: signedHost }, fields.signedHeaders);
    } catch (error) {
      // A header named in SignedHeaders that was not sent: nothing to recompute over.
      if (error instanceof SigningInputError) return { ok: false, detail: error.message };
      throw error;
    }
    const canonicalRequest = buildCanonicalRequest({
      method,
      canonicalUri: path,
      canonicalQueryString: method === 'GET' ? query : '',
      ...canonical,
      hashedRequestPayload,
    });
    const stringToSign = buildStringToSign(check.timestamp, credentialScope, hashCanonicalRequest(canonicalRequest, crypto));
    if (sameSignature(computeSignature(secretSigning, stringToSign, crypto), fields.signature)) return { ok: true };
  }
  return { ok: false };
}
