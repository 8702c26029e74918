/** Where two texts first differ, with a short context of each, invisible characters shown. */
export interface TextDifference {
  /** Index (UTF-16 code units) of the first differing character. */
  readonly index: number;
  /** 1-based line and column of that character in the expected text. */
  readonly line: number;
  readonly column: number;
  readonly expected: string;
  readonly got: string;
  /** Offset in `expected` and `got` (both share the same prefix) where the difference starts, for a caret. */
  readonly caret: number;
}

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\uFEFF': '<BOM>', '\u00A0': '<NBSP>', '\u3000': '<U+3000 ideographic space>' };

/**
 * Text with the characters that break signatures unseen made visible: \n, \r, \t, a BOM, non-breaking and
 * zero-width spaces, other controls as <U+XXXX>, and spaces at the end of a line as ␠.
 */
export function makeVisible(text: string): string {
  return visibleSlice(text, 0, text.length);
}

/** makeVisible of text[start, end), judging "end of line" by the whole text, so a cut does not invent trailing spaces. */
function visibleSlice(text: string, start: number, end: number): string {
  let out = '';
  // Whether a run of spaces ends a line is judged once per run: testing / *(?:\r|\n|$)/ at each of its spaces rescanned it (quadratic).
  let runEnd = -1;
  let runEndsLine = false;
  for (let i = start; i < Math.min(end, text.length); i++) {
    const c = text[i]!;
    if (c === ' ' && i >= runEnd) {
      runEnd = i;
      while (text[runEnd] === ' ') runEnd++;
      runEndsLine = runEnd === text.length || text[runEnd] === '\r' || text[runEnd] === '\n';
    }
    if (Object.hasOwn(NAMED, c)) out += NAMED[c];
    else if (c === ' ' && runEndsLine) out += '␠';
    // eslint-disable-next-line no-control-regex -- control characters are what is made visible here
    else if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u2060]/.test(c)) out += `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;
    else out += c;
  }
  return out;
}

/** The first difference between expected and got, or undefined when they are equal. */
export function diffText(expected: string, got: string, context = 24): TextDifference | undefined {
  if (expected === got) return undefined;
  let index = 0;
  while (index < expected.length && index < got.length && expected[index] === got[index]) index++;
  const before = expected.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  const start = Math.max(0, index - context);
  const prefix = (start > 0 ? '…' : '') + visibleSlice(expected, start, index);
  const tail = (text: string) => (index >= text.length ? '<end>' : visibleSlice(text, index, index + context) + (index + context < text.length ? '…' : ''));
  return { index, line, column, expected: prefix + tail(expected), got: prefix + tail(got), caret: prefix.length };
}
