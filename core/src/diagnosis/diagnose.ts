import { capturedHeader, type CapturedRequest } from '../capture/CapturedRequest.js';
import { parseRequestUrl } from '../signing/requestUrl.js';
import { SigningInputError } from '../signing/SigningInputError.js';
import type { Diagnosis } from './DiagnosisCause.js';
import type { DiagnosisInput, DiagnosisOptions } from './DiagnosisInput.js';
import { diagnoseTc3 } from './diagnoseTc3.js';
import { diagnoseV1 } from './diagnoseV1.js';
import { v1ParamsOf } from './v1/readV1Params.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The captured request checked and copied into plain data. It may come through structured clone from a page, where
 * an array can carry own properties ("every", "find", "constructor") that shadow the methods the diagnosis calls;
 * the copy is read by index and holds only the four documented fields.
 */
function readRequest(request: unknown): CapturedRequest {
  if (!isObject(request)) throw new SigningInputError('request', 'a captured request {method, url, headers: [{name, value}], body}');
  const { method, url, headers, body } = request;
  if (typeof method !== 'string' || method === '') throw new SigningInputError('request.method', 'a method such as "POST"');
  if (typeof url !== 'string') throw new SigningInputError('request.url', 'an absolute http(s) URL');
  const expected = 'an array of {name, value} strings, in the order sent';
  if (!Array.isArray(headers)) throw new SigningInputError('request.headers', expected);
  const copied: { name: string; value: string }[] = [];
  for (let i = 0; i < headers.length; i++) {
    const header: unknown = headers[i];
    if (!isObject(header) || typeof header['name'] !== 'string' || typeof header['value'] !== 'string')
      throw new SigningInputError(`request.headers[${i}]`, expected);
    copied.push({ name: header['name'], value: header['value'] });
  }
  if (typeof body !== 'string') throw new SigningInputError('request.body', 'the body as sent, a string ("" when none)');
  return { method, url, headers: copied, body };
}

function checkOptional(input: DiagnosisInput): void {
  for (const field of ['errorCode', 'canonicalRequest', 'stringToSign', 'service'] as const) {
    if (input[field] !== undefined && typeof input[field] !== 'string') throw new SigningInputError(field, 'a string when given');
  }
  if (input.sentAt !== undefined && (typeof input.sentAt !== 'number' || !Number.isSafeInteger(input.sentAt) || input.sentAt < 0))
    throw new SigningInputError('sentAt', 'Unix seconds, a non-negative integer');
}

/** Which signing method a captured request used: a TC3 Authorization header, else a v1 Signature parameter. */
export function signatureSchemeOf(request: CapturedRequest): 'tc3' | 'v1' | undefined {
  const authorization = capturedHeader(request, 'authorization');
  if (authorization?.trim().startsWith('TC3')) return 'tc3';
  try {
    const url = parseRequestUrl(request.url, 'request.url');
    if (v1ParamsOf(request.method.toUpperCase(), url.query, request.body).some((p) => p.name === 'Signature')) return 'v1';
  } catch {
    return authorization !== undefined ? 'tc3' : undefined;
  }
  return authorization !== undefined ? 'tc3' : undefined;
}

/**
 * Says why a captured request's signature fails (or that it does not): TC3-HMAC-SHA256 or v1, chosen from the
 * request. Throws SigningInputError only for input that cannot be diagnosed at all; everything wrong with the
 * request itself is a finding.
 */
export function diagnose(input: DiagnosisInput, options: DiagnosisOptions = {}): Diagnosis {
  if (!isObject(input)) throw new SigningInputError('input', 'an object {request, secretKey, errorCode?, sentAt?, canonicalRequest?, stringToSign?}');
  const { request, ...given } = input;
  const checked: DiagnosisInput = { ...given, request: readRequest(request) };
  checkOptional(checked);
  const scheme = signatureSchemeOf(checked.request);
  if (scheme === 'tc3') return diagnoseTc3(checked, options);
  if (scheme === 'v1') return diagnoseV1(checked, options);
  throw new SigningInputError(
    'request',
    'an Authorization: TC3-HMAC-SHA256 … header (signature v3) or a Signature parameter in the query or form body (signature v1); this request carries neither',
  );
}
