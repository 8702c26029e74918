import { importRequest, type ApiRequest, type CapturedRequest } from '@iot-devkit/core';
import type { ActionRequestSpec, RawRequestSpec, RequestSpec } from '../protocol.js';

// HTTP/2 pseudo-headers (:authority, :method…) appear in Chrome's HAR; they were never signed or sent as headers.
export const withoutPseudoHeaders = (request: CapturedRequest): CapturedRequest => ({
  ...request,
  headers: request.headers.filter((h) => !h.name.startsWith(':')),
});

/** An imported API 3.0 call as the extension's action call, to re-sign with a fresh timestamp. */
export const actionSpecOf = (call: ApiRequest): ActionRequestSpec => ({
  kind: 'action',
  service: call.service,
  version: call.version,
  action: call.action,
  region: call.region ?? '',
  params: call.params,
  method: call.method ?? 'POST',
  ...(call.endpoint ? { endpoint: call.endpoint } : {}),
});

/** A request resent exactly as captured (OneNET's api-key, MXCHIP's Bearer token: not per-request signatures). */
export const rawSpecOf = (request: CapturedRequest): RawRequestSpec => ({
  kind: 'raw',
  method: request.method,
  url: request.url,
  headers: Object.fromEntries(request.headers.map((h) => [h.name, h.value])),
  body: request.body,
});

/**
 * A request observed in DevTools as something the extension can send again: API 3.0 calls become action calls to
 * re-sign with a fresh timestamp; anything else is resent as it was. (A paste is read more strictly, by
 * readPastedRequest: there only a catalog action is re-signed.)
 */
export function capturedToSpec(captured: CapturedRequest): RequestSpec {
  const request = withoutPseudoHeaders(captured);
  const imported = importRequest(request);
  return imported.ok ? actionSpecOf(imported.request) : rawSpecOf(request);
}
