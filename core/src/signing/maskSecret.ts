/** How every surface shows a SecretKey, PSK or token: the first 4 characters, then ****. */
export function maskSecret(secret: string): string {
  if (secret.length === 0) return '';
  return secret.slice(0, 4) + '****';
}
