import { isLoopbackHost } from '../emulator/loopbackHost.js';

/**
 * Whether the emulator may POST a rule's `forward` to `url`. Loopback only unless the host allows any
 * (`iot-devkit emulator --forward-any-host`): a rule is data anyone who can call the API may create, and the emulator
 * must not become a way to send requests from this machine into its network.
 */
export function isForwardAllowed(url: string, anyHost: boolean): { readonly ok: true } | { readonly ok: false; readonly reason: string } {
  const match = /^https?:\/\/(\[[0-9a-fA-F:.]+\]|[^/:?#[\]@]+)(?::\d{1,5})?(?:[/?#]|$)/.exec(url);
  if (!match) return { ok: false, reason: 'not an http:// or https:// URL' };
  if (anyHost || isLoopbackHost(match[1]!)) return { ok: true };
  return { ok: false, reason: `${match[1]} is not a loopback host; the emulator forwards to 127.0.0.1/localhost only unless started with --forward-any-host` };
}
