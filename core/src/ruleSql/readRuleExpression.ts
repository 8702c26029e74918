import { findRuleFunction, RULE_FUNCTIONS } from './ruleFunctions.js';
import type { RuleAccessStep, RuleArithmeticOperator, RuleComparisonOperator, RuleExpression } from './RuleSqlTree.js';
import type { RuleSqlToken } from './tokenizeRuleSql.js';

/** Parentheses, NOTs, signs, calls and indexes nested deeper than this are refused: a rule condition is short. */
export const MAX_RULE_EXPRESSION_DEPTH = 32;

const KEYWORDS = new Set(['SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'AS', 'IN', 'LIKE', 'IS', 'NULL', 'BETWEEN', 'TRUE', 'FALSE']);
// The doc's two spellings of one test are one operator in the tree.
const COMPARISONS: ReadonlyMap<string, RuleComparisonOperator> = new Map([
  ['=', '='],
  ['==', '='],
  ['!=', '<>'],
  ['<>', '<>'],
  ['<', '<'],
  ['<=', '<='],
  ['>', '>'],
  ['>=', '>='],
]);

/** A syntax problem at a token; thrown inside the reader and turned into a RuleResult by checkRuleSql. */
export class RuleSqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly token: RuleSqlToken,
  ) {
    super(message);
  }
}

/** How a token reads in a message: quoted and shortened, or "the end of the SQL". */
export function describeToken(token: RuleSqlToken): string {
  if (token.kind === 'end') return 'the end of the SQL';
  return JSON.stringify(token.text.length > 40 ? token.text.slice(0, 40) + '…' : token.text);
}

/** The tokens of one statement and a position in them; every read moves forward, so parsing is linear. */
export class RuleSqlCursor {
  private index = 0;
  private depth = 0;
  constructor(readonly tokens: readonly RuleSqlToken[]) {}

  get current(): RuleSqlToken {
    return this.tokens[Math.min(this.index, this.tokens.length - 1)]!;
  }
  /** The current token, as a call: a getter's value would stay narrowed by the compiler across reads that move on. */
  peek(): RuleSqlToken {
    return this.current;
  }
  get previous(): RuleSqlToken | undefined {
    return this.index > 0 ? this.tokens[this.index - 1] : undefined;
  }
  next(): RuleSqlToken {
    const token = this.current;
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }
  isKeyword(word: string, token = this.current): boolean {
    return token.kind === 'word' && token.text.toUpperCase() === word;
  }
  isOperator(text: string, token = this.current): boolean {
    return token.kind === 'operator' && token.text === text;
  }
  /** Consumes the keyword when it is next. */
  acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.next();
    return true;
  }
  acceptOperator(text: string): boolean {
    if (!this.isOperator(text)) return false;
    this.next();
    return true;
  }
  expectOperator(text: string, after: string): void {
    if (!this.acceptOperator(text)) throw new RuleSqlSyntaxError(`expected "${text}" ${after}, got ${describeToken(this.current)}`, this.current);
  }
  /** Runs one level deeper, refusing input nested past MAX_RULE_EXPRESSION_DEPTH before the stack could. */
  nested<T>(read: () => T): T {
    if (this.depth >= MAX_RULE_EXPRESSION_DEPTH)
      throw new RuleSqlSyntaxError(
        `the expression is nested more than ${MAX_RULE_EXPRESSION_DEPTH} levels deep at ${describeToken(this.current)}; a rule condition is a short expression`,
        this.current,
      );
    this.depth++;
    try {
      return read();
    } finally {
      this.depth--;
    }
  }
}

export const isKeywordToken = (token: RuleSqlToken) => token.kind === 'word' && !token.text.startsWith('`') && KEYWORDS.has(token.text.toUpperCase());
const after = (cursor: RuleSqlCursor) => (cursor.previous ? `after ${describeToken(cursor.previous)}` : 'here');
/** A word token's name: a backquoted name without its quotes, any other word as written. */
export const wordName = (token: RuleSqlToken) => (token.text.startsWith('`') ? (token.value ?? '') : token.text);
const spanOf = (from: { start: number }, cursor: RuleSqlCursor) => ({ start: from.start, end: cursor.previous?.end ?? from.start });

/**
 * Reads one expression of the rule engine's SQL — the subset its doc describes ("类似MySQL语法"): fields and
 * JSON paths (a.b, a[0]), constants in single or double quotes, numbers, true/false/null, built-in calls such as
 * deviceName(), + - * / %, comparisons (= != <> < <= > >=), [NOT] LIKE, [NOT] IN (…), [NOT] BETWEEN … AND …,
 * IS [NOT] NULL, NOT, AND, OR and parentheses. Recursive descent, one token of look-ahead, no backtracking; the
 * tree it returns nests only where the SQL nests (see RuleSqlTree).
 */
export function readRuleExpression(cursor: RuleSqlCursor): RuleExpression {
  return readOr(cursor);
}

/** operand (KEYWORD operand)…: OR over ANDs, AND over NOTs, as one node with the list of operands. */
function readJunction(cursor: RuleSqlCursor, keyword: 'OR' | 'AND', readOperand: (cursor: RuleSqlCursor) => RuleExpression): RuleExpression {
  const start = cursor.peek();
  const first = readOperand(cursor);
  if (!cursor.isKeyword(keyword)) return first;
  const operands = [first];
  while (cursor.acceptKeyword(keyword)) operands.push(readOperand(cursor));
  return { kind: keyword === 'OR' ? 'or' : 'and', operands, ...spanOf(start, cursor) };
}

const readOr = (cursor: RuleSqlCursor): RuleExpression => readJunction(cursor, 'OR', readAnd);
const readAnd = (cursor: RuleSqlCursor): RuleExpression => readJunction(cursor, 'AND', readNot);

function readNot(cursor: RuleSqlCursor): RuleExpression {
  const start = cursor.peek();
  if (cursor.acceptKeyword('NOT')) {
    const operand = cursor.nested(() => readNot(cursor));
    return { kind: 'not', operand, ...spanOf(start, cursor) };
  }
  return readComparison(cursor);
}

function readComparison(cursor: RuleSqlCursor): RuleExpression {
  const start = cursor.peek();
  const left = readAdditive(cursor);
  const token = cursor.current;
  const comparison = token.kind === 'operator' ? COMPARISONS.get(token.text) : undefined;
  if (comparison !== undefined) {
    cursor.next();
    const right = readAdditive(cursor);
    return { kind: 'compare', operator: comparison, left, right, ...spanOf(start, cursor) };
  }
  if (cursor.acceptKeyword('IS')) {
    const negated = cursor.acceptKeyword('NOT');
    const test = cursor.peek();
    if (!cursor.acceptKeyword('NULL') && !cursor.acceptKeyword('TRUE') && !cursor.acceptKeyword('FALSE'))
      throw new RuleSqlSyntaxError(`expected NULL, TRUE or FALSE ${after(cursor)}, got ${describeToken(cursor.current)}`, cursor.current);
    return { kind: 'is', operand: left, test: test.text.toUpperCase() as 'NULL' | 'TRUE' | 'FALSE', negated, ...spanOf(start, cursor) };
  }
  const negated = cursor.acceptKeyword('NOT');
  if (cursor.acceptKeyword('LIKE')) {
    const pattern = readAdditive(cursor);
    return { kind: 'like', operand: left, pattern, negated, ...spanOf(start, cursor) };
  }
  if (cursor.acceptKeyword('BETWEEN')) {
    const low = readAdditive(cursor);
    if (!cursor.acceptKeyword('AND')) throw new RuleSqlSyntaxError(`expected AND in BETWEEN … AND …, got ${describeToken(cursor.current)}`, cursor.current);
    const high = readAdditive(cursor);
    return { kind: 'between', operand: left, low, high, negated, ...spanOf(start, cursor) };
  }
  if (cursor.acceptKeyword('IN')) {
    cursor.expectOperator('(', 'after IN');
    const list = cursor.nested(() => readList(cursor, 'IN ('));
    return { kind: 'in', operand: left, list, negated, ...spanOf(start, cursor) };
  }
  if (negated) throw new RuleSqlSyntaxError(`expected LIKE, IN or BETWEEN after NOT, got ${describeToken(cursor.current)}`, cursor.current);
  return left;
}

/** A chain of one precedence level (a + b - c) as one node: the operators of `level`, each followed by an operand. */
function readChain(cursor: RuleSqlCursor, level: readonly RuleArithmeticOperator[], readOperand: (cursor: RuleSqlCursor) => RuleExpression): RuleExpression {
  const start = cursor.peek();
  const first = readOperand(cursor);
  const rest: { operator: RuleArithmeticOperator; operand: RuleExpression }[] = [];
  for (;;) {
    const operator = level.find((op) => cursor.isOperator(op));
    if (operator === undefined) break;
    cursor.next();
    rest.push({ operator, operand: readOperand(cursor) });
  }
  return rest.length === 0 ? first : { kind: 'arithmetic', first, rest, ...spanOf(start, cursor) };
}

const ADDITIVE: readonly RuleArithmeticOperator[] = ['+', '-'];
const MULTIPLICATIVE: readonly RuleArithmeticOperator[] = ['*', '/', '%'];
const readAdditive = (cursor: RuleSqlCursor): RuleExpression => readChain(cursor, ADDITIVE, readMultiplicative);
const readMultiplicative = (cursor: RuleSqlCursor): RuleExpression => readChain(cursor, MULTIPLICATIVE, readUnary);

function readUnary(cursor: RuleSqlCursor): RuleExpression {
  const start = cursor.peek();
  const sign = cursor.acceptOperator('-') ? '-' : cursor.acceptOperator('+') ? '+' : undefined;
  if (sign === undefined) return readPostfix(cursor);
  const operand = cursor.nested(() => readUnary(cursor));
  // A signed number is a constant, so `-10` is the literal -10 rather than a node the evaluator must negate.
  if (operand.kind === 'literal' && typeof operand.value === 'number')
    return { kind: 'literal', value: sign === '-' ? -operand.value : operand.value, ...spanOf(start, cursor) };
  return { kind: 'unary', operator: sign, operand, ...spanOf(start, cursor) };
}

function readPostfix(cursor: RuleSqlCursor): RuleExpression {
  const start = cursor.peek();
  const object = readPrimary(cursor);
  const steps: RuleAccessStep[] = [];
  for (;;) {
    if (cursor.acceptOperator('.')) {
      const field = cursor.current;
      if (field.kind !== 'word' && field.kind !== 'number') throw new RuleSqlSyntaxError(`expected a field name after ".", got ${describeToken(field)}`, field);
      cursor.next();
      steps.push({ kind: 'key', name: wordName(field) });
    } else if (cursor.acceptOperator('[')) {
      const index = cursor.nested(() => readRuleExpression(cursor));
      cursor.expectOperator(']', 'to close the index');
      steps.push({ kind: 'index', index });
    } else break;
  }
  return steps.length === 0 ? object : { kind: 'access', object, steps, ...spanOf(start, cursor) };
}

/** Comma-separated expressions up to ")", the "(" already read; `what` names the construct in messages. */
function readList(cursor: RuleSqlCursor, what: string): RuleExpression[] {
  const list = [readRuleExpression(cursor)];
  while (cursor.acceptOperator(',')) list.push(readRuleExpression(cursor));
  cursor.expectOperator(')', `to close ${what}`);
  return list;
}

const FUNCTION_LIST = Object.keys(RULE_FUNCTIONS)
  .map((name) => `${name}()`)
  .join(', ');

/**
 * A call's arguments, the "(" already read, then the name and arity checked against the doc's list of functions.
 * The name is checked after the arguments so that input nested past the limit is refused as such, whatever it calls.
 */
function readCall(cursor: RuleSqlCursor, nameToken: RuleSqlToken): RuleExpression {
  const found = nameToken.text.startsWith('`') ? undefined : findRuleFunction(nameToken.text);
  const unknown = () => new RuleSqlSyntaxError(`unknown function ${describeToken(nameToken)}; the rule engine's functions are ${FUNCTION_LIST}`, nameToken);
  const star = cursor.peek();
  if (cursor.acceptOperator('*')) {
    if (found === undefined) throw unknown();
    throw new RuleSqlSyntaxError(`${found}(*): "*" is not an argument; expected ${RULE_FUNCTIONS[found].usage}`, star);
  }
  const args = cursor.acceptOperator(')') ? [] : cursor.nested(() => readList(cursor, `${nameToken.text}(`));
  if (found === undefined) throw unknown();
  const { min, max, usage } = RULE_FUNCTIONS[found];
  if (args.length < min || args.length > max)
    throw new RuleSqlSyntaxError(
      `${found}() takes ${min === max ? min : `${min} to ${max}`} argument${min === 1 && max === 1 ? '' : 's'}, got ${args.length}; expected ${usage}`,
      nameToken,
    );
  return { kind: 'call', name: found, args, ...spanOf(nameToken, cursor) };
}

function readPrimary(cursor: RuleSqlCursor): RuleExpression {
  const token = cursor.current;
  switch (token.kind) {
    case 'number':
      cursor.next();
      return { kind: 'literal', value: Number(token.text), start: token.start, end: token.end };
    case 'string':
      if (!token.closed) throw new RuleSqlSyntaxError(`the constant ${describeToken(token)} has no closing ${token.quote}`, token);
      cursor.next();
      return { kind: 'literal', value: token.value ?? '', start: token.start, end: token.end };
    case 'word': {
      const upper = token.text.toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE' || upper === 'NULL') {
        cursor.next();
        return { kind: 'literal', value: upper === 'NULL' ? null : upper === 'TRUE', start: token.start, end: token.end };
      }
      if (isKeywordToken(token))
        throw new RuleSqlSyntaxError(`expected a field, a constant or a function ${after(cursor)}, got the keyword ${token.text.toUpperCase()}`, token);
      cursor.next();
      // A built-in call: deviceName(), timestamp(), substring(s, 0, 3).
      if (cursor.acceptOperator('(')) return readCall(cursor, token);
      return { kind: 'field', name: wordName(token), start: token.start, end: token.end };
    }
    case 'operator':
      if (token.text === '(') {
        cursor.next();
        const inner = cursor.nested(() => readRuleExpression(cursor));
        cursor.expectOperator(')', 'to close "("');
        return inner;
      }
      break;
    case 'unknown':
      throw new RuleSqlSyntaxError(
        token.text.startsWith('`') ? `the quoted name ${describeToken(token)} has no closing \`` : `unexpected character ${describeToken(token)}`,
        token,
      );
    case 'end':
      break;
  }
  throw new RuleSqlSyntaxError(`expected a field, a constant or a function ${after(cursor)}, got ${describeToken(token)}`, token);
}
