import type { ParamRules, StructureRules } from '../request/validateParams.js';

type Node = Record<string, unknown> | unknown[];

// defineProperty, not assignment: "__proto__.x=1" in a query must become data, never reach Object.prototype.
const put = (node: Node, key: string, value: unknown) => Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });

/**
 * A GET query's or v1 form's flat parameters (`Attribute.Tags.0.Tag=t`) as the nested value a JSON body would
 * carry, typed by the catalog: Integer fields become numbers and Boolean ones booleans where the text is exactly
 * that; anything else stays text for validation to name.
 */
export function readTextParams(
  flat: readonly (readonly [string, string])[],
  fields: readonly ParamRules[],
  structures: readonly StructureRules[],
): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of flat) {
    const keys = path.split('.');
    let node: Node = root;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const current: unknown = Object.prototype.hasOwnProperty.call(node, key) ? (node as Record<string, unknown>)[key] : undefined;
      if (i === keys.length - 1) {
        put(node, key, value);
      } else {
        const next: Node = typeof current === 'object' && current !== null ? (current as Node) : /^\d+$/.test(keys[i + 1]!) ? [] : {};
        if (next !== current) put(node, key, next);
        node = next;
      }
    }
  }
  return typeFields(root, fields, new Map(structures.map((s) => [s.name, s]))) as Record<string, unknown>;
}

const NUMERIC = new Set(['Integer', 'Int64', 'UInt64', 'Float']);

function typeOne(rules: ParamRules, value: unknown, structures: ReadonlyMap<string, StructureRules>): unknown {
  const structure = structures.get(rules.structure ?? rules.baseType);
  if (structure && typeof value === 'object' && value !== null && !Array.isArray(value))
    return typeFields(value as Record<string, unknown>, structure.fields, structures);
  if (typeof value !== 'string') return value;
  if (NUMERIC.has(rules.baseType) && /^-?\d+(?:\.\d+)?$/.test(value)) return Number(value);
  if (rules.baseType === 'Boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function typeFields(object: Record<string, unknown>, fields: readonly ParamRules[], structures: ReadonlyMap<string, StructureRules>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(object)) {
    const rules = fields.find((f) => f.name === name);
    const value = object[name];
    put(
      out,
      name,
      rules === undefined
        ? value
        : rules.array && Array.isArray(value)
          ? value.map((item) => typeOne(rules, item, structures))
          : typeOne(rules, value, structures),
    );
  }
  return out;
}
