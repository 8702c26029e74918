import { setOwnProperty } from '../encoding/setOwnProperty.js';
import { describeLoneSurrogate, findLoneSurrogate } from '../encoding/findLoneSurrogate.js';

/** One header as it went over the wire: name in its original case, value untouched. */
export interface CapturedHeader {
  readonly name: string;
  readonly value: string;
}

/**
 * A request as a developer captured it (curl command, raw HTTP, HAR entry): exactly what was sent, nothing
 * normalized, because a signature diagnosis has to see the very bytes and order the server saw.
 */
export interface CapturedRequest {
  readonly method: string;
  /** Absolute http(s) URL, query as sent (already percent-encoded). */
  readonly url: string;
  /** Headers in the order they were sent; a name may repeat. */
  readonly headers: readonly CapturedHeader[];
  readonly body: string;
}

/**
 * What every capture parser returns: never throws. `notes` say what the parser assumed (a default header curl adds,
 * a scheme it guessed), `error` says what was expected where the input stopped making sense.
 */
export type CaptureResult =
  | {
      readonly ok: true;
      readonly request: CapturedRequest;
      readonly notes: readonly string[];
      /** When the capture says the request was sent (HAR startedDateTime), Unix seconds. */ readonly sentAt?: number;
    }
  | { readonly ok: false; readonly error: string };

export const captureOk = (request: CapturedRequest, notes: readonly string[] = []): CaptureResult => ({ ok: true, request, notes });
export const captureError = (error: string): CaptureResult => ({ ok: false, error });

/** The first header of that name, case-insensitively (as HTTP compares names). */
export function capturedHeader(request: Pick<CapturedRequest, 'headers'>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return request.headers.find((h) => h.name.trim().toLowerCase() === wanted)?.value;
}

/** Headers as a name → value record for the signers; the first of a repeated name wins, as findHeader would pick. */
export function capturedHeaderRecord(request: Pick<CapturedRequest, 'headers'>): Record<string, string> {
  const record: Record<string, string> = {};
  const seen = new Set<string>();
  for (const { name, value } of request.headers) {
    const key = name.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    setOwnProperty(record, name, value);
  }
  return record;
}

/**
 * Which part of a parsed request cannot be sent as UTF-8 (a lone surrogate, from a $'\uD800' escape or a broken
 * paste), named for the message, or undefined when every part can. The signers would refuse it later with less
 * context; the parser says which header or whether it is the body.
 */
export function unencodablePart(request: CapturedRequest): string | undefined {
  const check = (text: string, what: string) => {
    const at = findLoneSurrogate(text);
    return at === -1 ? undefined : `${what} has ${describeLoneSurrogate(text, at)}`;
  };
  let problem = check(request.method, 'the method') ?? check(request.url, 'the URL');
  for (const { name, value } of request.headers)
    problem ??= check(name, `a header name (${quoteInput(name, 30)})`) ?? check(value, `the value of header ${quoteInput(name, 30)}`);
  return problem ?? check(request.body, 'the body');
}

/** Quotes a piece of the input for an error message, shortened so one line stays one line. */
export function quoteInput(text: string, max = 60): string {
  const shown = text.length > max ? text.slice(0, max) + '…' : text;
  return JSON.stringify(shown);
}

/**
 * Scheme + authority, the minimum a captured URL must have to be sent anywhere. Linear despite the backtracking
 * engine: anchored once, the userinfo part cannot cross "@", and where the host run gives back a character the next
 * part fails at once (":" / "/?#" / end), so no stretch of the text is scanned twice per start.
 */
export const ABSOLUTE_HTTP_URL = /^https?:\/\/(?:[^\s/?#@]*@)?(?:[A-Za-z0-9_.~-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?(?:[/?#]\S*)?$/i;
