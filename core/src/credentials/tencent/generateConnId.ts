const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * 5 random letters or digits. connid only tells connections apart, it protects nothing, so Math.random is enough;
 * the source is a parameter so tests and reproductions are deterministic.
 */
export function generateConnId(random: () => number = Math.random): string {
  let connid = '';
  for (let i = 0; i < 5; i++) connid += ALPHANUMERIC[Math.min(ALPHANUMERIC.length - 1, Math.floor(random() * ALPHANUMERIC.length))];
  return connid;
}
