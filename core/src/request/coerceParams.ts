import type { ParamRules, StructureRules } from './validateParams.js';

const NUMERIC = new Set(['Integer', 'Int64', 'UInt64', 'Float']);

/**
 * Gives text values their documented types: "3" → 3 for Integer fields, "true" → true for Boolean ones, at any
 * depth. Text comes from command lines and GET queries; a POST JSON body must carry real numbers. A value that does
 * not convert cleanly is left as is, for validation to name.
 */
export function coerceParams(
  params: Readonly<Record<string, unknown>>,
  fields: readonly ParamRules[],
  structures: readonly StructureRules[] = [],
): Record<string, unknown> {
  const byName = new Map(structures.map((s) => [s.name, s]));
  const one = (rules: ParamRules, value: unknown): unknown => {
    const structure = byName.get(rules.structure ?? rules.baseType);
    if (structure && typeof value === 'object' && value !== null && !Array.isArray(value)) return coerce(value as Record<string, unknown>, structure.fields);
    if (typeof value !== 'string') return value;
    if (NUMERIC.has(rules.baseType) && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
    if (rules.baseType === 'Boolean' && (value === 'true' || value === 'false')) return value === 'true';
    return value;
  };
  const coerce = (object: Readonly<Record<string, unknown>>, specs: readonly ParamRules[]): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(object).map(([name, value]) => {
        const rules = specs.find((s) => s.name === name);
        if (!rules) return [name, value];
        return [name, rules.array && Array.isArray(value) ? value.map((item) => one(rules, item)) : one(rules, value)];
      }),
    );
  return coerce(params, fields);
}
