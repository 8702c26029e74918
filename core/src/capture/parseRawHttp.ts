import { utf8DecodeStrict, utf8Encode } from '../encoding/bytes.js';
import { ABSOLUTE_HTTP_URL, captureError, captureOk, quoteInput, unencodablePart, type CapturedHeader, type CaptureResult } from './CapturedRequest.js';

const REQUEST_LINE = /^([A-Z]+) +(\S+)(?: +(HTTP\/\d(?:\.\d)?))? *$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// HTTP/2 pseudo-headers, as DevTools shows them for h2 requests.
const PSEUDO = new Set([':method', ':path', ':authority', ':scheme']);

/** A header value without the spaces and tabs around it (RFC 9110 OWS). A loop: /[ \t]+$/ rescans a run of spaces from every position in it (40,000 inner spaces took 1.4 s). */
function trimOptionalWhitespace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(start, end);
}

/** Splits the head from the body at the first empty line, keeping the body byte for byte (CRLF or LF alike). */
function splitHead(text: string): { head: string[]; body: string; hasBody: boolean } {
  const head: string[] = [];
  let i = 0;
  while (i <= text.length) {
    const newline = text.indexOf('\n', i);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(i, lineEnd).replace(/\r$/, '');
    if (line === '' && head.length > 0) return { head, body: newline === -1 ? '' : text.slice(newline + 1), hasBody: newline !== -1 };
    if (line !== '' || head.length > 0) head.push(line);
    if (newline === -1) break;
    i = newline + 1;
  }
  return { head, body: '', hasBody: false };
}

/** A pasted body often gains a trailing newline; Content-Length says how many bytes were really sent. */
function fitToContentLength(body: string, contentLength: string | undefined, notes: string[]): string {
  if (contentLength === undefined || !/^\d+$/.test(contentLength.trim())) return body;
  const length = Number(contentLength.trim());
  const bytes = utf8Encode(body);
  if (bytes.length === length) return body;
  if (bytes.length > length) {
    const cut = utf8DecodeStrict(bytes.slice(0, length));
    if (cut !== undefined && body.slice(cut.length).trim() === '') {
      notes.push(`the body was cut to Content-Length: ${length} bytes (the rest was trailing whitespace from pasting)`);
      return cut;
    }
  }
  notes.push(`Content-Length says ${length} bytes but the body has ${bytes.length}; the body is kept as pasted`);
  return body;
}

/**
 * Reads a raw HTTP/1.x request (DevTools "view source", Fiddler, Charles, Wireshark's "Follow HTTP stream"):
 * request line, headers, an empty line, the body. The target may be a path with a Host header or an absolute URL.
 */
export function parseRawHttp(text: string): CaptureResult {
  if (typeof text !== 'string') return captureError('raw HTTP: expected the request as text');
  const notes: string[] = [];
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const { head, body: rawBody, hasBody } = splitHead(input);
  const requestLine = head[0];
  if (requestLine === undefined) return captureError('raw HTTP: expected a request line such as "POST / HTTP/1.1" (the input is empty)');
  const match = REQUEST_LINE.exec(requestLine);
  if (!match) return captureError(`raw HTTP: line 1 should be METHOD SP target SP HTTP/1.1, got ${quoteInput(requestLine)}`);
  let method = match[1]!;
  let target = match[2]!;
  if (match[3] === undefined) notes.push('the request line has no HTTP version; HTTP/1.1 assumed');

  const headers: CapturedHeader[] = [];
  const pseudo = new Map<string, string>();
  for (let n = 1; n < head.length; n++) {
    const line = head[n]!;
    if (/^[ \t]/.test(line)) {
      // obs-fold: a continuation line belongs to the previous header's value.
      const last = headers.pop();
      if (last === undefined) return captureError(`raw HTTP: line ${n + 1} should be a header "Name: value", not a continuation of nothing`);
      headers.push({ name: last.name, value: `${last.value} ${line.trim()}` });
      continue;
    }
    const colon = line.startsWith(':') ? line.indexOf(':', 1) : line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : '';
    if (PSEUDO.has(name.toLowerCase())) {
      pseudo.set(name.toLowerCase(), line.slice(colon + 1).trim());
      continue;
    }
    if (!HEADER_NAME.test(name)) return captureError(`raw HTTP: line ${n + 1} should be a header "Name: value", got ${quoteInput(line)}`);
    headers.push({ name, value: trimOptionalWhitespace(line.slice(colon + 1)) });
  }
  if (pseudo.has(':method')) method = pseudo.get(':method')!;
  if (pseudo.has(':path')) target = pseudo.get(':path')!;

  const host = headers.find((h) => h.name.toLowerCase() === 'host')?.value ?? pseudo.get(':authority');
  let url: string;
  if (/^https?:\/\//i.test(target)) {
    url = target;
    const authority = /^https?:\/\/([^/?#]+)/i.exec(target)?.[1];
    if (host !== undefined && authority !== undefined && host.toLowerCase() !== authority.toLowerCase())
      notes.push(`the Host header (${host}) differs from the URL's host (${authority})`);
  } else if (target.startsWith('/')) {
    if (host === undefined || host === '')
      return captureError('raw HTTP: expected a Host header (or an absolute URL on line 1) to know which server the request went to');
    const scheme = pseudo.get(':scheme') ?? 'https';
    if (!pseudo.has(':scheme')) notes.push('the scheme is not in the request; https assumed');
    url = `${scheme}://${host}${target}`;
  } else {
    return captureError(`raw HTTP: line 1 should have a target starting with / or http(s)://, got ${quoteInput(target)}`);
  }
  if (!ABSOLUTE_HTTP_URL.test(url))
    return captureError(`raw HTTP: expected a URL such as https://iotcloud.tencentcloudapi.com/ from the request line and Host, got ${quoteInput(url)}`);

  let body = hasBody ? rawBody : '';
  const contentLength = headers.find((h) => h.name.toLowerCase() === 'content-length')?.value;
  body = fitToContentLength(body, contentLength, notes);
  if (headers.some((h) => h.name.toLowerCase() === 'transfer-encoding' && /chunked/i.test(h.value)))
    notes.push('Transfer-Encoding: chunked; the body is kept as pasted, chunk sizes included');
  const unencodable = unencodablePart({ method, url, headers, body });
  if (unencodable !== undefined) return captureError(`raw HTTP: ${unencodable}; expected text that can be sent as UTF-8`);
  return captureOk({ method, url, headers, body }, notes);
}
