// `--output json|table|text`, as tccli offers them (`tccli configure set output json|text|table`). json is
// indented JSON; table draws arrays of objects as columns and objects as name/value rows; text is tab-separated
// values, one object or array item a line, for `cut` and `while read` in scripts.
//
// String fields that hold JSON text (DescribeDeviceShadow's Data, seed 001 "设备影子的JSON数据"):
// - json keeps them strings, as the API returns them: a script's types then follow the documentation (and
//   `--generate-cli-skeleton output`, and tccli), not whether one answer's text happens to look like JSON;
// - table, read by people, prints each as its own indented section below the rows (one long cell would widen the
//   whole column to the document's length);
// - text keeps one line a record: the string is printed as it is, already compact JSON, not escaped.

import { buildJsonTree, jsonTreeToValue, parseEmbeddedJson } from '@iot-devkit/core';

export const OUTPUT_FORMATS = ['json', 'table', 'text'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** ANSI colours only for a person at a terminal: never when piped, never with NO_COLOR (https://no-color.org). */
export interface Palette {
  readonly key: (text: string) => string;
  readonly string: (text: string) => string;
  readonly number: (text: string) => string;
  readonly heading: (text: string) => string;
}
const plain = (text: string) => text;
export const NO_COLOUR: Palette = { key: plain, string: plain, number: plain, heading: plain };
const ansi = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
export const COLOUR: Palette = { key: ansi(36), string: ansi(32), number: ansi(33), heading: ansi(1) };

export function paletteFor(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): Palette {
  return isTTY && !env['NO_COLOR'] ? COLOUR : NO_COLOUR;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const scalarText = (value: unknown): string => (typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value));

/** Indented JSON, coloured by token when the palette has colours. Values come from JSON parsed with a depth limit. */
function json(value: unknown, palette: Palette, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = indent + '  ';
    return `[\n${value.map((item) => inner + json(item, palette, inner)).join(',\n')}\n${indent}]`;
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = indent + '  ';
    return `{\n${entries.map(([k, v]) => `${inner}${palette.key(JSON.stringify(k))}: ${json(v, palette, inner)}`).join(',\n')}\n${indent}}`;
  }
  if (typeof value === 'string') return palette.string(JSON.stringify(value));
  if (typeof value === 'number') return palette.number(JSON.stringify(value));
  return JSON.stringify(value) ?? 'null';
}

function grid(header: readonly string[], rows: readonly (readonly string[])[], palette: Palette): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [palette.heading(line(header)), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

function table(value: unknown, palette: Palette, title: string): string[] {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isObject)) {
      const columns = [...new Set(value.flatMap((item) => Object.keys(item)))];
      return [
        ...(title ? [title] : []),
        ...grid(
          columns,
          value.map((item) => columns.map((c) => scalarText(item[c]))),
          palette,
        ),
      ];
    }
    return [...(title ? [title] : []), ...value.map(scalarText)];
  }
  if (!isObject(value)) return [scalarText(value)];
  const scalars = Object.entries(value).filter(([, v]) => !(Array.isArray(v) && v.some(isObject)));
  // Each string field holding a JSON document, parsed once (bounded: parseEmbeddedJson has the depth limit).
  const embedded = new Map<string, unknown>();
  for (const [k, v] of scalars) {
    const document = typeof v === 'string' ? parseEmbeddedJson(v) : undefined;
    if (document !== undefined) embedded.set(k, document);
  }
  const lines = [
    ...(title ? [title] : []),
    ...(scalars.length
      ? grid(
          ['Name', 'Value'],
          scalars.map(([k, v]) => [k, embedded.has(k) ? '(JSON text, below)' : scalarText(v)]),
          palette,
        )
      : []),
  ];
  const path = (key: string) => (title ? `${title}.${key}` : key);
  for (const [key, document] of embedded)
    lines.push('', palette.heading(`${path(key)} (JSON text, parsed)`), json(jsonTreeToValue(buildJsonTree(document)), palette));
  for (const [key, nested] of Object.entries(value)) if (Array.isArray(nested) && nested.some(isObject)) lines.push('', ...table(nested, palette, path(key)));
  return lines;
}

function text(value: unknown): string[] {
  if (Array.isArray(value) && value.length === 0) return [];
  if (Array.isArray(value)) return value.every((item) => !isObject(item) && !Array.isArray(item)) ? [value.map(scalarText).join('\t')] : value.flatMap(text);
  if (!isObject(value)) return [scalarText(value)];
  const entries = Object.entries(value);
  const scalars = entries.filter(([, v]) => !isObject(v) && !Array.isArray(v)).map(([, v]) => scalarText(v));
  return [...(scalars.length ? [scalars.join('\t')] : []), ...entries.filter(([, v]) => isObject(v) || Array.isArray(v)).flatMap(([, v]) => text(v))];
}

export function formatOutput(value: unknown, format: OutputFormat, palette: Palette = NO_COLOUR): string {
  if (format === 'json') return json(value, palette);
  if (format === 'table') return table(value, palette, '').join('\n');
  return text(value).join('\n');
}
