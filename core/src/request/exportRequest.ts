import type { ApiRequest, HttpRequest } from './ApiRequest.js';
import { parseRequestUrl } from '../signing/requestUrl.js';
import { resolveEndpoint } from './resolveEndpoint.js';
import { shellQuote } from './shellQuote.js';

export const EXPORT_FORMATS = ['curl', 'httpie', 'fetch', 'sdk', 'tccli', 'http'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// Host is implied by the URL; every other header goes out exactly as signed.
const sentHeaders = (request: HttpRequest) => Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'host');

/** A curl command that sends the signed request byte for byte (--data-binary keeps newlines). */
export function toCurl(request: HttpRequest): string {
  const lines = [`curl -X ${request.method} ${shellQuote(request.url)}`, ...sentHeaders(request).map(([k, v]) => `-H ${shellQuote(`${k}: ${v}`)}`)];
  if (request.body !== '') lines.push(`--data-binary ${shellQuote(request.body)}`);
  return lines.join(' \\\n  ');
}

/** The request as raw HTTP/1.1 text, the form `iot-devkit diagnose --raw` and the importers read back. */
export function toRawHttp(request: HttpRequest): string {
  const url = parseRequestUrl(request.url);
  const target = url.path + (url.query === '' ? '' : `?${url.query}`);
  const headers = Object.entries(request.headers).some(([name]) => name.toLowerCase() === 'host')
    ? Object.entries(request.headers)
    : [['Host', url.host], ...Object.entries(request.headers)];
  return `${request.method} ${target} HTTP/1.1\r\n${headers.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${request.body}`;
}

/** An HTTPie command; --raw sends the body as is, so the signed payload hash still holds. */
export function toHttpie(request: HttpRequest): string {
  const lines = [`http --ignore-stdin ${request.method} ${shellQuote(request.url)}`, ...sentHeaders(request).map(([k, v]) => shellQuote(`${k}:${v}`))];
  if (request.body !== '') lines.push(`--raw ${shellQuote(request.body)}`);
  return lines.join(' \\\n  ');
}

/** A JavaScript fetch call with the signed headers and body. */
export function toFetch(request: HttpRequest): string {
  const init: Record<string, unknown> = { method: request.method, headers: Object.fromEntries(sentHeaders(request)) };
  if (request.body !== '') init['body'] = request.body;
  return `const response = await fetch(${JSON.stringify(request.url)}, ${JSON.stringify(init, null, 2)});\nconsole.log(await response.json());`;
}

/**
 * The same call through the official Node SDK, which signs by itself: credentials come from the environment
 * (TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY, as the official tools read them), never from the export.
 */
export function toSdkCall(request: ApiRequest): string {
  const endpoint = resolveEndpoint(request.service, request.region, request.endpoint)
    .replace(/^https?:\/\//, '')
    .replace(/\/$/, '');
  const protocol = request.endpoint?.startsWith('http://') ? `, protocol: "http://"` : '';
  return [
    `const { CommonClient } = require("tencentcloud-sdk-nodejs-common");`,
    `const client = new CommonClient(${JSON.stringify(endpoint)}, ${JSON.stringify(request.version)}, {`,
    `  credential: { secretId: process.env.TENCENTCLOUD_SECRET_ID, secretKey: process.env.TENCENTCLOUD_SECRET_KEY },`,
    `  region: ${JSON.stringify(request.region ?? '')},`,
    `  profile: { httpProfile: { endpoint: ${JSON.stringify(endpoint)}, reqMethod: ${JSON.stringify(request.method ?? 'POST')}${protocol} } },`,
    `});`,
    `client.request(${JSON.stringify(request.action)}, ${JSON.stringify(request.params, null, 2)}).then(console.log, console.error);`,
  ].join('\n');
}

/** A tccli command: scalar parameters as values, structures and arrays as JSON, as tccli expects. */
export function toTccli(request: ApiRequest): string {
  const parts = [`tccli ${request.service} ${request.action}`, `--version ${request.version}`];
  if (request.region) parts.push(`--region ${shellQuote(request.region)}`);
  if (request.endpoint) parts.push(`--endpoint ${shellQuote(request.endpoint.replace(/^https?:\/\//, '').replace(/\/$/, ''))}`);
  for (const [name, value] of Object.entries(request.params)) {
    if (value === undefined || value === null) continue;
    parts.push(`--${name} ${shellQuote(typeof value === 'string' ? value : JSON.stringify(value))}`);
  }
  return parts.join(' \\\n  ');
}

/** One entry point for hosts: the signed request for wire formats, the API call for SDK-style formats. */
export function exportRequest(format: ExportFormat, request: ApiRequest, signed: HttpRequest): string {
  switch (format) {
    case 'curl':
      return toCurl(signed);
    case 'httpie':
      return toHttpie(signed);
    case 'fetch':
      return toFetch(signed);
    case 'sdk':
      return toSdkCall(request);
    case 'tccli':
      return toTccli(request);
    case 'http':
      return toRawHttp(signed);
  }
}
