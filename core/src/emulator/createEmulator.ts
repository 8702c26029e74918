import { catalogIndex } from '../catalog/catalog.js';
import type { HashProvider } from '../crypto/HashProvider.js';
import { nobleHashProvider } from '../crypto/nobleHashProvider.js';
import { parseJsonBounded } from '../encoding/parseJsonBounded.js';
import { validateParams } from '../request/validateParams.js';
import { SigningKeyCache } from '../signing/tc3/deriveSigningKey.js';
import { ADMIN_PREFIX, handleAdminRequest } from './adminRoutes.js';
import { API_PARAMS_MAX_DEPTH } from './apiParamsMaxDepth.js';
import { authenticateCall, MAX_CLOCK_SKEW_SECONDS, type SignatureDiagnoser } from './authenticateCall.js';
import { checkCaller, type CallerRefusal } from './checkCaller.js';
import { corsHeaders } from './corsPolicy.js';
import { DEMO_CREDENTIAL, type EmulatorCredential } from './EmulatorCredential.js';
import { apiError, splitTarget, type ApiError, type EmulatorResponse, type ReceivedRequest } from './EmulatorHttp.js';
import { createEmptyState, type EmulatorState } from './EmulatorState.js';
import { createEmulatorDiagnoser } from './emulatorDiagnoser.js';
import { findEmulatedAction, serviceOfVersion, type EmulatedAction } from './emulatedActions.js';
import { findJsonTypeMismatch } from './findJsonTypeMismatch.js';
import { formatReadableJson } from './formatReadableJson.js';
import { readApiCall, type ApiCall } from './readApiCall.js';
import { readTextParams } from './readTextParams.js';
import { newRequestId } from './requestId.js';
import { SeenSignatures } from './seenSignatures.js';
import { toBase64 } from '../encoding/bytes.js';
import type { BrokerEffect } from '../mqtt/BrokerEffect.js';

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
  /** Host header values it answers (servedHosts); without them, any loopback name on any port. Others get 403. */
  readonly servedHosts?: readonly string[];
  /** How long PublishRRPCMessage waits for the device (the cloud documents no figure; default 5 s). */
  readonly rrpcTimeoutMs?: number;
}

export interface Emulator {
  readonly state: EmulatorState;
  readonly credentials: readonly EmulatorCredential[];
  /** Answers one HTTP request. Pure apart from the state it owns: no I/O, no clock or randomness of its own. */
  handle(request: ReceivedRequest): EmulatorResponse;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };

/** PublishRRPCMessage's wait for the device when the host sets none: the emulator's choice (the doc names no figure). */
export const DEFAULT_RRPC_TIMEOUT_MS = 5000;

/** Admin answers are read by people (curl): indented as far as a shadow's own keys, compact below (see formatReadableJson). */
const ADMIN_INDENTED_LEVELS = 8;

/** The API 3.0 envelope: {"Response": {...fields, "RequestId"}} — HTTP 200 even for errors, as the doc says. */
function envelope(fields: Record<string, unknown> | { Error: { Code: string; Message: string } }, requestId: string): string {
  return JSON.stringify({ Response: { ...fields, RequestId: requestId } });
}

const errorFields = (error: ApiError) => ({ Error: { Code: error.code, Message: error.message } });

function checkParams(call: ApiCall, action: EmulatedAction): { ok: true; params: Record<string, unknown> } | { ok: false; error: ApiError } {
  let params: Record<string, unknown>;
  if (call.params.kind === 'json') {
    const read = parseJsonBounded(call.params.bodyText === '' ? '{}' : call.params.bodyText, 'body', { maxDepth: API_PARAMS_MAX_DEPTH });
    if (!read.ok) return { ok: false, error: apiError('InvalidParameter', read.message) };
    const parsed = read.value;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return { ok: false, error: apiError('InvalidParameter', 'body: expected a JSON object of parameters') };
    params = parsed as Record<string, unknown>;
    const mismatch = findJsonTypeMismatch(params, action.params, action.structures);
    if (mismatch) return { ok: false, error: apiError('InvalidParameter', `${mismatch.field}: expected ${mismatch.expected}`) };
  } else {
    // "A.B.0.C=v" nests one level per dot: the same limit as a JSON body, counted before the value is built.
    const deep = call.params.flat.find(([name]) => name.split('.', API_PARAMS_MAX_DEPTH + 1).length > API_PARAMS_MAX_DEPTH);
    if (deep)
      return {
        ok: false,
        error: apiError(
          'InvalidParameter',
          `${JSON.stringify(deep[0].slice(0, 60) + '…')}: nested more than ${API_PARAMS_MAX_DEPTH} levels deep; at most ${API_PARAMS_MAX_DEPTH} levels of dotted names are accepted`,
        ),
      };
    params = readTextParams(call.params.flat, action.params, action.structures);
  }
  const [first] = validateParams(params, action.params, action.structures);
  if (first) {
    const message =
      first.code === 'MissingParameter'
        ? `The request is missing a required parameter \`${first.field}\`. (${first.message})`
        : first.code === 'UnknownParameter'
          ? `The parameter \`${first.field}\` is not recognized. (${first.message})`
          : first.message;
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
  const knownServices = catalogIndex().services.map((s) => s.service);
  const allowedOrigins = options.allowedOrigins ?? [];
  const diagnose = options.diagnose === false ? undefined : (options.diagnose ?? createEmulatorDiagnoser(crypto));
  const seenV1Requests = new SeenSignatures(MAX_CLOCK_SKEW_SECONDS);
  const rrpcTimeoutMs = options.rrpcTimeoutMs ?? DEFAULT_RRPC_TIMEOUT_MS;
  const callerPolicy = { allowedOrigins, ...(options.servedHosts ? { servedHosts: options.servedHosts } : {}) };

  /** 403 with no effect: in the API's error shape for API paths, in the admin routes' shape under /_emulator. */
  function refuseCaller(refusal: CallerRefusal, isAdmin: boolean): EmulatorResponse {
    const body = isAdmin
      ? formatReadableJson({ error: refusal.message }, ADMIN_INDENTED_LEVELS)
      : envelope(errorFields(apiError('UnauthorizedOperation', refusal.message)), newRequestId(options.randomBytes));
    return { status: 403, headers: JSON_TYPE, body, stateChanged: false };
  }

  function api(
    request: ReceivedRequest,
    nowMs: number,
    requestId: string,
  ): { body: string; changed: boolean; effects?: EmulatorResponse['effects']; awaitRrpc?: EmulatorResponse['awaitRrpc'] } {
    const refuse = (error: ApiError) => ({ body: envelope(errorFields(error), requestId), changed: false });
    const read = readApiCall(request);
    if (!read.ok) return refuse(read.error);
    const call = read.call;
    const nowSeconds = Math.floor(nowMs / 1000);
    const auth = authenticateCall(call, request, {
      credentials,
      nowSeconds,
      crypto,
      keyCache,
      service: serviceOfVersion(call.version),
      knownServices,
      seenV1Requests,
      ...(diagnose ? { diagnose } : {}),
    });
    if (!auth.ok) return refuse(auth.error);
    const found = findEmulatedAction(call.version, call.action);
    if (!found.ok) return refuse(found.error);
    const action = found.action;
    if (call.region === undefined)
      return refuse(
        apiError(
          'MissingParameter',
          `The request is missing a required parameter \`Region\`${call.auth.scheme === 'TC3-HMAC-SHA256' ? ' (X-TC-Region)' : ''}.`,
        ),
      );
    if (action.regions.length > 0 && !action.regions.includes(call.region))
      return refuse(apiError('UnsupportedRegion', `Region ${JSON.stringify(call.region)}: ${action.service} accepts ${action.regions.join(', ')}.`));
    const checked = checkParams(call, action);
    if (!checked.ok) return refuse(checked.error);
    const effects: BrokerEffect[] = [];
    const outcome = action.handler(state, checked.params, { nowMs, randomBytes: options.randomBytes, effects, rrpcTimeoutMs });
    if (!outcome.ok) return refuse(outcome.error);
    const rrpc = effects.find((e) => e.kind === 'rrpc');
    return {
      body: envelope(outcome.response, requestId),
      changed: outcome.changed,
      ...(effects.length > 0 ? { effects } : {}),
      ...(rrpc
        ? {
            awaitRrpc: {
              messageId: rrpc.messageId,
              timeoutMs: rrpc.timeoutMs,
              complete: (reply: Uint8Array | undefined) =>
                envelope(
                  reply === undefined
                    ? errorFields(
                        apiError(
                          'FailedOperation.RRPCTimeout',
                          `device ${rrpc.productId}/${rrpc.deviceName} did not reply on $rrpc/txd/${rrpc.productId}/${rrpc.deviceName}/${rrpc.messageId} within ${rrpc.timeoutMs} ms`,
                        ),
                      )
                    : { MessageId: rrpc.messageId, PayloadBase64: toBase64(reply) },
                  requestId,
                ),
            },
          }
        : {}),
    };
  }

  return {
    state,
    credentials,
    handle(request) {
      const { path } = splitTarget(request.target);
      const isAdmin = path === ADMIN_PREFIX || path.startsWith(ADMIN_PREFIX + '/');
      const refusal = checkCaller(request.headers, callerPolicy);
      if (refusal) return refuseCaller(refusal, isAdmin);
      const origin = request.headers['origin'];
      const cors = origin !== undefined ? corsHeaders(origin) : {};
      if (request.method.toUpperCase() === 'OPTIONS') return { status: 204, headers: cors, body: '', stateChanged: false };
      const nowMs = options.now();
      if (isAdmin) {
        const admin = handleAdminRequest(request, state, credentials, nowMs);
        return {
          status: admin.status,
          headers: { ...JSON_TYPE, ...cors },
          body: formatReadableJson(admin.body, ADMIN_INDENTED_LEVELS),
          stateChanged: admin.changed,
        };
      }
      const traceId = request.headers['x-tc-traceid'];
      const { body, changed, effects, awaitRrpc } = api(request, nowMs, newRequestId(options.randomBytes));
      return {
        status: 200,
        headers: { ...JSON_TYPE, ...cors, ...(traceId ? { 'X-TC-TraceId': traceId } : {}) },
        body,
        stateChanged: changed,
        ...(effects ? { effects } : {}),
        ...(awaitRrpc ? { awaitRrpc } : {}),
      };
    },
  };
}
