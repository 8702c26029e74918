/** The hosts of the seed documents' APIs the DevTools panel lists (MXCHIP's document names no host: see below). */
const API_HOSTS = [/(^|\.)tencentcloudapi\.com$/i, /^api\.onenet\.hk\.chinamobile\.com$/i];

/**
 * Whether the DevTools panel lists a request: one to a Tencent Cloud API domain or the OneNET API host; one to
 * MXCHIP's v3 open API (recognized by its /v3/open_api/ path, as its document gives no host); or any request that
 * carries API 3.0's X-TC-Action header or a TC3 Authorization (a local emulator, a private endpoint, a proxy).
 */
export function isApiRequest(url: string, headers: readonly { readonly name: string; readonly value: string }[]): boolean {
  const match = /^https?:\/\/([^/?#:]+)(?::\d+)?([^?#]*)/i.exec(url);
  if (!match) return false;
  const [, host = '', path = ''] = match;
  if (API_HOSTS.some((pattern) => pattern.test(host))) return true;
  if (/^\/v3\/open_api\//.test(path)) return true;
  return headers.some(
    ({ name, value }) => name.toLowerCase() === 'x-tc-action' || (name.toLowerCase() === 'authorization' && value.startsWith('TC3-HMAC-SHA256')),
  );
}
