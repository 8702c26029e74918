import { hostWithoutPort, isLoopbackHost } from './loopbackHost.js';

/** The names a client on this machine may use for a loopback listener: what `curl`, the SDK and the extensions send. */
export const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]', '']);

export interface ServedHostsInput {
  /** The address listened on, as given to --host: "127.0.0.1", "::1", "0.0.0.0", "192.168.1.5", "mybox.lan". */
  readonly bindHost: string;
  readonly port: number;
  /** For a wildcard bind (0.0.0.0, ::): this machine's addresses, which only the Node host can list. */
  readonly interfaceAddresses?: readonly string[];
  /** --allow-host values, for a name the emulator cannot know (a port forward, a hosts-file alias): "name" or "name:port". */
  readonly allowHosts?: readonly string[];
}

/** "::1" → "[::1]": a Host header carries an IPv6 address in brackets. */
const bracketed = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/** Whether a Host value names its port ("[::1]:80", "a:80") rather than leaving the default to be implied ("[::1]", "a"). */
function hasPort(host: string): boolean {
  return host.startsWith('[') ? host.indexOf(']') < host.lastIndexOf(':') : host.includes(':');
}

/** An --allow-host value as "name:port": a bare IPv6 address ("fe80::1") is bracketed, a missing port is the emulator's. */
function withPort(value: string, port: number): string {
  const host = value.trim().toLowerCase();
  if (!host.startsWith('[') && host.indexOf(':') !== host.lastIndexOf(':')) return `[${host}]:${port}`;
  return hasPort(host) ? host : `${host}:${port}`;
}

/** A Host value in the one form the served list holds: lower case, with its port (80 when none is written). */
export function normalizeHost(host: string): string {
  const lower = host.trim().toLowerCase();
  return hasPort(lower) ? lower : `${lower}:80`;
}

/**
 * Every Host header value the emulator answers, as "name:port" in lower case. A loopback or wildcard bind
 * answers the loopback names with its port; a wildcard bind also the machine's own addresses; any bind the
 * name it was given, and what --allow-host adds. Anything else is a name the developer never pointed a client
 * at — with DNS rebinding, a web page's own name resolved to this machine.
 */
export function servedHosts(input: ServedHostsInput): string[] {
  const bind = input.bindHost.trim().toLowerCase();
  const names: string[] = [];
  const wildcard = WILDCARD_BINDS.has(bind);
  if (wildcard || isLoopbackHost(bracketed(bind))) names.push(...LOOPBACK_NAMES);
  if (!wildcard) names.push(bracketed(bind));
  if (wildcard) names.push(...(input.interfaceAddresses ?? []).map(bracketed));
  const served = names.map((name) => `${name.toLowerCase()}:${input.port}`);
  for (const extra of input.allowHosts ?? []) served.push(withPort(extra, input.port));
  return [...new Set(served)];
}

/** Whether a Host header value is one the emulator serves; without a served list, any loopback name on any port. */
export function isServedHost(host: string, served: readonly string[] | undefined): boolean {
  if (served === undefined) return isLoopbackHost(host) && hostWithoutPort(host) !== '';
  return served.includes(normalizeHost(host));
}
