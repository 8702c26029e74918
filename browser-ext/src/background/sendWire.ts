// Puts a signed request on the wire from the service worker. Host permissions cover the API domains and
// 127.0.0.1/localhost, so the browser sends it without CORS preflight checks on the server's side.
import type { ResponseView, WireRequest } from '../protocol.js';
import { explainResponse } from './explainResponse.js';

export type WireResult = { readonly response: ResponseView } | { readonly failure: string };

/** API 3.0 responses are at most 10 MB; history keeps the first 256 KB of a body so storage stays small. */
const KEPT_BODY_CHARS = 256 * 1024;

export async function sendWire(wire: WireRequest): Promise<WireResult> {
  // Host is a forbidden header for fetch: the browser writes it from the URL (port included).
  const headers = Object.fromEntries(Object.entries(wire.headers).filter(([name]) => name.toLowerCase() !== 'host'));
  const started = performance.now();
  let status: number;
  let body: string;
  try {
    const response = await fetch(wire.url, { method: wire.method, headers, ...(wire.method === 'GET' || wire.method === 'HEAD' ? {} : { body: wire.body }), credentials: 'omit', cache: 'no-store', redirect: 'manual' });
    status = response.status;
    body = await response.text();
  } catch (error) {
    return { failure: `${wire.method} ${wire.url}: ${error instanceof Error ? error.message : String(error)} (is the server running, and is its host one the extension may reach?)` };
  }
  const elapsedMs = Math.round(performance.now() - started);
  const { requestId, error } = explainResponse(body);
  return {
    response: {
      status,
      body: body.length > KEPT_BODY_CHARS ? `${body.slice(0, KEPT_BODY_CHARS)}\n… (${body.length - KEPT_BODY_CHARS} more characters not kept)` : body,
      elapsedMs,
      ...(requestId !== undefined ? { requestId } : {}),
      ...(error ? { error } : {}),
    },
  };
}
