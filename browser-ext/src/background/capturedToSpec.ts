import { importRequest, type CapturedRequest } from '@iot-devkit/core';
import type { RequestSpec } from '../protocol.js';

// HTTP/2 pseudo-headers (:authority, :method…) appear in Chrome's HAR; they were never signed or sent as headers.
const realHeaders = (request: CapturedRequest) => request.headers.filter((h) => !h.name.startsWith(':'));

/**
 * A captured request (pasted curl or raw HTTP, or observed in DevTools) as something the extension can send
 * again: API 3.0 calls become action calls to re-sign with a fresh timestamp; anything else (OneNET's api-key,
 * MXCHIP's Bearer token) is resent as it was, its credential not being a per-request signature.
 */
export function capturedToSpec(captured: CapturedRequest): RequestSpec {
  const request = { ...captured, headers: realHeaders(captured) };
  const imported = importRequest(request);
  if (imported.ok) {
    const call = imported.request;
    return { kind: 'action', service: call.service, version: call.version, action: call.action, region: call.region ?? '', params: call.params, method: call.method ?? 'POST', ...(call.endpoint ? { endpoint: call.endpoint } : {}) };
  }
  return { kind: 'raw', method: request.method, url: request.url, headers: Object.fromEntries(request.headers.map((h) => [h.name, h.value])), body: request.body };
}
