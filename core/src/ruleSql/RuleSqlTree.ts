import type { RuleFunctionName } from './ruleFunctions.js';

/**
 * The syntax tree of a rule SQL, as checkRuleSql reads it. Chains of one operator (a + b - c, x AND y AND z) are one
 * node with a list, not a left-leaning tower: a 16 KB `1+1+…` is then one node, and every walker over the tree
 * recurses only as deep as the parentheses, calls, NOTs and signs, which the reader caps at MAX_RULE_EXPRESSION_DEPTH.
 */

/** Where a node is in the SQL (UTF-16 offsets, end exclusive), for messages and the default output key. */
export interface RuleSqlSpan {
  readonly start: number;
  readonly end: number;
}

export type RuleArithmeticOperator = '+' | '-' | '*' | '/' | '%';
/** `==` is read as `=` and `!=` as `<>`: the doc lists both spellings for the same test. */
export type RuleComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** One step after a value: `.name` (a JSON key) or `[expression]` (an array index or a computed key). */
export type RuleAccessStep = { readonly kind: 'key'; readonly name: string } | { readonly kind: 'index'; readonly index: RuleExpression };

export type RuleExpression = RuleSqlSpan &
  (
    | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
    /** A top-level field of the payload: `temperature`, `温度`, `` `my field` ``. */
    | { readonly kind: 'field'; readonly name: string }
    /** A value followed by steps: `a.b.c`, `b[0]`, `topic(2).x`. */
    | { readonly kind: 'access'; readonly object: RuleExpression; readonly steps: readonly RuleAccessStep[] }
    /** A documented built-in function (RULE_FUNCTIONS), named in its documented spelling whatever case was written. */
    | { readonly kind: 'call'; readonly name: RuleFunctionName; readonly args: readonly RuleExpression[] }
    | { readonly kind: 'unary'; readonly operator: '-' | '+'; readonly operand: RuleExpression }
    | {
        readonly kind: 'arithmetic';
        readonly first: RuleExpression;
        readonly rest: readonly { readonly operator: RuleArithmeticOperator; readonly operand: RuleExpression }[];
      }
    | { readonly kind: 'compare'; readonly operator: RuleComparisonOperator; readonly left: RuleExpression; readonly right: RuleExpression }
    | { readonly kind: 'is'; readonly operand: RuleExpression; readonly test: 'NULL' | 'TRUE' | 'FALSE'; readonly negated: boolean }
    | { readonly kind: 'like'; readonly operand: RuleExpression; readonly pattern: RuleExpression; readonly negated: boolean }
    | { readonly kind: 'in'; readonly operand: RuleExpression; readonly list: readonly RuleExpression[]; readonly negated: boolean }
    | {
        readonly kind: 'between';
        readonly operand: RuleExpression;
        readonly low: RuleExpression;
        readonly high: RuleExpression;
        readonly negated: boolean;
      }
    | { readonly kind: 'not'; readonly operand: RuleExpression }
    | { readonly kind: 'and' | 'or'; readonly operands: readonly RuleExpression[] }
  );

/** One entry of the SELECT list: `*`, or an expression put in the output under `key`. */
export type RuleSelectItem =
  | ({ readonly kind: 'all' } & RuleSqlSpan)
  | {
      readonly kind: 'expression';
      readonly expression: RuleExpression;
      /** The alias when written (AS name, or a bare name after the expression). */
      readonly alias?: string;
      /** The output key: the alias, else a field's last name (`a.b` → "b"), else the expression as written ("deviceName()"). */
      readonly key: string;
    };

export interface RuleSqlTree {
  readonly select: readonly RuleSelectItem[];
  /** The FROM topic filter as written between the quotes (`+` and a final `#` allowed). */
  readonly from: string;
  readonly where?: RuleExpression;
}
