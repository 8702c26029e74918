/**
 * What the rule engine's values mean to its operators. The doc calls its SQL "类似MySQL语法" and says no more about
 * types, so these are MySQL's rules where they are clear and a null where they are not:
 * - a missing field is null, and any comparison or arithmetic with null is null (unknown); WHERE holds only when its
 *   condition is true, so a rule on `temperature > 30` does not fire for a message without `temperature`;
 * - a number compared with a string compares as numbers when the string is one ('31' > 30, as MySQL converts it),
 *   and is unknown otherwise (MySQL would read 'hot' as 0 — a silent match no device developer wants);
 * - objects and arrays are not compared (unknown), only tested with IS [NOT] NULL or picked apart with a.b / a[0].
 * `undefined` is a missing field: it behaves as null and is left out of the SELECT output.
 */
export type RuleValue = unknown;

export const isNullish = (value: RuleValue): value is null | undefined => value === null || value === undefined;

// A decimal or exponent number, whole string: MySQL's string-to-number conversion minus its "leading digits" leniency.
const NUMERIC = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** The number a value stands for in arithmetic and mixed comparisons; undefined when it stands for none. */
export function toRuleNumber(value: RuleValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.length <= 64 && NUMERIC.test(value)) return Number(value);
  return undefined;
}

/** -1, 0 or 1, or undefined when the two cannot be ordered (null involved, or types that do not compare). */
export function compareRuleValues(left: RuleValue, right: RuleValue): -1 | 0 | 1 | undefined {
  if (isNullish(left) || isNullish(right)) return undefined;
  const order = <T>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);
  if (typeof left === 'string' && typeof right === 'string') return order(left, right);
  if (typeof left === 'boolean' && typeof right === 'boolean') return order(Number(left), Number(right));
  if ((typeof left === 'number' || typeof left === 'string') && (typeof right === 'number' || typeof right === 'string')) {
    const a = toRuleNumber(left);
    const b = toRuleNumber(right);
    return a === undefined || b === undefined ? undefined : order(a, b);
  }
  return undefined;
}

/** A value as a condition: true, false or null (unknown). Numbers are true unless 0, as in MySQL. */
export function ruleTruth(value: RuleValue): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const number = toRuleNumber(value);
  return number === undefined ? null : number !== 0;
}

/** SQL's three-valued NOT. */
export const notRule = (value: boolean | null): boolean | null => (value === null ? null : !value);
