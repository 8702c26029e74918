import { isLoopbackHost } from './loopbackHost.js';

// Pages of the toolkit's own hosts: browser extensions, VS Code webviews, and pages served from this machine.
const TRUSTED_ORIGIN = /^(?:(?:chrome|moz|safari-web)-extension|vscode-webview|vscode-file):\/\/[^/]+$/i;

/** Headers a browser page needs to send a signed API 3.0 request (it cannot set Host; it sends its own). */
const ALLOWED_REQUEST_HEADERS =
  'Authorization, Content-Type, X-TC-Action, X-TC-Version, X-TC-Timestamp, X-TC-Region, X-TC-Token, X-TC-Language, X-TC-RequestClient, X-TC-TraceId';

/**
 * Whether a browser page from `origin` may call the emulator. Extension pages, VS Code webviews and loopback
 * pages may; any other web site may not, unless the developer allowed it (--allow-origin), so a page on the
 * internet cannot drive the emulator's admin endpoints from the developer's browser.
 */
export function isOriginAllowed(origin: string, extra: readonly string[]): boolean {
  if (extra.includes('*') || extra.includes(origin)) return true;
  if (TRUSTED_ORIGIN.test(origin)) return true;
  const match = /^https?:\/\/([^/]+)$/i.exec(origin);
  return match !== null && isLoopbackHost(match[1]!);
}

/** CORS response headers for an allowed origin (also answers the preflight). */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    Vary: 'Origin',
    'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': ALLOWED_REQUEST_HEADERS,
    'Access-Control-Expose-Headers': 'X-TC-TraceId',
    'Access-Control-Max-Age': '600',
  };
}
