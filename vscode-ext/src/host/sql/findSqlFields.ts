import { decodeRuleSql } from '@iot-devkit/core';

export interface SqlField {
  /** Offset of the opening quote of the base64 value, and the end just past its closing quote. */
  readonly start: number;
  readonly end: number;
  readonly base64: string;
  /** The decoded SQL, or why it cannot be decoded (not base64, not UTF-8). */
  readonly decoded: { readonly ok: true; readonly sql: string } | { readonly ok: false; readonly reason: string };
}

// "Sql": "<value>" as it appears in JSON bodies and .http files; JSON string escapes are allowed in the value.
const SQL_FIELD = /"Sql"\s*:\s*("(?:[^"\\\r\n]|\\.)*")/g;

/** Every "Sql": "<base64>" in a text, with the SQL it carries. */
export function findSqlFields(text: string): SqlField[] {
  const fields: SqlField[] = [];
  for (const match of text.matchAll(SQL_FIELD)) {
    const literal = match[1]!;
    let base64: string;
    try {
      base64 = JSON.parse(literal) as string;
    } catch {
      continue;
    }
    const start = match.index + match[0].length - literal.length;
    const decoded = decodeRuleSql(base64);
    fields.push({
      start,
      end: start + literal.length,
      base64,
      decoded: decoded.ok ? { ok: true, sql: decoded.sql } : { ok: false, reason: `${decoded.error.code}: ${decoded.error.message}` },
    });
  }
  return fields;
}
