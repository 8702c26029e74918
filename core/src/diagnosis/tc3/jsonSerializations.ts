export interface JsonStyle {
  readonly name: string;
  readonly itemSeparator: string;
  readonly keySeparator: string;
  readonly indent: string;
  readonly sortKeys: boolean;
  /** none: raw UTF-8; ascii: non-ASCII as \uXXXX (Python, PHP); ascii-slash: also / as \/ (PHP json_encode); html: <>& as \u003c… (Go, Gson). */
  readonly escape: 'none' | 'ascii' | 'ascii-slash' | 'html';
}

const SPACINGS = [
  { name: 'compact', itemSeparator: ',', keySeparator: ':', indent: '' },
  { name: 'spaces after , and : (Python json.dumps default)', itemSeparator: ', ', keySeparator: ': ', indent: '' },
  { name: 'indented by 2', itemSeparator: ',', keySeparator: ': ', indent: '  ' },
  { name: 'indented by 4', itemSeparator: ',', keySeparator: ': ', indent: '    ' },
] as const;
const ESCAPES = [
  ['none', 'non-ASCII raw'],
  ['ascii', 'non-ASCII as \\uXXXX'],
  ['ascii-slash', 'non-ASCII as \\uXXXX and / as \\/ (PHP json_encode)'],
  ['html', '<, > and & as \\u003c… (Go json.Marshal, Gson)'],
] as const;

/** The serializations JSON libraries commonly produce, for re-serializing a captured body the ways a client might have. */
export const JSON_STYLES: readonly JsonStyle[] = SPACINGS.flatMap((spacing) =>
  [false, true].flatMap((sortKeys) =>
    ESCAPES.map(([escape, escapeName]) => ({
      ...spacing,
      sortKeys,
      escape,
      name: `${spacing.name}, ${sortKeys ? 'keys sorted' : 'keys in order'}, ${escapeName}`,
    })),
  ),
);

const hex4 = (c: string) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');

function quote(text: string, escape: JsonStyle['escape']): string {
  let out = JSON.stringify(text);
  if (escape === 'ascii' || escape === 'ascii-slash') out = out.replace(/[\u0080-\uffff]/g, hex4);
  if (escape === 'ascii-slash') out = out.replace(/\//g, '\\/');
  if (escape === 'html') out = out.replace(/[<>&\u2028\u2029]/g, hex4);
  return out;
}

/** JSON text of a parsed value in the given style. */
export function serializeJson(value: unknown, style: JsonStyle, depth = 0): string {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? quote(value, style.escape) : (JSON.stringify(value) ?? 'null');
  const inner = style.indent ? '\n' + style.indent.repeat(depth + 1) : '';
  const outer = style.indent ? '\n' + style.indent.repeat(depth) : '';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return '[' + inner + value.map((v) => serializeJson(v, style, depth + 1)).join(style.itemSeparator + inner) + outer + ']';
  }
  const keys = Object.keys(value);
  if (style.sortKeys) keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (keys.length === 0) return '{}';
  const record = value as Record<string, unknown>;
  return (
    '{' +
    inner +
    keys.map((k) => quote(k, style.escape) + style.keySeparator + serializeJson(record[k], style, depth + 1)).join(style.itemSeparator + inner) +
    outer +
    '}'
  );
}
