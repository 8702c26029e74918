import { getOwnProperty } from '../../encoding/setOwnProperty.js';
import type { CapturedHeader } from '../../capture/CapturedRequest.js';

export interface CanonicalHeaderStyle {
  readonly lowercaseNames?: boolean;
  readonly lowercaseValues?: boolean;
  readonly trimValues?: boolean;
  /** Explicit order of the (lowercase) names; default sorted by the name as written. */
  readonly order?: readonly string[];
  /** Names written in SignedHeaders; default the same names as in the canonical headers. */
  readonly signedHeaders?: string;
}

/**
 * CanonicalHeaders and SignedHeaders over the given names, the rules' way by default, or a buggy client's way
 * (names or values not lowercased, not sorted). `overrides` replaces a header's value (what was signed instead
 * of what was sent). Undefined when a name has neither a sent value nor an override.
 */
export function canonicalHeadersOf(
  headers: readonly CapturedHeader[],
  names: readonly string[],
  overrides: Readonly<Record<string, string>> = {},
  style: CanonicalHeaderStyle = {},
): { canonicalHeaders: string; signedHeaders: string } | undefined {
  const { lowercaseNames = true, lowercaseValues = true, trimValues = true } = style;
  const entries: { name: string; key: string; value: string }[] = [];
  for (const name of names) {
    const sent = headers.find((h) => h.name.trim().toLowerCase() === name);
    const raw = getOwnProperty(overrides, name) ?? sent?.value;
    if (raw === undefined) return undefined;
    let value = trimValues ? raw.trim() : raw;
    if (lowercaseValues) value = value.toLowerCase();
    entries.push({ name, key: lowercaseNames ? name : (sent?.name.trim() ?? name), value });
  }
  if (style.order) {
    const order = style.order;
    entries.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  } else {
    entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  return {
    canonicalHeaders: entries.map((e) => `${e.key}:${e.value}\n`).join(''),
    signedHeaders: style.signedHeaders ?? entries.map((e) => e.key).join(';'),
  };
}
