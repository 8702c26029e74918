/** The host name of a Host header value, without the port: "127.0.0.1:9180" → "127.0.0.1", "[::1]:80" → "[::1]". */
export function hostWithoutPort(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

/** 127.0.0.0/8, localhost and [::1]: hosts that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const name = hostWithoutPort(host).toLowerCase();
  return name === 'localhost' || name === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(name);
}

/**
 * The hosts a signature may have been computed over. As sent, always. For a loopback endpoint, also without the
 * port: measured (test/oracle/sdk-wire.test.ts), the official Node SDK pointed at http://127.0.0.1:PORT sends
 * `Host: 127.0.0.1:PORT` but signs `host:127.0.0.1`, because it signs new URL(url).hostname. The cloud is always
 * reached on the default port, where the two agree; accepting both here lets the SDK talk to the emulator while a
 * client that signs what it sends still verifies.
 */
export function signedHostCandidates(host: string): string[] {
  const bare = hostWithoutPort(host);
  return bare !== host && isLoopbackHost(host) ? [host, bare] : [host];
}

/**
 * The service name the official SDK signs with for a custom endpoint: its first dot-separated label
 * (endpoint.split(".")[0] in abstract_client.js), e.g. "127" for 127.0.0.1:9180.
 */
export const sdkServiceForEndpoint = (host: string): string => host.split('.')[0] ?? host;
