// REST Client's request variables address a JSON response with JSONPath (`{{shadow.response.body.$.Response.Data}}`).
// Only the subset people write there is read: `$`, `.key` and `[index]` steps — no wildcards, filters or recursive
// descent, which would need a real JSONPath engine; an unsupported step is refused by name, not misread.
// One addition to JSONPath: API 3.0 returns some JSON as a string (DescribeDeviceShadow's and UpdateDeviceShadow's
// `Data`, seed 001), so a step into a string that holds a JSON object or array reads the parsed value
// (`$.Response.Data.payload.version`); REST Client would find nothing there.
import { parseJsonBounded } from '../encoding/parseJsonBounded.js';

export type JsonPath = readonly (string | number)[];

/** The most steps a path may have: a response is at most 64 levels deep (parseJsonBounded), so no path needs more. */
export const MAX_JSON_PATH_STEPS = 64;

const KEY = /^[^.[\]\s'"*]+$/;

/** `$.Response.Devices[0].DeviceName` → ['Response', 'Devices', 0, 'DeviceName']; a string says what is wrong. */
export function parseJsonPath(text: string): JsonPath | string {
  if (!text.startsWith('$')) return `a JSON path starts with $ (e.g. $.Response.ShadowVersion), got ${JSON.stringify(text)}`;
  const steps: (string | number)[] = [];
  let i = 1;
  while (i < text.length) {
    if (steps.length >= MAX_JSON_PATH_STEPS) return `at most ${MAX_JSON_PATH_STEPS} steps in a JSON path`;
    const c = text[i];
    if (c === '.') {
      let end = i + 1;
      while (end < text.length && text[end] !== '.' && text[end] !== '[') end++;
      const key = text.slice(i + 1, end);
      if (!KEY.test(key))
        return `after "." a key name is expected (only the $.a.b[0] subset of JSONPath is supported), got ${JSON.stringify(key || text.slice(i))}`;
      steps.push(key);
      i = end;
    } else if (c === '[') {
      const close = text.indexOf(']', i);
      const index = close < 0 ? '' : text.slice(i + 1, close);
      if (!/^\d{1,9}$/.test(index))
        return `[…] takes an array index such as [0] (only the $.a.b[0] subset of JSONPath is supported), got ${JSON.stringify(text.slice(i))}`;
      steps.push(Number(index));
      i = close + 1;
    } else return `expected "." or "[" at ${JSON.stringify(text.slice(i))} (only the $.a.b[0] subset of JSONPath is supported)`;
  }
  return steps;
}

export type JsonPathRead = { readonly found: true; readonly value: unknown } | { readonly found: false; readonly message: string };

const describe = (path: JsonPath, upTo: number) =>
  '$' +
  path
    .slice(0, upTo)
    .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
    .join('');

/** Follows `path` into a parsed JSON value; when a step is missing, says which and what is there instead. */
export function readJsonPath(value: unknown, path: JsonPath): JsonPathRead {
  let here = value;
  for (const [i, step] of path.entries()) {
    if (typeof here === 'string' && (here.startsWith('{') || here.startsWith('['))) {
      const parsed = parseJsonBounded(here, describe(path, i));
      if (parsed.ok) here = parsed.value;
    }
    if (typeof step === 'number') {
      if (!Array.isArray(here)) return { found: false, message: `${describe(path, i)} is not an array, so ${describe(path, i + 1)} does not exist` };
      if (step >= here.length) return { found: false, message: `${describe(path, i)} has ${here.length} item(s), so ${describe(path, i + 1)} does not exist` };
      here = here[step];
    } else {
      if (here === null || typeof here !== 'object' || Array.isArray(here))
        return { found: false, message: `${describe(path, i)} is not an object, so ${describe(path, i + 1)} does not exist` };
      if (!Object.prototype.hasOwnProperty.call(here, step)) {
        const keys = Object.keys(here).slice(0, 8);
        return { found: false, message: `${describe(path, i + 1)} does not exist (${describe(path, i)} has ${keys.length ? keys.join(', ') : 'no keys'})` };
      }
      here = (here as Record<string, unknown>)[step];
    }
  }
  return { found: true, value: here };
}
