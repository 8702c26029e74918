import type { CapturedHeader } from '../capture/CapturedRequest.js';
import type { UnreproducedFacts } from './buildVerdict.js';

/** Headers a proxy, load balancer or API gateway adds on the way: evidence that something stood between client and server. */
const PROXY_HEADERS = ['via', 'forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip'];

/** The request's side of the evidence for the verdict's remaining candidates. */
export function unreproducedFacts(headers: readonly CapturedHeader[], body: string, supplied?: UnreproducedFacts['supplied']): UnreproducedFacts {
  const proxyHeaders = [...new Set(headers.map((h) => h.name.trim()).filter((n) => PROXY_HEADERS.includes(n.toLowerCase())))];
  return { proxyHeaders, bodyLength: body.length, ...(supplied ? { supplied } : {}) };
}
