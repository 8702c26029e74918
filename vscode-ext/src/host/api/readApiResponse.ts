/** What an API 3.0 answer says: data, a documented error, or something that is not an API 3.0 answer. */
export type ApiResponseReading =
  | { readonly kind: 'success'; readonly data: Readonly<Record<string, unknown>>; readonly requestId?: string }
  | { readonly kind: 'error'; readonly code: string; readonly message: string; readonly requestId?: string }
  | { readonly kind: 'invalid'; readonly message: string };

/**
 * Reads `{"Response": {...}}`: an `Error` inside means failure whatever the HTTP status (API 3.0 answers
 * errors with 200), no `Response` means the endpoint is not an API 3.0 service.
 */
export function readApiResponse(status: number, body: string): ApiResponseReading {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'invalid', message: `HTTP ${status}: the body is not JSON (${body.slice(0, 120) || 'empty'})` };
  }
  const response = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)['Response'] : undefined;
  if (typeof response !== 'object' || response === null || Array.isArray(response))
    return { kind: 'invalid', message: `HTTP ${status}: no "Response" object in the body` };
  const data = response as Record<string, unknown>;
  const requestId = typeof data['RequestId'] === 'string' ? data['RequestId'] : undefined;
  const error = data['Error'];
  if (typeof error === 'object' && error !== null) {
    const { Code, Message } = error as Record<string, unknown>;
    return {
      kind: 'error',
      code: typeof Code === 'string' ? Code : 'UnknownError',
      message: typeof Message === 'string' ? Message : '',
      ...(requestId ? { requestId } : {}),
    };
  }
  return { kind: 'success', data, ...(requestId ? { requestId } : {}) };
}
