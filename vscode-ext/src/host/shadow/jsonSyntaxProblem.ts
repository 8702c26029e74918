import { DEFAULT_JSON_MAX_DEPTH, parseJsonBounded } from '@iot-devkit/core';

/** Where a shadow text stops being JSON: 1-based line and column, what was expected there, and what was found. */
export interface JsonSyntaxProblem {
  readonly line: number;
  readonly column: number;
  /** What the JSON grammar allows there (worded by each UI in its language). */
  readonly expected: JsonExpectation;
  /** The rest of the line from there (at most 16 characters), or undefined at the end of the text. */
  readonly found: string | undefined;
}

/** The text of a shadow editor, at most twice UpdateDeviceShadow's 8 KB State with its indentation and metadata. */
const MAX_SHADOW_TEXT = 256 * 1024;

/**
 * Why `text` is not JSON, or undefined when it is. The text is read by the core's bounded reader first; only when
 * that refuses it is the position found here, because Node 20's JSON.parse names no position for an unexpected
 * token ("Unexpected token 'x', … is not valid JSON"). Depth and length refusals come back as their own message.
 */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | { readonly message: string } | undefined {
  const parsed = parseJsonBounded(text, 'shadow', { maxDepth: DEFAULT_JSON_MAX_DEPTH, maxLength: MAX_SHADOW_TEXT });
  if (parsed.ok) return undefined;
  if (parsed.problem !== 'invalid') return { message: parsed.message };
  const { offset, expected } = locateSyntaxError(text);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, expected, found: offset >= text.length ? undefined : text.slice(offset, offset + 16).split(/\r?\n/)[0] };
}

/** What may come next at the point where the text stops being JSON. */
export type JsonExpectation = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrBrace' | 'commaOrBracket' | 'end';

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** The end of the JSON string starting at `start` (a "), or -1 if it is not one. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -1;
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -1;
        i += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
      else return -1;
    }
  }
  return -1;
}

/** The end of the JSON number or literal starting at `start`, or -1. */
function scalarEnd(text: string, start: number): number {
  for (const literal of ['true', 'false', 'null']) if (text.startsWith(literal, start)) return start + literal.length;
  let i = start;
  if (text[i] === '-') i++;
  if (text[i] === '0') i++;
  else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
  else return -1;
  if (text[i] === '.') {
    if (!isDigit(text.charCodeAt(++i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    if (!isDigit(text.charCodeAt(i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}

/**
 * The first offset where `text` stops being JSON and what was expected there. Not a reader: it builds no value and
 * keeps the open brackets in an array (no recursion), one pass over the text.
 */
export function locateSyntaxError(text: string): { offset: number; expected: JsonExpectation } {
  const open: number[] = [];
  let expect: JsonExpectation = 'value';
  let i = 0;
  const afterValue = (): JsonExpectation => (open.length === 0 ? 'end' : open[open.length - 1] === 0x7b ? 'commaOrBrace' : 'commaOrBracket');
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    const fail = () => ({ offset: i, expected: expect });
    if (i >= text.length) return expect === 'end' ? { offset: i, expected: 'end' } : fail();
    const c = text.charCodeAt(i);
    switch (expect) {
      case 'end':
        return fail();
      case 'colon':
        if (c !== 0x3a) return fail();
        i++;
        expect = 'value';
        continue;
      case 'commaOrBrace':
      case 'commaOrBracket': {
        const close: number = expect === 'commaOrBrace' ? 0x7d : 0x5d;
        if (c === 0x2c) expect = close === 0x7d ? 'key' : 'value';
        else if (c === close) {
          open.pop();
          expect = afterValue();
        } else return fail();
        i++;
        continue;
      }
      case 'key':
      case 'keyOrClose': {
        if (c === 0x7d && expect === 'keyOrClose') {
          open.pop();
          i++;
          expect = afterValue();
          continue;
        }
        const end = c === 0x22 ? stringEnd(text, i) : -1;
        if (end < 0) return fail();
        i = end;
        expect = 'colon';
        continue;
      }
      case 'value':
      case 'valueOrClose': {
        if (c === 0x5d && expect === 'valueOrClose') {
          open.pop();
          i++;
          expect = afterValue();
          continue;
        }
        if (c === 0x7b || c === 0x5b) {
          open.push(c);
          i++;
          expect = c === 0x7b ? 'keyOrClose' : 'valueOrClose';
          continue;
        }
        const end = c === 0x22 ? stringEnd(text, i) : scalarEnd(text, i);
        if (end < 0) return fail();
        i = end;
        expect = afterValue();
        continue;
      }
    }
  }
}
