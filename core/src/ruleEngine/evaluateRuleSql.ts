import { setOwnProperty } from '../encoding/setOwnProperty.js';
import type { RuleSqlTree } from '../ruleSql/RuleSqlTree.js';
import { evaluateRuleExpression } from './evaluateRuleExpression.js';
import type { RuleContext } from './RuleContext.js';
import { ruleTruth } from './ruleValues.js';

export interface RuleSqlResult {
  /** Whether WHERE's condition is true (a rule without WHERE always holds); null and false both mean "does not fire". */
  readonly whereHeld: boolean;
  /** What SELECT makes of the message, computed whether or not WHERE held, so "Test the rule" can show both. */
  readonly output: Readonly<Record<string, unknown>>;
}

// Plain assignment is several times faster than defineProperty; only "__proto__" needs the latter to stay a key.
const put = (output: Record<string, unknown>, key: string, value: unknown) =>
  key === '__proto__' ? setOwnProperty(output, key, value) : (output[key] = value);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One checked rule SQL applied to one message: WHERE's verdict and SELECT's output object. `*` copies the
 * payload's top-level fields; each other item sets its key (later items win, as a JSON object keeps one value a
 * key); a missing field is left out rather than set to null, so `SELECT a, b` of {"a":1} is {"a":1}.
 */
export function evaluateRuleSql(tree: RuleSqlTree, context: RuleContext): RuleSqlResult {
  const whereHeld = tree.where === undefined || ruleTruth(evaluateRuleExpression(tree.where, context)) === true;
  const output: Record<string, unknown> = {};
  for (const item of tree.select) {
    if (item.kind === 'all') {
      if (isRecord(context.payload)) for (const [key, value] of Object.entries(context.payload)) put(output, key, value);
      continue;
    }
    const value = evaluateRuleExpression(item.expression, context);
    if (value !== undefined) put(output, item.key, value);
  }
  return { whereHeld, output };
}
