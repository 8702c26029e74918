import { SigningInputError } from './SigningInputError.js';

export interface RequestUrl {
  readonly scheme: string;
  /** Host exactly as written, port included when present. */
  readonly host: string;
  /** Host without the port, as the official SDK signs it. */
  readonly hostname: string;
  readonly path: string;
  /** The raw query after '?', exactly as it will be sent (already percent-encoded). */
  readonly query: string;
}

// Parsed by hand rather than with WHATWG URL: URL lowercases the host and re-encodes the query, which would hide
// precisely the differences a signature diagnosis has to see. Read with indexOf, not one regex: the pattern it
// replaces backtracked between host and path (40,000 characters took 3 s).
const isWhitespace = (code: number) =>
  code === 0x20 ||
  (code >= 0x09 && code <= 0x0d) ||
  code === 0xa0 ||
  code === 0xfeff ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000;
const hasWhitespace = (text: string) => {
  for (let i = 0; i < text.length; i++) if (isWhitespace(text.charCodeAt(i))) return true;
  return false;
};

export function parseRequestUrl(url: string, field = 'url'): RequestUrl {
  const refuse = () =>
    new SigningInputError(
      field,
      `an absolute http(s) URL such as https://iotcloud.tencentcloudapi.com/, got ${JSON.stringify(typeof url === 'string' && url.length > 200 ? url.slice(0, 200) + '…' : url)}`,
    );
  if (typeof url !== 'string') throw refuse();
  const text = url.trim();
  const separator = text.indexOf('://');
  const scheme = separator === -1 ? '' : text.slice(0, separator).toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') throw refuse();
  const hash = text.indexOf('#', separator + 3);
  // Everything before the fragment is sent, so it must be free of whitespace; the fragment is never sent.
  const sent = hash === -1 ? text.slice(separator + 3) : text.slice(separator + 3, hash);
  if (hasWhitespace(sent)) throw refuse();
  let hostEnd = sent.length;
  for (let i = 0; i < sent.length; i++) {
    const c = sent[i];
    if (c === '/' || c === '?') {
      hostEnd = i;
      break;
    }
  }
  const host = sent.slice(0, hostEnd);
  if (host === '') throw refuse();
  const rest = sent.slice(hostEnd);
  const question = rest.indexOf('?');
  const path = question === -1 ? rest : rest.slice(0, question);
  const query = question === -1 ? '' : rest.slice(question + 1);
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : withoutPort(host);
  return { scheme, host, hostname, path: path || '/', query };
}

/** "host:443" → "host"; a colon followed by anything but digits is kept, as the pattern before this did. */
function withoutPort(host: string): string {
  const colon = host.lastIndexOf(':');
  if (colon === -1) return host;
  for (let i = colon + 1; i < host.length; i++) if (host.charCodeAt(i) < 0x30 || host.charCodeAt(i) > 0x39) return host;
  return host.slice(0, colon);
}
