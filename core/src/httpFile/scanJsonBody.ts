// The JSON body of a `.http` request read as written, before its placeholders are resolved: `{{productId}}` inside a
// string is string content, and `{{shadow.response.body.$.version}}` where a value goes is a value of unknown type
// (the body is not JSON until it is resolved, so JSON.parse cannot read it). Every node keeps its offsets, so an
// editor can underline a parameter name or a value. A small recursive-descent reader, one pass over the text, with
// a depth limit; the first syntax error stops it and is returned with its offset, never thrown.

/** Objects and arrays nested deeper than this are not read (API 3.0 bodies nest a few levels). */
export const MAX_BODY_DEPTH = 32;

interface Span {
  /** Offsets into the body text: [start, end). */
  readonly start: number;
  readonly end: number;
}

export interface JsonMember {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: JsonNode;
}

export type JsonNode = Span &
  (
    | { readonly kind: 'object'; readonly members: readonly JsonMember[] }
    | { readonly kind: 'array'; readonly items: readonly JsonNode[] }
    /** `placeholder`: the string holds a `{{…}}`, so its value is known only once resolved. */
    | { readonly kind: 'string'; readonly value: string; readonly placeholder: boolean }
    | { readonly kind: 'number'; readonly value: number }
    | { readonly kind: 'boolean'; readonly value: boolean }
    | { readonly kind: 'null' }
    /** A `{{…}}` standing where a value goes: any type once resolved. */
    | { readonly kind: 'placeholder' }
  );

export interface JsonScan {
  /** Absent when the text does not start a JSON value (the syntax error says why). */
  readonly root?: JsonNode;
  readonly error?: { readonly offset: number; readonly message: string };
}

class ScanError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Reads `text` as a JSON value with `{{…}}` placeholders; stops at the first syntax error. */
export function scanJsonBody(text: string): JsonScan {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new ScanError(at, message);
  };
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const found = () => (i >= text.length ? 'the end of the body' : JSON.stringify(text.slice(i, i + 12)));

  const readPlaceholder = (): number => {
    const close = text.indexOf('}}', i + 2);
    if (close < 0) fail('"{{" is not closed: expected "}}"');
    return close + 2;
  };

  const readString = (): { value: string; placeholder: boolean; end: number } => {
    const start = i;
    i++;
    let value = '';
    let literal = i;
    let placeholder = false;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        value += text.slice(literal, i);
        i++;
        return { value, placeholder, end: i };
      }
      if (c === '\n') fail('a string does not continue on the next line: close it with " or write \\n', start);
      if (c === '{' && text[i + 1] === '{') placeholder = true;
      if (c === '\\') {
        value += text.slice(literal, i);
        const next = text[i + 1];
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (next !== undefined && ESCAPES[next] !== undefined) {
          value += ESCAPES[next];
          i += 2;
        } else fail(`${JSON.stringify(text.slice(i, i + 2))}: not a JSON escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`);
        literal = i;
        continue;
      }
      i++;
    }
    return fail('a string is not closed: expected "', start);
  };

  const readValue = (depth: number): JsonNode => {
    skipSpace();
    const start = i;
    const c = text[i];
    if (c === '{' && text[i + 1] === '{') {
      i = readPlaceholder();
      return { kind: 'placeholder', start, end: i };
    }
    if (c === '{' || c === '[') {
      if (depth >= MAX_BODY_DEPTH) fail(`nested deeper than ${MAX_BODY_DEPTH} levels: not read further`);
      return c === '{' ? readObject(depth + 1) : readArray(depth + 1);
    }
    if (c === '"') {
      const { value, placeholder, end } = readString();
      return { kind: 'string', start, end, value, placeholder };
    }
    for (const [word, node] of [
      ['true', { kind: 'boolean', value: true }],
      ['false', { kind: 'boolean', value: false }],
      ['null', { kind: 'null' }],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { ...node, start, end: i };
      }
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number) {
      i += number[0].length;
      return { kind: 'number', value: Number(number[0]), start, end: i };
    }
    return fail(`expected a JSON value (an object, array, string, number, true, false, null or a {{placeholder}}), found ${found()}`);
  };

  const readObject = (depth: number): JsonNode => {
    const start = i;
    i++;
    const members: JsonMember[] = [];
    skipSpace();
    if (text[i] === '}') {
      i++;
      return { kind: 'object', members, start, end: i };
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail(`expected a parameter name in double quotes, found ${found()}`);
      const keyStart = i;
      const key = readString();
      skipSpace();
      if (text[i] !== ':') fail(`expected ":" after "${key.value}", found ${found()}`);
      i++;
      const value = readValue(depth);
      members.push({ key: key.value, keySpan: { start: keyStart, end: key.end }, value });
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return { kind: 'object', members, start, end: i };
      }
      fail(`expected "," or "}" after the value of "${key.value}", found ${found()}`);
    }
  };

  const readArray = (depth: number): JsonNode => {
    const start = i;
    i++;
    const items: JsonNode[] = [];
    skipSpace();
    if (text[i] === ']') {
      i++;
      return { kind: 'array', items, start, end: i };
    }
    for (;;) {
      items.push(readValue(depth));
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return { kind: 'array', items, start, end: i };
      }
      fail(`expected "," or "]" in the array, found ${found()}`);
    }
  };

  try {
    const root = readValue(0);
    skipSpace();
    if (i < text.length) return { root, error: { offset: i, message: `expected the end of the body after the JSON value, found ${found()}` } };
    return { root };
  } catch (error) {
    if (error instanceof ScanError) return { error: { offset: error.offset, message: error.message } };
    throw error;
  }
}
