import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRuleSql } from './checkRuleSql.js';
import { ruleSqlMarkRange } from './ruleSqlMarkRange.js';

const TOPIC = "'ABCDE12345/dev_1/event'";
/** The text an editor underlines for the SQL's error. */
const marked = (sql: string) => {
  const result = checkRuleSql(sql);
  assert.equal(result.ok, false, sql);
  const range = ruleSqlMarkRange(sql, result.ok ? { code: '', message: '' } : result.error);
  return { ...range, text: sql.slice(range.start, range.end) };
};

test('the mark is the token named: a stray word, a double-quoted topic, a second operator', () => {
  assert.equal(marked(`SELECT a b c FROM ${TOPIC}`).text, 'c');
  assert.equal(marked(`SELECT * FROM "ABCDE12345/dev_1/event"`).text, '"ABCDE12345/dev_1/event"');
  const sql = `SELECT * FROM ${TOPIC} WHERE temperature >> 3`;
  assert.deepEqual(marked(sql), { start: sql.lastIndexOf('>'), end: sql.lastIndexOf('>') + 1, text: '>' });
  assert.equal(marked(`SELECT * FROM ${TOPIC} WHERE`).text, 'WHERE', 'a bare WHERE is the WHERE, not the topic quote');
});

test('an error at the end of the SQL is the empty range at its end, inside the text (WHERE temperature >)', () => {
  const sql = `SELECT * FROM ${TOPIC} WHERE temperature >`;
  assert.deepEqual(marked(sql), { start: sql.length, end: sql.length, text: '' });
  // Trailing spaces and the newline a .sql file ends with: still right after the ">", not on the next line.
  assert.deepEqual(marked(`${sql}  \n`), { start: sql.length, end: sql.length, text: '' });
});

test('an error of the whole statement marks all of it; offsets outside the text are clamped', () => {
  assert.deepEqual(ruleSqlMarkRange('SELECT', { code: 'x', message: 'm' }), { start: 0, end: 6 });
  assert.deepEqual(ruleSqlMarkRange('SELECT', { code: 'x', message: 'm', at: { start: 40, end: 99 } }), { start: 6, end: 6 });
  assert.deepEqual(ruleSqlMarkRange('SELECT x', { code: 'x', message: 'm', at: { start: 7, end: 99 } }), { start: 7, end: 8 });
  assert.deepEqual(ruleSqlMarkRange('SELECT', { code: 'x', message: 'm', at: { start: 3, end: 1 } }), { start: 3, end: 3 });
});
