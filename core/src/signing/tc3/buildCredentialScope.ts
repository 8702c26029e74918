/** The UTC date of a Unix timestamp, YYYY-MM-DD. Never local time: see the doc's "fails only after midnight in UTC+8" note. */
export function utcDateOf(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** Date/service/tc3_request */
export function buildCredentialScope(date: string, service: string): string {
  return `${date}/${service}/tc3_request`;
}
