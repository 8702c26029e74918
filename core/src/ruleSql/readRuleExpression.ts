import type { RuleSqlToken } from './tokenizeRuleSql.js';

/** Parentheses, NOTs, signs, calls and indexes nested deeper than this are refused: a rule condition is short. */
export const MAX_RULE_EXPRESSION_DEPTH = 32;

const KEYWORDS = new Set(['SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'AS', 'IN', 'LIKE', 'IS', 'NULL', 'BETWEEN', 'TRUE', 'FALSE']);
const COMPARISONS = new Set(['=', '==', '!=', '<>', '<', '<=', '>', '>=']);

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

/**
 * Reads one expression of the rule engine's SQL — the subset its doc describes ("类似MySQL语法"): fields and
 * JSON paths (a.b, a[0]), constants in single or double quotes, numbers, true/false/null, built-in calls such as
 * deviceName(), + - * / %, comparisons (= != <> < <= > >=), [NOT] LIKE, [NOT] IN (…), [NOT] BETWEEN … AND …,
 * IS [NOT] NULL, NOT, AND, OR and parentheses. Recursive descent, one token of look-ahead, no backtracking.
 */
export function readRuleExpression(cursor: RuleSqlCursor): void {
  readOr(cursor);
}

function readOr(cursor: RuleSqlCursor): void {
  readAnd(cursor);
  while (cursor.acceptKeyword('OR')) readAnd(cursor);
}

function readAnd(cursor: RuleSqlCursor): void {
  readNot(cursor);
  while (cursor.acceptKeyword('AND')) readNot(cursor);
}

function readNot(cursor: RuleSqlCursor): void {
  if (cursor.acceptKeyword('NOT')) cursor.nested(() => readNot(cursor));
  else readComparison(cursor);
}

function readComparison(cursor: RuleSqlCursor): void {
  readAdditive(cursor);
  const token = cursor.current;
  if (token.kind === 'operator' && COMPARISONS.has(token.text)) {
    cursor.next();
    readAdditive(cursor);
    return;
  }
  if (cursor.acceptKeyword('IS')) {
    cursor.acceptKeyword('NOT');
    if (!cursor.acceptKeyword('NULL') && !cursor.acceptKeyword('TRUE') && !cursor.acceptKeyword('FALSE'))
      throw new RuleSqlSyntaxError(`expected NULL, TRUE or FALSE ${after(cursor)}, got ${describeToken(cursor.current)}`, cursor.current);
    return;
  }
  const negated = cursor.acceptKeyword('NOT');
  if (cursor.acceptKeyword('LIKE')) readAdditive(cursor);
  else if (cursor.acceptKeyword('BETWEEN')) {
    readAdditive(cursor);
    if (!cursor.acceptKeyword('AND')) throw new RuleSqlSyntaxError(`expected AND in BETWEEN … AND …, got ${describeToken(cursor.current)}`, cursor.current);
    readAdditive(cursor);
  } else if (cursor.acceptKeyword('IN')) {
    cursor.expectOperator('(', 'after IN');
    cursor.nested(() => readList(cursor, 'IN ('));
  } else if (negated) throw new RuleSqlSyntaxError(`expected LIKE, IN or BETWEEN after NOT, got ${describeToken(cursor.current)}`, cursor.current);
}

function readAdditive(cursor: RuleSqlCursor): void {
  readMultiplicative(cursor);
  while (cursor.acceptOperator('+') || cursor.acceptOperator('-')) readMultiplicative(cursor);
}

function readMultiplicative(cursor: RuleSqlCursor): void {
  readUnary(cursor);
  while (cursor.acceptOperator('*') || cursor.acceptOperator('/') || cursor.acceptOperator('%')) readUnary(cursor);
}

function readUnary(cursor: RuleSqlCursor): void {
  if (cursor.acceptOperator('-') || cursor.acceptOperator('+')) cursor.nested(() => readUnary(cursor));
  else readPostfix(cursor);
}

function readPostfix(cursor: RuleSqlCursor): void {
  readPrimary(cursor);
  for (;;) {
    if (cursor.acceptOperator('.')) {
      const field = cursor.current;
      if (field.kind !== 'word' && field.kind !== 'number') throw new RuleSqlSyntaxError(`expected a field name after ".", got ${describeToken(field)}`, field);
      cursor.next();
    } else if (cursor.acceptOperator('[')) {
      cursor.nested(() => readRuleExpression(cursor));
      cursor.expectOperator(']', 'to close the index');
    } else return;
  }
}

/** Comma-separated expressions up to ")", the "(" already read; `what` names the construct in messages. */
function readList(cursor: RuleSqlCursor, what: string): void {
  readRuleExpression(cursor);
  while (cursor.acceptOperator(',')) readRuleExpression(cursor);
  cursor.expectOperator(')', `to close ${what}`);
}

function readPrimary(cursor: RuleSqlCursor): void {
  const token = cursor.current;
  switch (token.kind) {
    case 'number':
      cursor.next();
      return;
    case 'string':
      if (!token.closed) throw new RuleSqlSyntaxError(`the constant ${describeToken(token)} has no closing ${token.quote}`, token);
      cursor.next();
      return;
    case 'word': {
      const upper = token.text.toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE' || upper === 'NULL') {
        cursor.next();
        return;
      }
      if (isKeywordToken(token))
        throw new RuleSqlSyntaxError(`expected a field, a constant or a function ${after(cursor)}, got the keyword ${token.text.toUpperCase()}`, token);
      cursor.next();
      if (cursor.acceptOperator('(')) {
        // A built-in call: deviceName(), timestamp(), substring(s, 0, 3), count(*).
        if (cursor.acceptOperator(')')) return;
        if (cursor.acceptOperator('*')) cursor.expectOperator(')', `to close ${token.text}(*`);
        else cursor.nested(() => readList(cursor, `${token.text}(`));
      }
      return;
    }
    case 'operator':
      if (token.text === '(') {
        cursor.next();
        cursor.nested(() => readRuleExpression(cursor));
        cursor.expectOperator(')', 'to close "("');
        return;
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
