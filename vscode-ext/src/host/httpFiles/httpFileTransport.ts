import type { HttpFileTransport } from '@iot-devkit/core';

/** Bounded like the extension's other calls: an endpoint that never answers must not hold the progress forever. */
const TIMEOUT_MS = 30_000;

/**
 * A .http request on the wire, through the extension host's fetch: headers exactly as signed except Host, which
 * fetch sets from the URL itself (the signature covers the same value); no redirect is followed, as the CLI does.
 */
export const httpFileTransport: HttpFileTransport = async (request) => {
  const response = await fetch(request.url, {
    method: request.method,
    headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'host')),
    ...(request.body !== '' && request.method !== 'GET' && request.method !== 'HEAD' ? { body: request.body } : {}),
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, headers, body: await response.text() };
};
