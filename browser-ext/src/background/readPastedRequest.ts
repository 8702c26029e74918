// A pasted curl command or raw HTTP request, read into the call the popup will sign and send. Issue 12 saw a paste
// whose action the catalog does not know (DescribeDeviceShadows) or that named none go out unsigned while the
// popup said "Signed with timestamp …": now only a call the catalog knows is re-signed, a OneNET or MXCHIP request
// is sent as pasted, and anything else is refused with what was not understood and the nearest action names.
import {
  capturedHeader,
  findIndexedAction,
  importRequest,
  listIndexedActions,
  parseCapturedRequest,
  suggestNearest,
  type CapturedRequest,
  type ImportResult,
} from '@iot-devkit/core';
import type { PastedRequest } from '../protocol.js';
import { actionSpecOf, rawSpecOf, withoutPseudoHeaders } from './capturedToSpec.js';

const ONENET_HOST = /^https?:\/\/api\.onenet\.hk\.chinamobile\.com(?::\d+)?(?:[/?#]|$)/i;
// MXCHIP's document gives paths only (/v3/open_api/…), no host: its requests are recognized by their path.
const MXCHIP_PATH = /^https?:\/\/[^/?#]+\/v3\/open_api\//i;

let actionNames: string[] | undefined;
const catalogActionNames = () => (actionNames ??= [...new Set(listIndexedActions().map(({ action }) => action.name))]);

/** The action a paste names: API 3.0's X-TC-Action header, or v1's Action parameter in the query or the form body. */
function namedAction(request: CapturedRequest): string {
  const header = capturedHeader(request, 'x-tc-action')?.trim();
  if (header) return header;
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1).split('#')[0]! : '';
  for (const source of [query, request.method.toUpperCase() === 'POST' ? request.body : '']) {
    try {
      const action = new URLSearchParams(source).get('Action')?.trim();
      if (action) return action;
    } catch {
      // Not form-encoded: no v1 Action here.
    }
  }
  return '';
}

/** Markers of a Tencent Cloud API 3.0 or v1 request: such a paste is signed again or refused, never sent as is. */
const looksTencent = (request: CapturedRequest, action: string) =>
  action !== '' ||
  /^https?:\/\/[^/?#]*tencentcloudapi\.com(?::\d+)?(?:[/?#]|$)/i.test(request.url) ||
  /^TC3-HMAC-SHA256\b/.test(capturedHeader(request, 'authorization') ?? '') ||
  capturedHeader(request, 'x-tc-version') !== undefined;

/** OneNET (its host, or its api-key header towards a local stand-in) and MXCHIP (its /v3/open_api/ paths). */
const isVendorRequest = (request: CapturedRequest) =>
  ONENET_HOST.test(request.url) || MXCHIP_PATH.test(request.url) || capturedHeader(request, 'api-key') !== undefined;

function tryImport(request: CapturedRequest, serviceHint?: string): ImportResult {
  try {
    return importRequest(request, serviceHint);
  } catch (error) {
    // importRequest names the field of a URL it cannot read by throwing; a paste must come back as a refusal.
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export function readPastedRequest(text: string): PastedRequest {
  const parsed = parseCapturedRequest(text);
  if (!parsed.ok) return { status: 'notUnderstood', reason: 'unreadable', action: '', nearest: [], detail: parsed.error, params: {}, notes: [] };
  const request = withoutPseudoHeaders(parsed.request);
  const notes = parsed.notes;
  const action = namedAction(request);
  // The index is enough to know an action and its service: no service's full catalog is fetched to read a paste.
  const known = action ? findIndexedAction(undefined, action) : undefined;
  // A request to a local emulator carries no service in its host; without a TC3 Authorization to read it from, the
  // catalog's entry for the action says which service it belongs to.
  let imported = tryImport(request);
  if (!imported.ok && known) imported = tryImport(request, known.service.service);
  const refused = (reason: 'unknownAction' | 'noAction' | 'unreadable', detail: string, params: Readonly<Record<string, unknown>> = {}): PastedRequest => ({
    status: 'notUnderstood',
    reason,
    action,
    nearest: reason === 'unknownAction' ? suggestNearest(action, catalogActionNames(), 3) : [],
    detail,
    params,
    notes,
  });
  if (imported.ok) {
    const call = imported.request;
    if (findIndexedAction(call.service, call.action)) return { status: 'understood', request: actionSpecOf(call), notes };
    return refused('unknownAction', `${call.service} ${call.version} has no action ${call.action} in the catalog`, call.params);
  }
  if (!looksTencent(request, action) && isVendorRequest(request)) return { status: 'understood', request: rawSpecOf(request), notes };
  // Which service it was meant for is unknown, but the parameters read the same for any: the form shows them.
  const anyService = tryImport(request, known?.service.service ?? 'unknown');
  const params = anyService.ok ? anyService.request.params : {};
  if (action === '') return refused('noAction', imported.error, params);
  return refused(known ? 'unreadable' : 'unknownAction', imported.error, params);
}
