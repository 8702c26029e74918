/** Below this length the first 4 characters would be half the secret or all of it, so nothing is shown. */
const SHORTEST_PARTLY_SHOWN = 12;

/**
 * How every surface shows a SecretKey, PSK or token: the first 4 characters, then ****. A short secret
 * (under 12 characters: a test PSK, a 4-digit api-key) shows only ****, so the mask never gives most of it away.
 */
export function maskSecret(secret: string): string {
  if (secret.length === 0) return '';
  if (secret.length < SHORTEST_PARTLY_SHOWN) return '****';
  return secret.slice(0, 4) + '****';
}
