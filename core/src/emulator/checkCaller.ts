import { isOriginAllowed } from './corsPolicy.js';
import { isServedHost, LOOPBACK_NAMES } from './servedHosts.js';

export interface CallerPolicy {
  /** Host values the emulator serves (servedHosts); undefined: any loopback name on any port. */
  readonly servedHosts?: readonly string[];
  /** --allow-origin values, besides extension pages, VS Code webviews and loopback pages. */
  readonly allowedOrigins: readonly string[];
}

/** Why a request is refused before it is read: the header at fault and a message that names what was received. */
export interface CallerRefusal {
  readonly reason: 'host' | 'origin' | 'sec-fetch-site';
  readonly message: string;
}

/**
 * Sec-Fetch-Site values meaning "a page on another site sent this". Measured in Chromium 156
 * (test/emulator/browserCallers.test.ts replays the cases in Chromium): an <img> or no-cors fetch from a web page sends `cross-site`;
 * a page on 127.0.0.1:OTHER sends `same-site`, on localhost:OTHER `cross-site`, both with their Origin; an
 * extension page or service worker with host permission sends `none`; a typed address `none`; curl, the SDK,
 * Node's fetch and the CLI send no Sec-Fetch-Site at all.
 */
const FOREIGN_SITES = new Set(['cross-site', 'same-site']);

/** A header value as a message may show it: quoted (so control characters are visible) and cut short. */
const shown = (value: string): string => JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value);

/**
 * Whether this request comes from the emulator's own user, decided from its headers before anything is read or
 * changed. The emulator holds a public demo key and unauthenticated admin routes, so any web page the developer
 * visits could otherwise drive it:
 * - Host: a page served as http://evil.test:9180 whose name the attacker re-points at 127.0.0.1 (DNS rebinding)
 *   is same-origin with the emulator, so the browser sends it no Origin and no Sec-Fetch-Site (the page is not a
 *   secure context) — only the Host it names gives it away.
 * - Origin: a web page's fetch or form names its origin; only the toolkit's own hosts and --allow-origin may call.
 * - Sec-Fetch-Site: an <img>, a link, a script or a GET form from another site sends no Origin, but the browser marks it
 *   cross-site; a cross-site request without an Origin is never one of the toolkit's fetches.
 */
export function checkCaller(headers: Readonly<Record<string, string>>, policy: CallerPolicy): CallerRefusal | undefined {
  const host = headers['host'];
  if (host === undefined || !isServedHost(host, policy.servedHosts)) {
    const served = policy.servedHosts?.join(', ') ?? `the loopback names ${LOOPBACK_NAMES.join(', ')} on its port`;
    const received = host === undefined ? 'A request without a Host header' : `Host ${shown(host)}`;
    return {
      reason: 'host',
      message: `${received} is not an address this emulator serves (it serves ${served}). Refused so that a web page whose own name was made to resolve to this machine (DNS rebinding) cannot use it. Call it by one of those names${host === undefined ? '' : `, or, if ${shown(host)} is a name of yours (a port forward, a hosts-file alias), start it with --allow-host ${host.slice(0, 100)}`}.`,
    };
  }
  const origin = headers['origin'];
  if (origin !== undefined && !isOriginAllowed(origin, policy.allowedOrigins)) {
    const extra = policy.allowedOrigins.length > 0 ? `, and ${policy.allowedOrigins.map(shown).join(', ')} (--allow-origin)` : '';
    return {
      reason: 'origin',
      message: `Origin ${shown(origin)} may not call this emulator: it answers browser extension pages, VS Code webviews and pages served from this machine (loopback)${extra}, so that another web site cannot drive it from your browser. If that page is yours, restart the emulator with --allow-origin ${origin.slice(0, 100)}.`,
    };
  }
  const site = headers['sec-fetch-site']?.trim().toLowerCase();
  if (site !== undefined && FOREIGN_SITES.has(site) && origin === undefined) {
    return {
      reason: 'sec-fetch-site',
      message: `Sec-Fetch-Site ${shown(site)} with no Origin: your browser says a page on another site sent this (an <img>, a link, a script or a GET form; they send no Origin), so it is refused. Extension pages, VS Code webviews and loopback pages call the emulator with fetch, which sends their Origin; curl, the SDKs and the CLI send neither header.`,
    };
  }
  return undefined;
}
