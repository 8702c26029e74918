import { describeLoneSurrogate, findLoneSurrogate } from '../encoding/findLoneSurrogate.js';
import { ABSOLUTE_HTTP_URL, captureError, captureOk, quoteInput, unencodablePart, type CapturedHeader, type CaptureResult } from './CapturedRequest.js';
import { splitShellWords } from './splitShellWords.js';

type DataKind = 'data' | 'raw' | 'binary' | 'urlencode' | 'json';

// The options that shape the request, in both spellings.
const SHORT: Record<string, string> = {
  X: 'request',
  H: 'header',
  d: 'data',
  A: 'user-agent',
  e: 'referer',
  b: 'cookie',
  F: 'form',
  T: 'upload-file',
  G: 'get',
  I: 'head',
  u: 'user',
  K: 'config',
};
const REQUEST_OPTIONS = new Set([
  'request',
  'header',
  'data',
  'data-ascii',
  'data-raw',
  'data-binary',
  'data-urlencode',
  'json',
  'url',
  'user-agent',
  'referer',
  'cookie',
  'form',
  'form-string',
  'upload-file',
  'user',
  'config',
]);
const REQUEST_FLAGS = new Set(['get', 'head']);
// Options that take a value but do not change what is sent (output, TLS, proxy, timing): skipped with their value.
const SKIPPED_WITH_VALUE = new Set([
  'output',
  'max-time',
  'connect-timeout',
  'proxy',
  'cacert',
  'capath',
  'cert',
  'cert-type',
  'key',
  'key-type',
  'pass',
  'write-out',
  'retry',
  'retry-delay',
  'retry-max-time',
  'cookie-jar',
  'resolve',
  'connect-to',
  'limit-rate',
  'range',
  'interface',
  'dump-header',
  'trace',
  'trace-ascii',
  'max-redirs',
  'proto',
  'proto-redir',
  'tls-max',
  'ciphers',
  'proxy-user',
  'noproxy',
  'stderr',
  'expect100-timeout',
  'keepalive-time',
  'speed-limit',
  'speed-time',
  'time-cond',
  'oauth2-bearer',
  'aws-sigv4',
  'dns-servers',
  'local-port',
  'unix-socket',
]);
const SKIPPED_SHORT_WITH_VALUE = new Set(['o', 'm', 'x', 'E', 'w', 'c', 'r', 'D', 'U', 'y', 'Y', 'z']);

interface CurlState {
  method?: string;
  urls: string[];
  headers: CapturedHeader[];
  removed: Set<string>;
  data: { kind: DataKind; value: string }[];
  get: boolean;
  head: boolean;
  notes: string[];
}

/** --data-urlencode's forms: content, =content, name=content (name@file is a file, refused by the caller). */
function urlencodeData(value: string): string {
  const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const eq = value.indexOf('=');
  if (eq === -1) return encode(value);
  if (eq === 0) return encode(value.slice(1));
  return `${value.slice(0, eq)}=${encode(value.slice(eq + 1))}`;
}

function addHeader(state: CurlState, text: string): string | undefined {
  if (text.startsWith('@')) return `-H ${quoteInput(text)} reads headers from a file, which a pasted command does not carry; expected -H 'Name: value'`;
  const colon = text.indexOf(':');
  const semicolon = text.indexOf(';');
  if (colon <= 0 && !(semicolon > 0 && semicolon === text.length - 1)) return `expected -H 'Name: value', got ${quoteInput(text)}`;
  if (colon === -1) {
    // "Name;" is curl's way to send a header with an empty value.
    state.headers.push({ name: text.slice(0, -1), value: '' });
    return undefined;
  }
  const name = text.slice(0, colon);
  const value = text.slice(colon + 1).replace(/^[ \t]+/, '');
  if (value.trim() === '') {
    // "Name:" removes the header curl would add by itself (e.g. its default Content-Type).
    state.removed.add(name.trim().toLowerCase());
    state.headers = state.headers.filter((h) => h.name.trim().toLowerCase() !== name.trim().toLowerCase());
    return undefined;
  }
  state.headers.push({ name, value });
  return undefined;
}

function applyOption(state: CurlState, option: string, value: string): string | undefined {
  switch (option) {
    case 'request':
      state.method = value;
      return undefined;
    case 'header':
      return addHeader(state, value);
    case 'data':
    case 'data-ascii':
    case 'data-binary':
    case 'json':
      if (value.startsWith('@'))
        return `--${option} ${quoteInput(value)} reads the body from a file, which a pasted command does not carry; expected the body inline, e.g. --data-raw '{"Limit":10}'`;
      state.data.push({ kind: option === 'json' ? 'json' : option === 'data-binary' ? 'binary' : 'data', value });
      return undefined;
    case 'data-raw':
      state.data.push({ kind: 'raw', value });
      return undefined;
    case 'data-urlencode': {
      if (/^[^=]*@/.test(value)) return `--data-urlencode ${quoteInput(value)} reads a file; expected name=value inline`;
      // encodeURIComponent throws a bare URIError on a lone surrogate; say which option holds it instead.
      const lone = findLoneSurrogate(value);
      if (lone !== -1) return `--data-urlencode ${quoteInput(value)} has ${describeLoneSurrogate(value, lone)}; expected text that can be sent as UTF-8`;
      state.data.push({ kind: 'urlencode', value: urlencodeData(value) });
      return undefined;
    }
    case 'url':
      state.urls.push(value);
      return undefined;
    case 'user-agent':
      state.headers.push({ name: 'User-Agent', value });
      return undefined;
    case 'referer':
      state.headers.push({ name: 'Referer', value });
      return undefined;
    case 'cookie':
      if (value.includes('=')) state.headers.push({ name: 'Cookie', value });
      else state.notes.push(`-b ${value} names a cookie file; its cookies are not in the captured request`);
      return undefined;
    case 'user':
      state.notes.push('-u (basic auth) ignored: Tencent Cloud API requests authenticate with the Authorization TC3 header or the v1 Signature parameter');
      return undefined;
    case 'form':
    case 'form-string':
      return `-F builds a multipart body whose boundary curl picks at random, so the bytes that were signed cannot be rebuilt; expected the request as raw HTTP or a HAR entry instead`;
    case 'upload-file':
      return `-T uploads a file, which a pasted command does not carry; expected the body inline with --data-raw`;
    case 'config':
      return `-K reads options from a file, which a pasted command does not carry; expected every option inline`;
  }
  return undefined;
}

function bodyOf(state: CurlState): string {
  // curl joins the pieces of repeated -d options with &; --json pieces are concatenated as they are.
  const onlyJson = state.data.every((d) => d.kind === 'json');
  return state.data.map((d) => d.value).join(onlyJson ? '' : '&');
}

/**
 * Reads a curl command (as DevTools' "Copy as cURL (bash)", Postman or the docs write it) into the request curl
 * would send: method, URL, headers in order, body. Includes the Content-Type curl adds by itself with -d, since a
 * signature must cover the header actually sent.
 */
export function parseCurl(text: string): CaptureResult {
  if (typeof text !== 'string') return captureError('curl: expected the command as text');
  const trimmed = text
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^\$\s+/, '');
  if (/\^"/.test(trimmed) && /\^\r?\n/.test(trimmed))
    return captureError('curl: this looks like a Windows cmd copy (^" quoting); expected a bash/POSIX curl command, e.g. DevTools "Copy as cURL (bash)"');
  const split = splitShellWords(trimmed);
  if (!split.ok) return captureError(`curl: ${split.error}`);
  const [first, ...rest] = split.words;
  if (first === undefined || !/^curl(\.exe)?$/i.test(first.replace(/^.*[\\/]/, '')))
    return captureError(`curl: expected the command to start with curl, got ${quoteInput(first ?? '')}`);
  const state: CurlState = { urls: [], headers: [], removed: new Set(), data: [], get: false, head: false, notes: [] };
  if (split.stoppedAt) state.notes.push(`ignored what follows the command: ${quoteInput(split.stoppedAt, 30)}`);
  let lastOption = 'curl';

  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    if (word.startsWith('--') && word.length > 2) {
      const option = word.slice(2);
      if (REQUEST_FLAGS.has(option)) {
        if (option === 'get') state.get = true;
        else state.head = true;
      } else if (REQUEST_OPTIONS.has(option) || SKIPPED_WITH_VALUE.has(option)) {
        const value = rest[++i];
        if (value === undefined) return captureError(`curl: expected a value after ${word}`);
        if (REQUEST_OPTIONS.has(option)) {
          const error = applyOption(state, option, value);
          if (error) return captureError(`curl: ${error}`);
        }
      } else {
        state.notes.push(`ignored option ${word}`);
      }
      lastOption = word + (REQUEST_OPTIONS.has(option) ? ` ${rest[i] ?? ''}` : '');
    } else if (word.startsWith('-') && word.length > 1) {
      // A cluster of short options: -sSL, -XPOST, -H'Name: value'.
      for (let j = 1; j < word.length; j++) {
        const letter = word[j]!;
        const long = SHORT[letter];
        if (long === 'get' || long === 'head') {
          if (long === 'get') state.get = true;
          else state.head = true;
          continue;
        }
        if (long !== undefined || SKIPPED_SHORT_WITH_VALUE.has(letter)) {
          const attached = word.slice(j + 1);
          const value = attached !== '' ? attached : rest[++i];
          if (value === undefined) return captureError(`curl: expected a value after -${letter}`);
          if (long !== undefined) {
            const error = applyOption(state, long, value);
            if (error) return captureError(`curl: ${error}`);
          }
          lastOption = `-${letter} ${value}`;
          break;
        }
      }
    } else {
      state.urls.push(word);
      lastOption = word;
    }
  }

  if (state.urls.length === 0) return captureError(`curl: expected a URL after ${quoteInput(lastOption)}, e.g. https://iotcloud.tencentcloudapi.com/`);
  if (state.urls.length > 1)
    return captureError(
      `curl: expected one URL, found ${state.urls.length}: ${state.urls.map((u) => quoteInput(u, 40)).join(', ')} (an unknown option before one of them may take a value)`,
    );
  let url = state.urls[0]!;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    url = `http://${url}`;
    state.notes.push('the URL has no scheme; curl uses http://');
  }
  if (!ABSOLUTE_HTTP_URL.test(url)) return captureError(`curl: expected an http(s) URL such as https://iotcloud.tencentcloudapi.com/, got ${quoteInput(url)}`);

  let body = bodyOf(state);
  const hasData = state.data.length > 0;
  if (state.get && hasData) {
    url += (url.includes('?') ? '&' : '?') + body;
    body = '';
  }
  const method = state.method ?? (state.head ? 'HEAD' : hasData && !state.get ? 'POST' : 'GET');
  if (!/^[A-Za-z]+$/.test(method)) return captureError(`curl: expected a method such as POST after -X, got ${quoteInput(method)}`);
  const headers = [...state.headers];
  const hasHeader = (name: string) => headers.some((h) => h.name.trim().toLowerCase() === name) || state.removed.has(name);
  if (hasData && !state.get) {
    const json = state.data.some((d) => d.kind === 'json');
    if (json && !hasHeader('accept')) headers.push({ name: 'Accept', value: 'application/json' });
    if (!hasHeader('content-type')) {
      const type = json ? 'application/json' : 'application/x-www-form-urlencoded';
      headers.push({ name: 'Content-Type', value: type });
      state.notes.push(`no Content-Type was given, so curl sends Content-Type: ${type}`);
    }
  }
  const unencodable = unencodablePart({ method, url, headers, body });
  if (unencodable !== undefined) return captureError(`curl: ${unencodable}; expected text that can be sent as UTF-8`);
  return captureOk({ method, url, headers, body }, state.notes);
}
