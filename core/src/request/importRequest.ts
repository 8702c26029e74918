import { setOwnProperty } from '../encoding/setOwnProperty.js';
import { capturedHeader, type CapturedRequest } from '../capture/CapturedRequest.js';
import { parseRequestUrl } from '../signing/requestUrl.js';
import { serviceFromHost } from '../signing/tc3/serviceFromHost.js';
import type { ApiRequest } from './ApiRequest.js';
import { parseJsonBounded } from '../encoding/parseJsonBounded.js';
import { SigningInputError } from '../signing/SigningInputError.js';
import { unflattenParams } from './flattenParams.js';

export type ImportResult = { readonly ok: true; readonly request: ApiRequest } | { readonly ok: false; readonly error: string };

// v1 common parameters travel with the action's own; they are not part of the call a developer means.
const V1_COMMON = new Set([
  'Action',
  'Version',
  'Region',
  'SecretId',
  'Timestamp',
  'Nonce',
  'Signature',
  'SignatureMethod',
  'Token',
  'Language',
  'RequestClient',
]);

/** The dotted names read back into nested values; a refusal (a gap, a name both value and parent) names the parameter. */
function nestedParams(
  flat: Record<string, string>,
): { readonly ok: true; readonly params: Record<string, unknown> } | { readonly ok: false; readonly error: string } {
  try {
    return { ok: true, params: unflattenParams(flat) };
  } catch (error) {
    if (error instanceof SigningInputError) return { ok: false, error: error.message };
    throw error;
  }
}

function queryParams(query: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    setOwnProperty(out, decode(eq === -1 ? pair : pair.slice(0, eq)), eq === -1 ? '' : decode(pair.slice(eq + 1)));
  }
  return out;
}

const CREDENTIAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The service in an Authorization's Credential=ID/YYYY-MM-DD/service/…, by '/'-separated segments: the one-regex
 * form (/Credential=[^/]+\/\d{4}…/) rescanned to the next '/' from every "Credential=" (quadratic on repeats).
 */
function credentialScopeService(authorization: string): string | undefined {
  const segments = authorization.split('/');
  for (let i = 0; i + 3 < segments.length; i++) {
    const segment = segments[i]!;
    const at = segment.indexOf('Credential=');
    if (at === -1 || at + 'Credential='.length === segment.length) continue;
    if (CREDENTIAL_DATE.test(segments[i + 1]!) && segments[i + 2] !== '') return segments[i + 2];
  }
  return undefined;
}

/**
 * Reads a captured Tencent Cloud API 3.0 request (from curl, raw HTTP or HAR) back into the call it makes:
 * action, version, region and parameters from TC3 headers and a JSON body, or from v1 query/form parameters.
 * A request to a host other than *.tencentcloudapi.com keeps it as the endpoint override.
 */
export function importRequest(captured: CapturedRequest, serviceHint?: string): ImportResult {
  const url = parseRequestUrl(captured.url);
  const method = captured.method.toUpperCase();
  if (method !== 'GET' && method !== 'POST') return { ok: false, error: `method: API 3.0 uses GET or POST, the request uses ${captured.method}` };
  const authorization = capturedHeader(captured, 'authorization');
  const scopeService = authorization ? credentialScopeService(authorization) : undefined;
  const service = serviceHint ?? serviceFromHost(url.host) ?? scopeService;
  if (!service) return { ok: false, error: `service: cannot tell the service from the host ${url.host}; give it explicitly (e.g. iotcloud)` };
  const endpoint = serviceFromHost(url.host) ? undefined : `${url.scheme}://${url.host}${url.path}`;

  const action = capturedHeader(captured, 'x-tc-action');
  if (action !== undefined) {
    const version = capturedHeader(captured, 'x-tc-version');
    if (!version) return { ok: false, error: 'headers: X-TC-Version is missing; API 3.0 requests carry X-TC-Action and X-TC-Version' };
    let params: Record<string, unknown>;
    if (method === 'GET') {
      const nested = nestedParams(queryParams(url.query));
      if (!nested.ok) return nested;
      params = nested.params;
    } else {
      const parsed = captured.body.trim() === '' ? ({ ok: true, value: {} } as const) : parseJsonBounded(captured.body, 'body');
      if (!parsed.ok) return { ok: false, error: parsed.message };
      if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))
        return { ok: false, error: 'body: a JSON object of parameters' };
      params = parsed.value as Record<string, unknown>;
    }
    const region = capturedHeader(captured, 'x-tc-region');
    const language = capturedHeader(captured, 'x-tc-language');
    return {
      ok: true,
      request: {
        service,
        version,
        action,
        params,
        method,
        ...(region ? { region } : {}),
        ...(language ? { language } : {}),
        ...(endpoint ? { endpoint } : {}),
      },
    };
  }

  const flat = queryParams(method === 'GET' ? url.query : captured.body);
  if (!flat['Action'] || !flat['Version'])
    return { ok: false, error: 'request: neither an X-TC-Action header (TC3) nor Action and Version parameters (v1) were found' };
  const own: Record<string, string> = {};
  for (const [name, value] of Object.entries(flat)) if (!V1_COMMON.has(name)) setOwnProperty(own, name, value);
  const nested = nestedParams(own);
  if (!nested.ok) return nested;
  return {
    ok: true,
    request: {
      service,
      version: flat['Version'],
      action: flat['Action'],
      params: nested.params,
      method,
      ...(flat['Region'] ? { region: flat['Region'] } : {}),
      ...(endpoint ? { endpoint } : {}),
    },
  };
}
