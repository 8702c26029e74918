/** One token of a rule SQL, with its place in the text (UTF-16 offsets) so an editor can underline it. */
export interface RuleSqlToken {
  readonly kind: 'word' | 'number' | 'string' | 'operator' | 'unknown' | 'end';
  /** The token as written (quotes included for a string). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** A string's contents without its quotes, escapes resolved. */
  readonly value?: string;
  /** A string's quote character; `closed` is false when the text ended before the closing quote. */
  readonly quote?: "'" | '"';
  readonly closed?: boolean;
}

// Longest first, so "<=" is read before "<".
const OPERATORS = ['<>', '!=', '<=', '>=', '==', '=', '<', '>', '+', '-', '*', '/', '%', '(', ')', ',', '.', '[', ']', ';'];
// A field or function name: letters of any script (the doc: "支持中文字符"), digits, _ and $. Tested one code point at a time.
const WORD_CHAR = /^[\p{L}\p{N}\p{M}_$]$/u;
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string) =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\u3000' || c === '\ufeff';

/**
 * Splits a rule SQL into tokens in one left-to-right pass: every character is looked at a bounded number of
 * times, so a 16 KB statement of spaces or quotes costs what its length costs (the stacked regexes it replaces
 * backtracked: 3,000 spaces took 8 s). Never fails: a character no token starts with becomes an `unknown` token
 * for the parser to name, an unclosed string runs to the end with `closed: false`.
 */
export function tokenizeRuleSql(sql: string): RuleSqlToken[] {
  const tokens: RuleSqlToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === "'" || c === '"') {
      // SQL doubles a quote to escape it ('it''s'); a backslash escapes the next character, as JSON-minded users write it.
      let value = '';
      let closed = false;
      i++;
      while (i < sql.length) {
        const d = sql[i]!;
        if (d === '\\' && i + 1 < sql.length) {
          value += sql[i + 1];
          i += 2;
        } else if (d === c) {
          if (sql[i + 1] === c) {
            value += c;
            i += 2;
          } else {
            closed = true;
            i++;
            break;
          }
        } else {
          value += d;
          i++;
        }
      }
      tokens.push({ kind: 'string', text: sql.slice(start, i), start, end: i, value, quote: c, closed });
      continue;
    }
    if (c === '`') {
      // A MySQL-style quoted name (`my field`): one word token, never a keyword.
      const close = sql.indexOf('`', i + 1);
      i = close === -1 ? sql.length : close + 1;
      tokens.push({
        kind: close === -1 ? 'unknown' : 'word',
        text: sql.slice(start, i),
        start,
        end: i,
        value: sql.slice(start + 1, close === -1 ? i : close),
        closed: close !== -1,
      });
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(sql[i + 1]))) {
      while (isDigit(sql[i])) i++;
      if (sql[i] === '.' && isDigit(sql[i + 1])) for (i++; isDigit(sql[i]);) i++;
      if ((sql[i] === 'e' || sql[i] === 'E') && (isDigit(sql[i + 1]) || ((sql[i + 1] === '+' || sql[i + 1] === '-') && isDigit(sql[i + 2]))))
        for (i += 2; isDigit(sql[i]);) i++;
      tokens.push({ kind: 'number', text: sql.slice(start, i), start, end: i });
      continue;
    }
    const codePoint = String.fromCodePoint(sql.codePointAt(i)!);
    if (WORD_CHAR.test(codePoint)) {
      for (let next = codePoint; WORD_CHAR.test(next); next = i < sql.length ? String.fromCodePoint(sql.codePointAt(i)!) : '') i += next.length;
      tokens.push({ kind: 'word', text: sql.slice(start, i), start, end: i });
      continue;
    }
    const operator = OPERATORS.find((op) => sql.startsWith(op, i));
    if (operator !== undefined) {
      i += operator.length;
      tokens.push({ kind: 'operator', text: operator, start, end: i });
      continue;
    }
    i += codePoint.length;
    tokens.push({ kind: 'unknown', text: codePoint, start, end: i });
  }
  tokens.push({ kind: 'end', text: '', start: sql.length, end: sql.length });
  return tokens;
}
