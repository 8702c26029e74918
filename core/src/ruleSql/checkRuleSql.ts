import { RULE_ERROR_CODES, ruleError, type RuleResult } from './RuleSqlError.js';

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

const SHAPE = /^\s*SELECT\s+([\s\S]+?)\s+FROM\s+(\S[\s\S]*?)(?:\s+WHERE\s+([\s\S]+?))?\s*;?\s*$/i;
const PRODUCT_ID = /^[A-Za-z0-9]+$/;
const DEVICE_NAME = /^(?:[a-zA-Z0-9:_-]{1,48}|\+)$/;
const TOPIC_LEVEL = /^(?:[a-zA-Z0-9:_-]+|\+|#)$/;

// Rules are one short statement; the bound keeps the shape regex's backtracking small on hostile input.
const MAX_SQL_LENGTH = 16 * 1024;
const shapeHelp = "expected SELECT <fields> FROM '<ProductId>/<DeviceName>/<topic>' [WHERE <condition>]";

/**
 * The basic shape check the rule engine's SQL needs before it is encoded and sent: a SELECT list, a FROM topic
 * in single quotes made of ProductId, DeviceName (or +) and the topic levels (+ and a final # allowed), and an
 * optional WHERE. It does not evaluate the SQL; it catches the mistakes that make the cloud answer InvalidSQL.
 */
export function checkRuleSql(sql: string): RuleResult<{ readonly parts: RuleSqlParts }> {
  if (typeof sql !== 'string' || sql.trim() === '') return ruleError(RULE_ERROR_CODES.sqlNotEdited, `the rule SQL is empty; ${shapeHelp}`);
  if (sql.length > MAX_SQL_LENGTH) return ruleError(RULE_ERROR_CODES.invalidSql, `the rule SQL is ${sql.length} characters; a rule is a short statement (this check stops at ${MAX_SQL_LENGTH})`);
  const match = SHAPE.exec(sql);
  if (!match) return ruleError(RULE_ERROR_CODES.invalidSql, /^\s*SELECT\b/i.test(sql) ? `no FROM clause; ${shapeHelp}` : `the rule SQL must start with SELECT; ${shapeHelp}`);
  const [, select = '', from = '', where] = match;
  const quoted = /^'([^']*)'$/.exec(from);
  if (!quoted) {
    const hint = /^"[^"]*"$/.test(from) ? 'the topic is in double quotes; use single quotes' : /^'/.test(from) ? 'the topic quote is not closed' : 'the topic must be in single quotes';
    return ruleError(RULE_ERROR_CODES.invalidSql, `FROM ${from}: ${hint}; ${shapeHelp}`);
  }
  const topic = quoted[1]!;
  const levels = topic.split('/');
  if (levels.length < 3) return ruleError(RULE_ERROR_CODES.invalidSql, `FROM '${topic}': expected <ProductId>/<DeviceName>/<topic>, got ${levels.length} level${levels.length === 1 ? '' : 's'}`);
  const [productId = '', deviceName = '', ...rest] = levels;
  if (!PRODUCT_ID.test(productId)) return ruleError(RULE_ERROR_CODES.invalidSql, `FROM '${topic}': the first level must be the ProductId (letters and digits), got ${JSON.stringify(productId)}`);
  if (!DEVICE_NAME.test(deviceName)) return ruleError(RULE_ERROR_CODES.invalidSql, `FROM '${topic}': the second level must be a DeviceName ([a-zA-Z0-9:_-]{1,48}) or +, got ${JSON.stringify(deviceName)}`);
  const badLevel = rest.findIndex((level, i) => !TOPIC_LEVEL.test(level) || (level === '#' && i !== rest.length - 1));
  if (badLevel !== -1) return ruleError(RULE_ERROR_CODES.invalidSql, `FROM '${topic}': topic level ${JSON.stringify(rest[badLevel])} must be [a-zA-Z0-9:_-]+, + or a final #`);
  if (select.trim() === '') return ruleError(RULE_ERROR_CODES.invalidSql, `empty SELECT list; ${shapeHelp}`);
  return { ok: true, parts: { select: select.trim(), topic, productId, deviceName, topicName: rest.join('/'), ...(where !== undefined ? { where: where.trim() } : {}) } };
}
