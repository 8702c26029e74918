import type { HttpResponse, Transport } from '@iot-devkit/core';

/** Bounded: an endpoint that never answers must not hang a save or a tree expansion. */
const TIMEOUT_MS = 15_000;

/** The extension host's wire: Node's fetch, headers exactly as signed. */
export const fetchTransport: Transport = async (request): Promise<HttpResponse> => {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== '' ? { body: request.body } : {}),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, headers, body: await response.text() };
};
