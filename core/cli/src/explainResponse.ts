/** One line a person reads after a sent request: success, or the error code with its meaning. */
export function explainResponse(body: string): { ok: boolean; text: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, text: 'response: not JSON, so not an API 3.0 answer (a proxy or a wrong endpoint?)' };
  }
  const response = (parsed as { Response?: { Error?: { Code?: string; Message?: string }; RequestId?: string } }).Response;
  if (!response) return { ok: false, text: 'response: no "Response" object, so not an API 3.0 answer' };
  if (response.Error) return { ok: false, text: `error ${response.Error.Code ?? '(no code)'}: ${response.Error.Message ?? ''} (RequestId ${response.RequestId ?? '-'})` };
  return { ok: true, text: `ok (RequestId ${response.RequestId ?? '-'})` };
}
