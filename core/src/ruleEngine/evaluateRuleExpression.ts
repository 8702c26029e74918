import { getOwnProperty } from '../encoding/setOwnProperty.js';
import { MAX_RULE_EXPRESSION_DEPTH } from '../ruleSql/readRuleExpression.js';
import type { RuleAccessStep, RuleExpression } from '../ruleSql/RuleSqlTree.js';
import { callRuleFunction } from './callRuleFunction.js';
import { matchLike } from './matchLike.js';
import type { RuleContext } from './RuleContext.js';
import { compareRuleValues, isNullish, notRule, ruleTruth, toRuleNumber, type RuleValue } from './ruleValues.js';

/**
 * Trees from checkRuleSql nest a few nodes per level the reader allows (or → and → compare → sum → product →
 * access), so they stay far below this; a tree built by hand that goes deeper evaluates to null instead of
 * overflowing the stack.
 */
export const MAX_RULE_EVALUATION_DEPTH = 16 * MAX_RULE_EXPRESSION_DEPTH;

/** One step into a JSON value: an own key of an object (never its prototype's), or an index of an array. */
function step(value: RuleValue, key: RuleValue): RuleValue {
  if (Array.isArray(value)) {
    const index = typeof key === 'number' ? key : typeof key === 'string' && /^\d{1,9}$/.test(key) ? Number(key) : NaN;
    return Number.isInteger(index) && index >= 0 && index < value.length ? value[index] : undefined;
  }
  if (value !== null && typeof value === 'object' && (typeof key === 'string' || typeof key === 'number')) {
    return getOwnProperty(value as Record<string, unknown>, String(key));
  }
  return undefined;
}

function arithmetic(operator: string, a: number, b: number): number | null {
  switch (operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    // Division and remainder by zero are null, as in MySQL.
    case '/':
      return b === 0 ? null : a / b;
    default:
      return b === 0 ? null : a % b;
  }
}

const COMPARE: Readonly<Record<string, (order: -1 | 0 | 1) => boolean>> = {
  '=': (o) => o === 0,
  '<>': (o) => o !== 0,
  '<': (o) => o < 0,
  '<=': (o) => o <= 0,
  '>': (o) => o > 0,
  '>=': (o) => o >= 0,
};

/** `a = b` in SQL's three values: null when either is null or they do not compare. */
const equalsRule = (a: RuleValue, b: RuleValue): boolean | null => {
  const order = compareRuleValues(a, b);
  return order === undefined ? null : order === 0;
};

/**
 * Evaluates one expression of a checked rule SQL against a message. Never throws: a value an operator cannot use
 * gives null (see ruleValues.ts), and the result of a condition is true, false or null.
 */
export function evaluateRuleExpression(expression: RuleExpression, context: RuleContext, depth = 0): RuleValue {
  if (depth > MAX_RULE_EVALUATION_DEPTH) return null;
  const d = depth + 1;
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'field':
      return step(context.payload, expression.name);
    case 'access': {
      let value = evaluateRuleExpression(expression.object, context, d);
      for (const s of expression.steps as readonly RuleAccessStep[]) {
        if (value === undefined || value === null) return undefined;
        value = step(value, s.kind === 'key' ? s.name : evaluateRuleExpression(s.index, context, d));
      }
      return value;
    }
    case 'call':
      return callRuleFunction(
        expression.name,
        expression.args.map((arg) => evaluateRuleExpression(arg, context, d)),
        context,
      );
    case 'unary': {
      const number = toRuleNumber(evaluateRuleExpression(expression.operand, context, d));
      return number === undefined ? null : expression.operator === '-' ? -number : number;
    }
    case 'arithmetic': {
      let total = toRuleNumber(evaluateRuleExpression(expression.first, context, d));
      for (const { operator, operand } of expression.rest) {
        const next = toRuleNumber(evaluateRuleExpression(operand, context, d));
        if (total === undefined || next === undefined) return null;
        const result = arithmetic(operator, total, next);
        if (result === null || !Number.isFinite(result)) return null;
        total = result;
      }
      return total ?? null;
    }
    case 'compare': {
      const order = compareRuleValues(evaluateRuleExpression(expression.left, context, d), evaluateRuleExpression(expression.right, context, d));
      return order === undefined ? null : COMPARE[expression.operator]!(order);
    }
    case 'is': {
      const value = evaluateRuleExpression(expression.operand, context, d);
      const held = expression.test === 'NULL' ? isNullish(value) : value === (expression.test === 'TRUE');
      return expression.negated ? !held : held;
    }
    case 'like': {
      const value = evaluateRuleExpression(expression.operand, context, d);
      const pattern = evaluateRuleExpression(expression.pattern, context, d);
      const held = typeof value === 'string' && typeof pattern === 'string' ? matchLike(value, pattern) : null;
      return expression.negated ? notRule(held) : held;
    }
    case 'in': {
      const value = evaluateRuleExpression(expression.operand, context, d);
      let held: boolean | null = false;
      for (const item of expression.list) {
        const equal = equalsRule(value, evaluateRuleExpression(item, context, d));
        if (equal === true) {
          held = true;
          break;
        }
        if (equal === null) held = null;
      }
      return expression.negated ? notRule(held) : held;
    }
    case 'between': {
      const value = evaluateRuleExpression(expression.operand, context, d);
      const low = compareRuleValues(value, evaluateRuleExpression(expression.low, context, d));
      const high = compareRuleValues(value, evaluateRuleExpression(expression.high, context, d));
      const held = low === undefined || high === undefined ? null : low >= 0 && high <= 0;
      return expression.negated ? notRule(held) : held;
    }
    case 'not':
      return notRule(ruleTruth(evaluateRuleExpression(expression.operand, context, d)));
    case 'and':
    case 'or': {
      // SQL's three-valued AND and OR: the deciding value (false for AND, true for OR) wins over null and stops the
      // reading; otherwise any null makes the whole unknown.
      const decides = expression.kind === 'or';
      let held: boolean | null = !decides;
      for (const operand of expression.operands) {
        const value = ruleTruth(evaluateRuleExpression(operand, context, d));
        if (value === decides) return decides;
        if (value === null) held = null;
      }
      return held;
    }
  }
}
