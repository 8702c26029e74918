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

type Branch = Record<string, unknown> | unknown[];
const isBranch = (value: unknown): value is Branch => typeof value === 'object' && value !== null;
const INDEX = /^(0|[1-9][0-9]{0,8})$/;

/**
 * The inverse for imports: DeviceNames.0=a → {DeviceNames:["a"]}. Values stay strings (a query has no types).
 * The names come from captured requests and command lines, so nothing is trusted: every key is stored as an own
 * property (a parameter named "__proto__" stays a parameter, for validation to name, and never reaches a prototype);
 * an index is at most the number of parameters given (".99999999" would otherwise allocate a hundred million slots);
 * and a name that is both a value and a parent, an array with a gap, or an empty segment is refused with the name,
 * rather than one of the values silently lost.
 */
export function unflattenParams(flat: Readonly<Record<string, string>>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  const names = Object.keys(flat);
  for (const path of names) {
    const keys = path.split('.');
    if (keys.some((key) => key === '')) throw new SigningInputError(path, 'a parameter name without empty parts between dots (e.g. DeviceNames.0)');
    let node: Branch = root;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const at = keys.slice(0, i + 1).join('.');
      if (Array.isArray(node) && (!INDEX.test(key) || Number(key) >= names.length))
        throw new SigningInputError(
          at,
          INDEX.test(key)
            ? `an array index from 0 to ${names.length - 1}: ${names.length === 1 ? 'one parameter is' : `${names.length} parameters are`} given, so a higher index leaves a gap`
            : `an array index (${keys.slice(0, i).join('.')} is an array: its other names are indexes)`,
        );
      const container = node as Record<string, unknown>;
      const existing: unknown = Object.prototype.hasOwnProperty.call(container, key) ? container[key] : undefined;
      if (i === keys.length - 1) {
        if (existing !== undefined) throw new SigningInputError(at, `one value; ${at} is also the parent of other parameters (${at}.…)`);
        setOwnProperty(container, key, flat[path]);
        continue;
      }
      if (existing === undefined) {
        const child: Branch = INDEX.test(keys[i + 1]!) ? [] : {};
        setOwnProperty(container, key, child);
        node = child;
      } else if (isBranch(existing) && Array.isArray(existing) === INDEX.test(keys[i + 1]!)) node = existing;
      else
        throw new SigningInputError(
          at,
          isBranch(existing) ? `either indexes (${at}.0) or field names (${at}.Name) below it, not both` : `one value; it is also given as ${path}`,
        );
    }
  }
  refuseGaps(root, '');
  return root;
}

/** API 3.0 numbers array items from 0 without gaps; a hole would be sent as null, or dropped by the SDK's mergeData. */
function refuseGaps(value: unknown, path: string): void {
  if (!isBranch(value)) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw new SigningInputError(`${path}.${i}`, `a value: the indexes of ${path} must run 0, 1, 2… without gaps`);
      refuseGaps(value[i], `${path}.${i}`);
    }
  } else for (const [key, item] of Object.entries(value)) refuseGaps(item, path === '' ? key : `${path}.${key}`);
}
