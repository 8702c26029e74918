import type { RuleSqlError } from './RuleSqlError.js';

/**
 * The offsets an editor underlines for a rule-SQL error (UTF-16, end exclusive): the token the reader named, kept
 * inside the text. An error at the end of the SQL ("WHERE temperature >" ends where a value is due) is the empty
 * range just after the last token, which Monaco and VS Code both draw under its last character; an error of the whole statement
 * (no `at`: empty, too long) marks all of it. Both editors' squiggles come from this one function.
 */
export function ruleSqlMarkRange(sql: string, error: RuleSqlError): { readonly start: number; readonly end: number } {
  const length = typeof sql === 'string' ? sql.length : 0;
  if (!error.at) return { start: 0, end: length };
  // Only the end token starts past the last non-space character: the missing part is due right after the last token,
  // not on the line below a trailing newline (a .sql file ends with one).
  const due = sql.trimEnd().length;
  if (error.at.start >= due) return { start: due, end: due };
  const start = Math.max(0, error.at.start);
  return { start, end: Math.min(Math.max(start, error.at.end), length) };
}
