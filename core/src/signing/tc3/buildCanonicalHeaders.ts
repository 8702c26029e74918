import { SigningInputError } from '../SigningInputError.js';

export interface CanonicalHeaders {
  /** `name:value\n` per signed header, sorted by name. */
  readonly canonicalHeaders: string;
  /** Signed header names joined by `;`. */
  readonly signedHeaders: string;
}

export const DEFAULT_SIGNED_HEADERS: readonly string[] = ['content-type', 'host'];

/** Finds a header by name, case-insensitively, as HTTP does. */
export function findHeader(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.trim().toLowerCase() === wanted) return value;
  return undefined;
}

/**
 * Rule 1 of CanonicalHeaders: key and value lowercased and trimmed, `key:value\n`;
 * rule 2: sorted by key in ASCII order. SignedHeaders lists the same keys, joined by `;`.
 */
export function buildCanonicalHeaders(
  headers: Readonly<Record<string, string>>,
  signedHeaderNames: readonly string[] = DEFAULT_SIGNED_HEADERS,
): CanonicalHeaders {
  const names = [...new Set(signedHeaderNames.map((name) => name.trim().toLowerCase()))].sort();
  if (names.length === 0) throw new SigningInputError('signedHeaders', 'at least content-type and host');
  let canonicalHeaders = '';
  for (const name of names) {
    const value = findHeader(headers, name);
    if (value === undefined) throw new SigningInputError(`headers.${name}`, `the signed header "${name}" must be present in the request headers`);
    canonicalHeaders += `${name}:${value.trim().toLowerCase()}\n`;
  }
  return { canonicalHeaders, signedHeaders: names.join(';') };
}
