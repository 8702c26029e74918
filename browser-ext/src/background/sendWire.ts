// Puts a signed request on the wire from the service worker. Host permissions cover the API domains and
// 127.0.0.1/localhost, so the browser sends it without CORS preflight checks on the server's side.
import { explainResponse, isSecretHeader, REDACTED } from '@iot-devkit/core';
import type { ResponseView, WireRequest } from '../protocol.js';

export type WireResult = { readonly response: ResponseView } | { readonly failure: string };

export async function sendWire(wire: WireRequest): Promise<WireResult> {
  // Host is a forbidden header for fetch: the browser writes it from the URL (port included).
  const headers = Object.fromEntries(Object.entries(wire.headers).filter(([name]) => name.toLowerCase() !== 'host'));
  const started = performance.now();
  let status: number;
  let body: string;
  let responseHeaders: Record<string, string>;
  try {
    const response = await fetch(wire.url, {
      method: wire.method,
      headers,
      ...(wire.method === 'GET' || wire.method === 'HEAD' ? {} : { body: wire.body }),
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'manual',
    });
    status = response.status;
    // A credential header (Set-Cookie) is never kept: history is on disk and the page has no use for it.
    responseHeaders = Object.fromEntries([...response.headers].map(([name, value]) => [name, isSecretHeader(name) ? REDACTED : value]));
    body = await response.text();
  } catch (error) {
    return {
      failure: `${wire.method} ${wire.url}: ${error instanceof Error ? error.message : String(error)} (is the server running, and is its host one the extension may reach?)`,
    };
  }
  const elapsedMs = Math.round(performance.now() - started);
  const { requestId, error } = explainResponse(body, 'browser');
  return {
    response: {
      status,
      // Whole: sendAndRecord redacts it, then cuts it to the size history keeps.
      body,
      headers: responseHeaders,
      elapsedMs,
      ...(requestId !== undefined ? { requestId } : {}),
      ...(error ? { error } : {}),
    },
  };
}
