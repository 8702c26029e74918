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

// Parsed by hand rather than with WHATWG URL: URL lowercases the host and re-encodes the query,
// which would hide precisely the differences a signature diagnosis has to see.
const URL_PATTERN = /^(https?):\/\/([^/?#\s]+)([^?#\s]*)(?:\?([^#\s]*))?(?:#.*)?$/i;

export function parseRequestUrl(url: string, field = 'url'): RequestUrl {
  const match = URL_PATTERN.exec(url.trim());
  if (!match) throw new SigningInputError(field, `an absolute http(s) URL such as https://iotcloud.tencentcloudapi.com/, got ${JSON.stringify(url)}`);
  const [, scheme = '', host = '', path = '', query = ''] = match;
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
  return { scheme: scheme.toLowerCase(), host, hostname, path: path || '/', query };
}
