import { ABSOLUTE_HTTP_URL, captureError, captureOk, quoteInput, unencodablePart, type CapturedHeader, type CaptureResult } from './CapturedRequest.js';
import { parseJsonBounded, valueDepthExceeds } from '../encoding/parseJsonBounded.js';

// A HAR log's request is 5 levels down (log.entries[].request.postData.params[]); values below that are not read.
const HAR_MAX_DEPTH = 64;

/**
 * The items of an array by index. A parsed value may come through structured clone from a page, where an array can
 * carry own properties such as "constructor" or "entries" that break .map() and .entries(); length and indexes cannot.
 */
function itemsOf(array: readonly unknown[]): unknown[] {
  const items: unknown[] = [];
  for (let i = 0; i < array.length; i++) items.push(array[i]);
  return items;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface HarOptions {
  /** Which entry to take from a whole log; default the first one to *.tencentcloudapi.com, else the first. */
  readonly index?: number;
}

/** The request objects of a HAR log, an entry, or a bare request; a message when the shape is none of them. */
function requestsOf(value: unknown): { requests: unknown[]; path: (i: number) => string } | string {
  if (isObject(value) && isObject(value['log'])) {
    const entries = value['log']['entries'];
    if (!Array.isArray(entries)) return 'HAR: expected log.entries to be an array of entries';
    return { requests: itemsOf(entries).map((e) => (isObject(e) ? e['request'] : undefined)), path: (i) => `log.entries[${i}].request` };
  }
  if (isObject(value) && Array.isArray(value['entries']))
    return { requests: itemsOf(value['entries']).map((e) => (isObject(e) ? e['request'] : undefined)), path: (i) => `entries[${i}].request` };
  if (isObject(value) && isObject(value['request'])) return { requests: [value['request']], path: () => 'request' };
  if (isObject(value) && 'method' in value && 'url' in value) return { requests: [value], path: () => 'request' };
  if (Array.isArray(value)) return { requests: itemsOf(value).map((e) => (isObject(e) && isObject(e['request']) ? e['request'] : e)), path: (i) => `[${i}]` };
  return 'HAR: expected a HAR log {"log":{"entries":[…]}}, one entry {"request":{…}} or a request {"method","url","headers"}';
}

const hostOf = (url: unknown) => (typeof url === 'string' ? /^https?:\/\/(?:[^/?#@]*@)?([^/?#:]+)/i.exec(url)?.[1]?.toLowerCase() : undefined);
const isTencentApi = (request: unknown) => isObject(request) && /(^|\.)tencentcloudapi\.com$/.test(hostOf(request['url']) ?? '');

function readRequest(request: unknown, path: string, notes: string[]): CaptureResult {
  if (!isObject(request)) return captureError(`HAR: ${path} should be an object with method, url and headers`);
  const { method, url, headers, postData } = request;
  if (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method))
    return captureError(`HAR: ${path}.method should be a method such as "POST", got ${quoteInput(JSON.stringify(method) ?? 'nothing')}`);
  if (typeof url !== 'string' || !ABSOLUTE_HTTP_URL.test(url))
    return captureError(`HAR: ${path}.url should be an absolute http(s) URL, got ${quoteInput(JSON.stringify(url) ?? 'nothing')}`);
  if (headers !== undefined && !Array.isArray(headers)) return captureError(`HAR: ${path}.headers should be an array of {"name","value"}`);
  const captured: CapturedHeader[] = [];
  let pseudo = 0;
  for (const [i, header] of itemsOf(headers ?? []).entries()) {
    if (!isObject(header) || typeof header['name'] !== 'string' || typeof header['value'] !== 'string')
      return captureError(`HAR: ${path}.headers[${i}] should be {"name": string, "value": string}`);
    // h2 pseudo-headers (:authority, :path…) are not headers a signer sees; the URL already carries them.
    if (header['name'].startsWith(':')) pseudo++;
    else captured.push({ name: header['name'], value: header['value'] });
  }
  if (pseudo > 0) notes.push(`${pseudo} HTTP/2 pseudo-headers (:authority, :path…) left out; the URL carries them`);
  let body = '';
  if (postData !== undefined) {
    if (!isObject(postData)) return captureError(`HAR: ${path}.postData should be an object with "text"`);
    if (typeof postData['text'] === 'string') body = postData['text'];
    else if (Array.isArray(postData['params'])) {
      // Only params (an old form capture): rejoined in order, values as recorded.
      const params = postData['params'] as unknown[];
      const pairs: string[] = [];
      for (const [i, param] of itemsOf(params).entries()) {
        // A value that is not text (an object, a number) would be sent as "[object Object]" or a guess: named instead.
        if (!isObject(param) || typeof param['name'] !== 'string')
          return captureError(`HAR: ${path}.postData.params[${i}] should be {"name": string, "value": string}`);
        const value = param['value'] ?? '';
        if (typeof value !== 'string')
          return captureError(`HAR: ${path}.postData.params[${i}].value should be a string, got ${quoteInput(JSON.stringify(value) ?? typeof value)}`);
        pairs.push(`${param['name']}=${value}`);
      }
      body = pairs.join('&');
      notes.push('the body was rebuilt from postData.params (there was no postData.text)');
    } else if (postData['text'] !== undefined) return captureError(`HAR: ${path}.postData.text should be the body as a string`);
  }
  const unencodable = unencodablePart({ method, url, headers: captured, body });
  if (unencodable !== undefined) return captureError(`HAR: in ${path}, ${unencodable}; expected text that can be sent as UTF-8`);
  return captureOk({ method, url, headers: captured, body }, notes);
}

/**
 * Reads a HAR capture (DevTools "Save all as HAR", or one entry of it): a whole log, one entry or a bare request.
 * From a log it takes the first request to *.tencentcloudapi.com (pages load many other things), else the first.
 */
export function parseHarEntry(json: string | unknown, options: HarOptions = {}): CaptureResult {
  let value: unknown = json;
  if (typeof json === 'string') {
    // Bounded: a HAR is a few levels deep; the depth is measured before anything walks the value.
    const parsed = parseJsonBounded(json.startsWith('\uFEFF') ? json.slice(1) : json, 'HAR', { maxDepth: HAR_MAX_DEPTH });
    if (!parsed.ok)
      return captureError(
        parsed.problem === 'invalid'
          ? `HAR: expected JSON (${parsed.message.replace(/^HAR: not valid JSON \(/, '').replace(/\)$/, '')})`
          : `${parsed.message}; expected a HAR log, entry or request`,
      );
    value = parsed.value;
  } else if (valueDepthExceeds(json, HAR_MAX_DEPTH)) {
    return captureError(`HAR: nested more than ${HAR_MAX_DEPTH} levels deep; expected a HAR log, entry or request`);
  }
  const found = requestsOf(value);
  if (typeof found === 'string') return captureError(found);
  const { requests, path } = found;
  if (requests.length === 0) return captureError('HAR: expected at least one entry; log.entries is empty');
  const notes: string[] = [];
  let index: number;
  if (options.index !== undefined) {
    if (!Number.isInteger(options.index) || options.index < 0 || options.index >= requests.length)
      return captureError(`HAR: expected an entry index from 0 to ${requests.length - 1}, got ${options.index}`);
    index = options.index;
  } else {
    const tencent = requests.findIndex(isTencentApi);
    index = tencent === -1 ? 0 : tencent;
    if (requests.length > 1)
      notes.push(
        tencent === -1
          ? `took entry 0 of ${requests.length} (none goes to *.tencentcloudapi.com)`
          : `took entry ${index} of ${requests.length}, the first to *.tencentcloudapi.com`,
      );
  }
  const result = readRequest(requests[index], path(index), notes);
  const started =
    isObject(value) && isObject(value['log'])
      ? (value['log']['entries'] as unknown[])[index]
      : isObject(value) && isObject(value['request'])
        ? value
        : undefined;
  const startedAt = isObject(started) && typeof started['startedDateTime'] === 'string' ? Date.parse(started['startedDateTime']) : Number.NaN;
  return result.ok && Number.isFinite(startedAt) ? { ...result, sentAt: Math.floor(startedAt / 1000) } : result;
}
