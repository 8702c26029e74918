import { setOwnProperty } from '../encoding/setOwnProperty.js';
import { SigningInputError } from '../signing/SigningInputError.js';

/**
 * API 3.0's GET (and v1) form of nested parameters: arrays by index, objects by field, joined with dots:
 * {DeviceNames:["a"], Attribute:{Tags:[{Tag:"t"}]}} → DeviceNames.0=a, Attribute.Tags.0.Tag=t.
 * null and undefined are dropped (as the official SDK's mergeData does); booleans and numbers become text.
 */
export function flattenParams(params: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (value: unknown, path: string): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}.${i}`));
    } else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, path === '' ? key : `${path}.${key}`);
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      setOwnProperty(out, path, String(value));
    } else {
      throw new SigningInputError(path, 'a string, number, boolean, array or object');
    }
  };
  walk(params, '');
  return out;
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The inverse for imports: DeviceNames.0=a → {DeviceNames:["a"]}. Values stay strings (a query has no types). */
export function unflattenParams(flat: Readonly<Record<string, string>>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const keys = path.split('.');
    // Names come from captured requests and command lines: never let one reach Object.prototype.
    if (keys.some((key) => UNSAFE_KEYS.has(key))) continue;
    let node: Record<string, unknown> | unknown[] = root;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(keys[i + 1]!);
      const slot = Array.isArray(node) ? Number(key) : key;
      const container = node as Record<string | number, unknown>;
      if (last) container[slot] = value;
      else {
        container[slot] ??= nextIsIndex ? [] : {};
        node = container[slot] as Record<string, unknown> | unknown[];
      }
    });
  }
  return root;
}
