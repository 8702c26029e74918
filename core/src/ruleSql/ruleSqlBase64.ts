import { fromBase64, toBase64, utf8DecodeStrict, utf8Encode } from '../encoding/bytes.js';
import { RULE_ERROR_CODES, ruleError, type RuleResult } from './RuleSqlError.js';

/** TopicRulePayload.Sql is the rule SQL's UTF-8 bytes in base64 ("然后对其进行base64编码"). */
export function encodeRuleSql(sql: string): string {
  return toBase64(utf8Encode(sql));
}

/**
 * The SQL a TopicRulePayload.Sql carries. Says plainly which layer is wrong: not base64 at all (often the SQL
 * was pasted without encoding it), or base64 of bytes that are not UTF-8 text (often a mangled copy).
 */
export function decodeRuleSql(base64: string): RuleResult<{ readonly sql: string }> {
  if (typeof base64 !== 'string' || base64.trim() === '') return ruleError(RULE_ERROR_CODES.sqlNotEdited, 'Sql: empty; expected the rule SQL, base64-encoded');
  const bytes = fromBase64(base64.trim());
  if (bytes === undefined) {
    const looksLikeSql = /^\s*select\b/i.test(base64);
    return ruleError(
      RULE_ERROR_CODES.invalidValue,
      `Sql: not valid base64 (RFC 4648, padded with "=")${looksLikeSql ? '; it looks like plain SQL — encode it first' : ''}`,
    );
  }
  const sql = utf8DecodeStrict(bytes);
  if (sql === undefined)
    return ruleError(
      RULE_ERROR_CODES.invalidSql,
      `Sql: the base64 decodes to ${bytes.length} bytes that are not UTF-8 text; it is not an encoded SQL statement`,
    );
  return { ok: true, sql };
}
