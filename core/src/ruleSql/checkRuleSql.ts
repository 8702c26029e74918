import { describeToken, isKeywordToken, readRuleExpression, RuleSqlCursor, RuleSqlSyntaxError, wordName } from './readRuleExpression.js';
import { RULE_ERROR_CODES, ruleError, type RuleResult } from './RuleSqlError.js';
import type { RuleExpression, RuleSelectItem, RuleSqlTree } from './RuleSqlTree.js';
import { tokenizeRuleSql, type RuleSqlToken } from './tokenizeRuleSql.js';

/** A rule SQL's parts: SELECT fields FROM '<ProductId>/<DeviceName>/<topic>' [WHERE condition]. */
export interface RuleSqlParts {
  readonly select: string;
  readonly topic: string;
  readonly productId: string;
  /** A device name, or "+" for every device of the product. */
  readonly deviceName: string;
  /** The topic below the device, e.g. "event" or "data/+". */
  readonly topicName: string;
  readonly where?: string;
}

// Anchored single character classes over one topic level: each is one linear pass.
const PRODUCT_ID = /^[A-Za-z0-9]+$/;
const DEVICE_NAME = /^(?:[a-zA-Z0-9:_-]{1,48}|\+)$/;
const TOPIC_LEVEL = /^(?:[a-zA-Z0-9:_-]+|\+|#)$/;

// A rule is one short statement; longer text is refused before it is read.
const MAX_SQL_LENGTH = 16 * 1024;
const shapeHelp = "expected SELECT <fields> FROM '<ProductId>/<DeviceName>/<topic>' [WHERE <condition>]";

/** "column 12", or "line 2 column 3" in a statement written over several lines (1-based, as editors count). */
function placeOf(sql: string, offset: number): string {
  const lineStart = sql.lastIndexOf('\n', offset - 1) + 1;
  const column = offset - lineStart + 1;
  if (lineStart === 0) return `column ${column}`;
  let line = 1;
  for (let i = sql.indexOf('\n'); i !== -1 && i < lineStart; i = sql.indexOf('\n', i + 1)) line++;
  return `line ${line} column ${column}`;
}

/** An InvalidSQL result at a token: the message names the token and its place; `help` adds the statement's shape. */
const invalid = (sql: string, message: string, token: RuleSqlToken, help = true) =>
  ruleError(RULE_ERROR_CODES.invalidSql, `${message} (${placeOf(sql, token.start)})${help ? `; ${shapeHelp}` : ''}`, {
    start: token.start,
    end: Math.max(token.end, token.start + 1),
  });

/** The topic between FROM's quotes, level by level: ProductId, DeviceName or +, then topic levels with + and a final #. */
function checkTopic(token: RuleSqlToken): RuleResult<{ readonly topic: Pick<RuleSqlParts, 'topic' | 'productId' | 'deviceName' | 'topicName'> }> {
  const topic = token.value ?? '';
  const at = { start: token.start, end: token.end };
  const fail = (message: string) => ruleError(RULE_ERROR_CODES.invalidSql, `FROM '${topic.length > 80 ? topic.slice(0, 80) + '…' : topic}': ${message}`, at);
  const levels = topic.split('/');
  if (levels.length < 3) return fail(`expected <ProductId>/<DeviceName>/<topic>, got ${levels.length} level${levels.length === 1 ? '' : 's'}`);
  const [productId = '', deviceName = '', ...rest] = levels;
  if (!PRODUCT_ID.test(productId)) return fail(`the first level must be the ProductId (letters and digits), got ${JSON.stringify(productId)}`);
  if (!DEVICE_NAME.test(deviceName)) return fail(`the second level must be a DeviceName ([a-zA-Z0-9:_-]{1,48}) or +, got ${JSON.stringify(deviceName)}`);
  const badLevel = rest.findIndex((level, i) => !TOPIC_LEVEL.test(level) || (level === '#' && i !== rest.length - 1));
  if (badLevel !== -1) return fail(`topic level ${JSON.stringify(rest[badLevel])} must be [a-zA-Z0-9:_-]+, + or a final #`);
  return { ok: true, topic: { topic, productId, deviceName, topicName: rest.join('/') } };
}

/** The key a SELECT item without an alias gets: a field's (last) name, else the expression as written. */
function defaultKey(sql: string, expression: RuleExpression): string {
  if (expression.kind === 'field') return expression.name;
  const last = expression.kind === 'access' ? expression.steps[expression.steps.length - 1] : undefined;
  if (last?.kind === 'key') return last.name;
  return sql.slice(expression.start, expression.end);
}

/** The SELECT list: `*` or expressions with an optional alias (AS name, or a bare name as MySQL allows). */
function readSelectList(sql: string, cursor: RuleSqlCursor): RuleSelectItem[] {
  const items: RuleSelectItem[] = [];
  do {
    const star = cursor.peek();
    if (cursor.acceptOperator('*')) {
      items.push({ kind: 'all', start: star.start, end: star.end });
      continue;
    }
    const expression = readRuleExpression(cursor);
    let alias: string | undefined;
    if (cursor.acceptKeyword('AS') || (cursor.peek().kind === 'word' && !isKeywordToken(cursor.peek()))) {
      const aliasToken = cursor.peek();
      if (aliasToken.kind !== 'word' || isKeywordToken(aliasToken))
        throw new RuleSqlSyntaxError(`expected a name after AS, got ${describeToken(aliasToken)}`, aliasToken);
      cursor.next();
      alias = wordName(aliasToken);
    }
    items.push(
      alias !== undefined ? { kind: 'expression', expression, alias, key: alias } : { kind: 'expression', expression, key: defaultKey(sql, expression) },
    );
  } while (cursor.acceptOperator(','));
  return items;
}

/**
 * The shape check the rule engine's SQL needs before it is encoded and sent: a SELECT list, a FROM topic in single
 * quotes made of ProductId, DeviceName (or +) and the topic levels (+ and a final # allowed), and an optional WHERE
 * condition. A tokenizer and a recursive-descent reader (linear in the text, nesting bounded) check the
 * expressions' syntax and name the token at fault with its column, and calls only the documented functions
 * (RULE_FUNCTIONS) with their arity. It catches the mistakes that make the cloud answer InvalidSQL, and returns the
 * syntax tree the rule engine (ruleEngine/evaluateRuleSql.ts) evaluates.
 */
export function checkRuleSql(sql: string): RuleResult<{ readonly parts: RuleSqlParts; readonly tree: RuleSqlTree }> {
  if (typeof sql !== 'string' || sql.trim() === '') return ruleError(RULE_ERROR_CODES.sqlNotEdited, `the rule SQL is empty; ${shapeHelp}`);
  if (sql.length > MAX_SQL_LENGTH)
    return ruleError(
      RULE_ERROR_CODES.invalidSql,
      `the rule SQL is ${sql.length} characters; a rule is a short statement (this check stops at ${MAX_SQL_LENGTH})`,
    );
  const cursor = new RuleSqlCursor(tokenizeRuleSql(sql));
  try {
    const first = cursor.peek();
    if (!cursor.acceptKeyword('SELECT')) return invalid(sql, `the rule SQL must start with SELECT, got ${describeToken(first)}`, first);
    const selectStart = cursor.previous!.end;
    if (cursor.isKeyword('FROM') || cursor.peek().kind === 'end')
      return invalid(sql, cursor.peek().kind === 'end' ? 'empty SELECT list and no FROM clause' : 'empty SELECT list', cursor.peek());
    const selectItems = readSelectList(sql, cursor);
    const from = cursor.peek();
    if (!cursor.acceptKeyword('FROM')) {
      if (from.kind === 'end') return invalid(sql, 'no FROM clause after the SELECT list', from);
      return invalid(sql, `expected "," or FROM after the SELECT list, got ${describeToken(from)}`, from);
    }
    const select = sql.slice(selectStart, from.start).trim();
    const topicToken = cursor.next();
    if (topicToken.kind !== 'string' || topicToken.quote !== "'" || !topicToken.closed) {
      const hint =
        topicToken.kind === 'end'
          ? 'no topic after FROM'
          : topicToken.kind === 'string' && topicToken.quote === '"'
            ? 'the topic is in double quotes; use single quotes'
            : topicToken.kind === 'string'
              ? 'the topic quote is not closed'
              : `the topic must be in single quotes, got ${describeToken(topicToken)}`;
      return invalid(sql, `FROM: ${hint}`, topicToken);
    }
    const topic = checkTopic(topicToken);
    if (!topic.ok) return topic;
    let where: string | undefined;
    let whereTree: RuleExpression | undefined;
    const whereToken = cursor.peek();
    if (cursor.acceptKeyword('WHERE')) {
      if (cursor.peek().kind === 'end' || cursor.isOperator(';'))
        return invalid(sql, 'WHERE has no condition after it; write one such as temperature > 30, or remove WHERE', whereToken);
      whereTree = readRuleExpression(cursor);
      where = sql.slice(whereToken.end, cursor.peek().start).trim();
    }
    cursor.acceptOperator(';');
    if (cursor.peek().kind !== 'end') {
      const what =
        where === undefined
          ? 'after the FROM topic; expected WHERE <condition> or the end of the SQL'
          : 'after the WHERE condition; expected AND, OR, an operator or the end of the SQL';
      return invalid(sql, `unexpected ${describeToken(cursor.peek())} ${what}`, cursor.peek());
    }
    const tree: RuleSqlTree = { select: selectItems, from: topic.topic.topic, ...(whereTree !== undefined ? { where: whereTree } : {}) };
    return { ok: true, parts: { select, ...topic.topic, ...(where !== undefined ? { where } : {}) }, tree };
  } catch (error) {
    if (error instanceof RuleSqlSyntaxError) return invalid(sql, error.message, error.token, false);
    throw error;
  }
}
