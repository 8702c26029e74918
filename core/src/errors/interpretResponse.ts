// Says what a response body means, whichever vendor sent it: Tencent Cloud API 3.0
// ({"Response":{"Error":{Code,Message},RequestId}}), OneNET ({errno, error, data}) or MXCHIP
// ({"meta":{code,message},"data"}). Never throws: a body it cannot read gets a clear "malformed" answer.
import { lookupErrorCode, type ErrorCodeInfo, type ErrorHint, type ErrorVendor } from './errorCodeIndex.js';
import type { HintSurface } from './hintOnSurface.js';

export interface ResponseSuccess {
  readonly status: 'success';
  readonly vendor: ErrorVendor;
  readonly requestId?: string;
  /** Tencent: Response without RequestId; OneNET/MXCHIP: data. */
  readonly data?: unknown;
  readonly summary: string;
}

export interface ResponseError {
  readonly status: 'error';
  readonly vendor: ErrorVendor;
  readonly code: string;
  /** The server's own message, as sent. */
  readonly serverMessage: string;
  readonly requestId?: string;
  /** The documented meaning, when the code is in the catalog. */
  readonly known?: ErrorCodeInfo;
  readonly hint?: ErrorHint;
  /** Nearest documented codes when this one is not documented. */
  readonly suggestions: readonly string[];
  readonly summary: string;
}

export interface ResponseMalformed {
  readonly status: 'malformed';
  readonly problem: string;
  readonly summary: string;
}

export type ResponseInterpretation = ResponseSuccess | ResponseError | ResponseMalformed;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const preview = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
};

function vendorOf(code: string): ErrorVendor | undefined {
  const lookup = lookupErrorCode(code);
  return lookup.found ? lookup.info.vendor : undefined;
}

function malformed(problem: string): ResponseMalformed {
  return { status: 'malformed', problem, summary: `Cannot read the response: ${problem}` };
}

function explain(vendor: ErrorVendor, code: string, serverMessage: string, requestId: string | undefined, surface: HintSurface): ResponseError {
  const lookup = lookupErrorCode(code, surface);
  const known = lookup.found ? lookup.info : undefined;
  // A Tencent code is never "meant" as an MXCHIP one: suggest only the sending vendor's codes.
  const suggestions = lookup.found ? [] : lookup.suggestions.filter((s) => vendorOf(s) === vendor);
  const hint = known?.hint;
  const meaning = known ? `${known.messageEn} (${known.message})` : 'not a documented code';
  const lines = [`Error ${code}: ${meaning}`];
  if (serverMessage) lines.push(`Server said: ${serverMessage}`);
  if (hint) lines.push(`Fix: ${hint.en}`);
  if (suggestions.length) lines.push(`Did you mean: ${suggestions.join(', ')}`);
  if (requestId) lines.push(`RequestId: ${requestId} (quote it to support)`);
  return {
    status: 'error',
    vendor,
    code,
    serverMessage,
    ...(requestId ? { requestId } : {}),
    ...(known ? { known } : {}),
    ...(hint ? { hint } : {}),
    suggestions,
    summary: lines.join('\n'),
  };
}

function tencent(response: unknown, surface: HintSurface): ResponseInterpretation {
  if (!isObject(response)) return malformed('"Response" is not an object');
  const requestId = typeof response['RequestId'] === 'string' ? response['RequestId'] : undefined;
  const error = response['Error'];
  if (error === undefined) {
    const { RequestId: _id, ...data } = response;
    return {
      status: 'success',
      vendor: 'tencent',
      ...(requestId ? { requestId } : {}),
      data,
      summary: `Success${requestId ? ` (RequestId ${requestId})` : ''}`,
    };
  }
  if (!isObject(error) || typeof error['Code'] !== 'string' || error['Code'] === '') return malformed('"Response.Error" has no string "Code"');
  return explain('tencent', error['Code'], typeof error['Message'] === 'string' ? error['Message'] : '', requestId, surface);
}

function oneNet(body: Record<string, unknown>, surface: HintSurface): ResponseInterpretation {
  const errno = body['errno'];
  if (typeof errno !== 'number' || !Number.isInteger(errno)) return malformed('"errno" is not an integer');
  const message = typeof body['error'] === 'string' ? body['error'] : '';
  if (errno === 0) return { status: 'success', vendor: 'onenet', data: body['data'], summary: `Success (errno 0${message ? `, "${message}"` : ''})` };
  return explain('onenet', String(errno), message, undefined, surface);
}

function mxchip(meta: Record<string, unknown>, data: unknown, surface: HintSurface): ResponseInterpretation {
  const code = meta['code'];
  if (typeof code !== 'number' || !Number.isInteger(code)) return malformed('"meta.code" is not an integer');
  const message = typeof meta['message'] === 'string' ? meta['message'] : '';
  if (code === 0) return { status: 'success', vendor: 'mxchip', data, summary: `Success (meta.code 0${message ? `, "${message}"` : ''})` };
  return explain('mxchip', String(code), message, undefined, surface);
}

/** Interprets a response body given as text or as an already parsed value; fix hints worded for `surface` (the CLI by default). */
export function interpretResponse(body: unknown, surface: HintSurface = 'cli'): ResponseInterpretation {
  let value = body;
  if (typeof body === 'string') {
    if (body.trim() === '') return malformed('the body is empty');
    try {
      value = JSON.parse(body);
    } catch {
      return malformed(`the body is not JSON: ${preview(body)}`);
    }
  }
  if (!isObject(value)) return malformed(`expected a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`);
  if ('Response' in value) return tencent(value['Response'], surface);
  if ('errno' in value) return oneNet(value, surface);
  if (isObject(value['meta']) && 'code' in value['meta']) return mxchip(value['meta'], value['data'], surface);
  return malformed('not a shape of a known vendor: expected "Response" (Tencent Cloud), "errno" (OneNET) or "meta.code" (MXCHIP)');
}
