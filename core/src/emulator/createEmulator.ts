import { getCatalog } from '../catalog/catalog.js';
import type { HashProvider } from '../crypto/HashProvider.js';
import { nobleHashProvider } from '../crypto/nobleHashProvider.js';
import { validateParams } from '../request/validateParams.js';
import { SigningKeyCache } from '../signing/tc3/deriveSigningKey.js';
import { ADMIN_PREFIX, handleAdminRequest } from './adminRoutes.js';
import { authenticateCall, type SignatureDiagnoser } from './authenticateCall.js';
import { corsHeaders, isOriginAllowed } from './corsPolicy.js';
import { DEMO_CREDENTIAL, type EmulatorCredential } from './EmulatorCredential.js';
import { apiError, splitTarget, type ApiError, type EmulatorResponse, type ReceivedRequest } from './EmulatorHttp.js';
import { createEmptyState, type EmulatorState } from './EmulatorState.js';
import { createEmulatorDiagnoser } from './emulatorDiagnoser.js';
import { findEmulatedAction, serviceOfVersion, type EmulatedAction } from './emulatedActions.js';
import { findJsonTypeMismatch } from './findJsonTypeMismatch.js';
import { readApiCall, type ApiCall } from './readApiCall.js';
import { readTextParams } from './readTextParams.js';
import { newRequestId } from './requestId.js';

export interface EmulatorOptions {
  readonly state?: EmulatorState;
  readonly credentials?: readonly EmulatorCredential[];
  /** Milliseconds since the Unix epoch. */
  readonly now: () => number;
  readonly randomBytes: (length: number) => Uint8Array;
  /** Node hosts inject node:crypto; verification hashes every request. */
  readonly crypto?: HashProvider;
  /** Names the likely cause of a failed signature in the error Message; default the core's diagnosis, false for none. */
  readonly diagnose?: SignatureDiagnoser | false;
  /** Origins allowed besides extension pages, VS Code webviews and loopback pages; "*" allows every origin. */
  readonly allowedOrigins?: readonly string[];
}

export interface Emulator {
  readonly state: EmulatorState;
  readonly credentials: readonly EmulatorCredential[];
  /** Answers one HTTP request. Pure apart from the state it owns: no I/O, no clock or randomness of its own. */
  handle(request: ReceivedRequest): EmulatorResponse;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };

/** The API 3.0 envelope: {"Response": {...fields, "RequestId"}} — HTTP 200 even for errors, as the doc says. */
function envelope(fields: Record<string, unknown> | { Error: { Code: string; Message: string } }, requestId: string): string {
  return JSON.stringify({ Response: { ...fields, RequestId: requestId } });
}

const errorFields = (error: ApiError) => ({ Error: { Code: error.code, Message: error.message } });

function checkParams(call: ApiCall, action: EmulatedAction): { ok: true; params: Record<string, unknown> } | { ok: false; error: ApiError } {
  let params: Record<string, unknown>;
  if (call.params.kind === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(call.params.bodyText === '' ? '{}' : call.params.bodyText);
    } catch (error) {
      return { ok: false, error: apiError('InvalidParameter', `body: not valid JSON (${error instanceof Error ? error.message : 'parse error'})`) };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, error: apiError('InvalidParameter', 'body: expected a JSON object of parameters') };
    params = parsed as Record<string, unknown>;
    const mismatch = findJsonTypeMismatch(params, action.params, action.structures);
    if (mismatch) return { ok: false, error: apiError('InvalidParameter', `${mismatch.field}: expected ${mismatch.expected}`) };
  } else {
    params = readTextParams(call.params.flat, action.params, action.structures);
  }
  const [first] = validateParams(params, action.params, action.structures);
  if (first) {
    const message =
      first.code === 'MissingParameter' ? `The request is missing a required parameter \`${first.field}\`. (${first.message})` : first.code === 'UnknownParameter' ? `The parameter \`${first.field}\` is not recognized. (${first.message})` : first.message;
    return { ok: false, error: apiError(first.code, message) };
  }
  return { ok: true, params };
}

/**
 * A Tencent Cloud API 3.0 endpoint for iotcloud 2021-04-08 and trro 2022-03-25 over an in-memory state:
 * reads the call, authenticates it as the cloud does, resolves the action in the catalog, checks its parameters
 * against the catalog, and runs the action. Admin routes live under /_emulator.
 */
export function createEmulator(options: EmulatorOptions): Emulator {
  const state = options.state ?? createEmptyState();
  const credentials = options.credentials ?? [DEMO_CREDENTIAL];
  const crypto = options.crypto ?? nobleHashProvider;
  const keyCache = new SigningKeyCache();
  const knownServices = getCatalog().services.map((s) => s.service);
  const allowedOrigins = options.allowedOrigins ?? [];
  const diagnose = options.diagnose === false ? undefined : (options.diagnose ?? createEmulatorDiagnoser(crypto));

  function api(request: ReceivedRequest, nowMs: number, requestId: string): { body: string; changed: boolean } {
    const refuse = (error: ApiError) => ({ body: envelope(errorFields(error), requestId), changed: false });
    const read = readApiCall(request);
    if (!read.ok) return refuse(read.error);
    const call = read.call;
    const nowSeconds = Math.floor(nowMs / 1000);
    const auth = authenticateCall(call, request, { credentials, nowSeconds, crypto, keyCache, service: serviceOfVersion(call.version), knownServices, ...(diagnose ? { diagnose } : {}) });
    if (!auth.ok) return refuse(auth.error);
    const found = findEmulatedAction(call.version, call.action);
    if (!found.ok) return refuse(found.error);
    const action = found.action;
    if (call.region === undefined) return refuse(apiError('MissingParameter', `The request is missing a required parameter \`Region\`${call.auth.scheme === 'TC3-HMAC-SHA256' ? ' (X-TC-Region)' : ''}.`));
    if (action.regions.length > 0 && !action.regions.includes(call.region)) return refuse(apiError('UnsupportedRegion', `Region ${JSON.stringify(call.region)}: ${action.service} accepts ${action.regions.join(', ')}.`));
    const checked = checkParams(call, action);
    if (!checked.ok) return refuse(checked.error);
    const outcome = action.handler(state, checked.params, { nowMs, randomBytes: options.randomBytes });
    if (!outcome.ok) return refuse(outcome.error);
    return { body: envelope(outcome.response, requestId), changed: outcome.changed };
  }

  return {
    state,
    credentials,
    handle(request) {
      const origin = request.headers['origin'];
      if (origin !== undefined && !isOriginAllowed(origin, allowedOrigins)) {
        return { status: 403, headers: JSON_TYPE, body: JSON.stringify({ error: `origin ${origin} may not call the emulator; restart it with --allow-origin ${origin} to allow it` }), stateChanged: false };
      }
      const cors = origin !== undefined ? corsHeaders(origin) : {};
      if (request.method.toUpperCase() === 'OPTIONS') return { status: 204, headers: cors, body: '', stateChanged: false };
      const nowMs = options.now();
      const { path } = splitTarget(request.target);
      if (path === ADMIN_PREFIX || path.startsWith(ADMIN_PREFIX + '/')) {
        const admin = handleAdminRequest(request, state, credentials, nowMs);
        return { status: admin.status, headers: { ...JSON_TYPE, ...cors }, body: JSON.stringify(admin.body, null, 2), stateChanged: admin.changed };
      }
      const traceId = request.headers['x-tc-traceid'];
      const { body, changed } = api(request, nowMs, newRequestId(options.randomBytes));
      return { status: 200, headers: { ...JSON_TYPE, ...cors, ...(traceId ? { 'X-TC-TraceId': traceId } : {}) }, body, stateChanged: changed };
    },
  };
}
