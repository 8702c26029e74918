/**
 * JSON as JSON.stringify(value, null, 2) writes it for the first `indentedLevels` levels, and compact below them.
 * Fully indented, every line of a deep value repeats its depth in spaces: a 6 KB shadow nested 62 levels printed
 * as 408 KB (O(size × depth); at the old unlimited depth a 20 KB request answered 32 MB). Real shadows, admin
 * answers and data files stay within the indented levels, so they read and diff as before; only the deep tail of a
 * deep value is kept on one line. Recursion stops at `indentedLevels`, so it cannot overflow either.
 */
export function formatReadableJson(value: unknown, indentedLevels: number): string {
  return format(value, 0, indentedLevels) ?? 'null';
}

function format(value: unknown, level: number, indentedLevels: number): string | undefined {
  if (value === null || typeof value !== 'object' || level >= indentedLevels || typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return JSON.stringify(value);
  const inner = '  '.repeat(level + 1);
  const outer = '  '.repeat(level);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    // As JSON.stringify does, an array keeps a slot for what JSON cannot hold (undefined, a function) as null.
    return `[\n${value.map((item) => inner + (format(item, level + 1, indentedLevels) ?? 'null')).join(',\n')}\n${outer}]`;
  }
  const members: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    const text = format(item, level + 1, indentedLevels);
    if (text !== undefined) members.push(`${inner}${JSON.stringify(key)}: ${text}`);
  }
  return members.length === 0 ? '{}' : `{\n${members.join(',\n')}\n${outer}}`;
}
