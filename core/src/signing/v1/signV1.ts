import type { HashProvider } from '../../crypto/HashProvider.js';
import { nobleHashProvider } from '../../crypto/nobleHashProvider.js';
import { SigningInputError } from '../SigningInputError.js';
import type { SigningStep } from '../SigningStep.js';
import { buildV1StringToSign } from './buildV1StringToSign.js';
import { computeV1Signature, V1_ALGORITHMS, type V1Algorithm } from './computeV1Signature.js';
import { encodeV1Query } from './encodeV1Query.js';
import { buildRequestString, type V1ParamValue } from './sortParams.js';
import { V1_RULES, V1_STEP_IDS, type V1StepId } from './v1Rules.js';
import { requireWellFormedText } from '../requireWellFormedText.js';

export interface V1Request {
  readonly algorithm: V1Algorithm;
  readonly method: 'GET' | 'POST';
  readonly host: string;
  readonly path?: string;
  /** Every request parameter, common ones (Action, SecretId, Nonce, Timestamp, SignatureMethod…) included. */
  readonly params: Readonly<Record<string, V1ParamValue>>;
  readonly secretKey: string;
}

export interface V1Signature {
  readonly requestString: string;
  readonly stringToSign: string;
  readonly signature: string;
  /** The URL query (GET) or x-www-form-urlencoded body (POST) to send. */
  readonly query: string;
  readonly steps: readonly SigningStep<V1StepId>[];
}

function validate(request: V1Request): void {
  if (!V1_ALGORITHMS.includes(request.algorithm))
    throw new SigningInputError('algorithm', '"HmacSHA1" or "HmacSHA256" (or "TC3-HMAC-SHA256" with the TC3 fields)');
  if (request.method !== 'GET' && request.method !== 'POST') throw new SigningInputError('method', '"GET" or "POST"');
  if (typeof request.host !== 'string' || request.host === '') throw new SigningInputError('host', 'a host name such as iotcloud.tencentcloudapi.com');
  if (request.path !== undefined && (typeof request.path !== 'string' || !request.path.startsWith('/')))
    throw new SigningInputError('path', 'a path starting with "/" (API 3.0 uses "/")');
  if (request.params === null || typeof request.params !== 'object' || Array.isArray(request.params))
    throw new SigningInputError('params', 'an object of parameter name to value');
  for (const [name, value] of Object.entries(request.params)) {
    if (!['string', 'number', 'boolean'].includes(typeof value))
      throw new SigningInputError(`params.${name}`, 'a string, number or boolean (flatten arrays and objects as Name.0, Name.Field)');
    // Values are percent-encoded as UTF-8 (encodeURIComponent throws a bare URIError on a lone surrogate).
    requireWellFormedText(name, `params.${name}`);
    if (typeof value === 'string') requireWellFormedText(value, `params.${name}`);
    if (typeof value === 'number' && !Number.isFinite(value)) throw new SigningInputError(`params.${name}`, `a finite number, got ${value}`);
  }
  if (typeof request.secretKey !== 'string' || request.secretKey === '') throw new SigningInputError('secretKey', 'a non-empty string');
  requireWellFormedText(request.host, 'host');
  if (request.path !== undefined) requireWellFormedText(request.path, 'path');
  requireWellFormedText(request.secretKey, 'secretKey');
}

/** Signs a request with signature method v1 (HmacSHA1/HmacSHA256), every step returned. */
export function signV1(request: V1Request, crypto: HashProvider = nobleHashProvider): V1Signature {
  validate(request);
  const requestString = buildRequestString(request.params);
  const stringToSign = buildV1StringToSign(request.method, request.host, request.path ?? '/', requestString);
  const signature = computeV1Signature(request.algorithm, request.secretKey, stringToSign, crypto);
  const query = encodeV1Query(request.params, signature);
  const values: Record<V1StepId, string> = { sortedParams: requestString, stringToSign, signature, query };
  const steps = V1_STEP_IDS.map((id) => ({ id, ...V1_RULES[id], value: values[id] }));
  return { requestString, stringToSign, signature, query, steps };
}
