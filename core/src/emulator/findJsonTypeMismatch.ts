import type { ParamRules, StructureRules } from '../request/validateParams.js';

const NUMERIC = new Set(['Integer', 'Int64', 'UInt64', 'Float']);

/**
 * A JSON body must carry real numbers and booleans: the cloud answers `"Offset": "0"` with InvalidParameter, while
 * a GET query or a v1 form can only carry text (those are typed by readTextParams instead). Validation accepts
 * numeric text for the CLI's sake, so the emulator checks JSON bodies here. Returns the first offending path.
 */
export function findJsonTypeMismatch(
  params: Readonly<Record<string, unknown>>,
  fields: readonly ParamRules[],
  structures: readonly StructureRules[],
): { field: string; expected: string } | undefined {
  const byName = new Map(structures.map((s) => [s.name, s]));
  const check = (rules: ParamRules, value: unknown, path: string): { field: string; expected: string } | undefined => {
    const structure = byName.get(rules.structure ?? rules.baseType);
    if (structure)
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? walk(value as Record<string, unknown>, structure.fields, `${path}.`)
        : undefined;
    if (NUMERIC.has(rules.baseType) && typeof value === 'string')
      return { field: path, expected: `a JSON number (${rules.baseType}), not the string ${JSON.stringify(value)}` };
    if (rules.baseType === 'Boolean' && typeof value === 'string')
      return { field: path, expected: `a JSON true or false, not the string ${JSON.stringify(value)}` };
    return undefined;
  };
  const walk = (object: Readonly<Record<string, unknown>>, specs: readonly ParamRules[], prefix: string): { field: string; expected: string } | undefined => {
    for (const rules of specs) {
      const value = object[rules.name];
      if (value === undefined || value === null) continue;
      const path = prefix + rules.name;
      const found =
        rules.array && Array.isArray(value)
          ? value.map((item, i) => check(rules, item, `${path}.${i}`)).find((x) => x !== undefined)
          : check(rules, value, path);
      if (found) return found;
    }
    return undefined;
  };
  return walk(params, fields, '');
}
