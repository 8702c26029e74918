// Where a cursor stands in a JSON body being typed: whether a parameter name goes there, and in which nested object.
// The body is usually incomplete while the user types (`{"ProductId": "x", "Dev`), so this does not parse it: it
// walks the text up to the cursor once, keeping a stack of the objects and arrays still open, and reads placeholders
// (`{{…}}`) where a value goes as values. Linear in the text; nesting deeper than MAX_BODY_DEPTH gives no context.
import { MAX_BODY_DEPTH } from './scanJsonBody.js';

export interface JsonKeyContext {
  /**
   * The field names from the body's top-level object down to the object the cursor is in: [] at the top level,
   * ["Attribute", "Tags"] inside `{"Attribute": {"Tags": [{ | }]}}` (array levels add no name: an element of Tags is
   * a Tags item).
   */
  readonly path: readonly string[];
  /** What is typed of the name so far (after its opening quote, if any). */
  readonly prefix: string;
  /** The offsets a completed `"Name"` replaces: from the opening quote (or the cursor) to the closing quote, if any. */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  /** A ":" already follows the name: insert the name only. */
  readonly hasColon: boolean;
  /** Names already given in that object before the cursor. */
  readonly present: readonly string[];
}

interface Frame {
  readonly kind: 'object' | 'array';
  /** The field this container is the value of (an array's elements share it); undefined for the top level. */
  readonly field: string | undefined;
  /** In an object: what comes next. */
  state: 'key' | 'colon' | 'value' | 'comma';
  /** In an object: the name read last, which a value opened next belongs to. */
  key?: string;
  readonly present: string[];
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** The end of a JSON string starting at `start` (its quote), or -1 when it is still open before `limit`. */
function stringEnd(text: string, start: number, limit: number): number {
  for (let i = start + 1; i < limit; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
    else if (text[i] === '\n') return -1;
  }
  return -1;
}

function readKey(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}

/** The key context at `offset` in `text`, or undefined where no parameter name goes (a value, a broken body). */
export function jsonKeyContextAt(text: string, offset: number): JsonKeyContext | undefined {
  const stack: Frame[] = [];
  const top = () => stack[stack.length - 1];
  const valueRead = () => {
    const frame = top();
    if (frame?.kind === 'object') frame.state = 'comma';
  };
  let i = 0;
  while (i < offset) {
    const c = text[i]!;
    const frame = top();
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      const end = stringEnd(text, i, offset);
      if (end < 0) {
        // The cursor is inside this string: a name is being typed if the object expects one.
        if (frame?.kind !== 'object' || frame.state !== 'key') return undefined;
        return keyContext(text, stack, i, offset);
      }
      if (frame?.kind === 'object' && frame.state === 'key') {
        const key = readKey(text.slice(i, end));
        if (key === undefined) return undefined;
        frame.key = key;
        frame.present.push(key);
        frame.state = 'colon';
      } else valueRead();
      i = end;
      continue;
    }
    if (c === '{' && text[i + 1] === '{') {
      const close = text.indexOf('}}', i + 2);
      if (close < 0 || close + 2 > offset) return undefined;
      valueRead();
      i = close + 2;
      continue;
    }
    if (c === '{' || c === '[') {
      if (stack.length >= MAX_BODY_DEPTH) return undefined;
      if (frame?.kind === 'object' && frame.state !== 'value') return undefined;
      const field = frame === undefined ? undefined : frame.kind === 'object' ? frame.key : frame.field;
      stack.push({ kind: c === '{' ? 'object' : 'array', field, state: 'key', present: [] });
      i++;
      continue;
    }
    if (c === '}' || c === ']') {
      stack.pop();
      if (stack.length === 0) return undefined;
      valueRead();
      i++;
      continue;
    }
    if (c === ':') {
      if (frame?.kind !== 'object' || frame.state !== 'colon') return undefined;
      frame.state = 'value';
      i++;
      continue;
    }
    if (c === ',') {
      if (frame?.kind === 'object') {
        if (frame.state !== 'comma') return undefined;
        frame.state = 'key';
      }
      i++;
      continue;
    }
    // A number, true, false or null: read to the next delimiter.
    while (i < offset && !isSpace(text[i]) && !',:{}[]"'.includes(text[i]!)) i++;
    valueRead();
  }
  const frame = top();
  if (frame?.kind !== 'object' || frame.state !== 'key') return undefined;
  return keyContext(text, stack, undefined, offset);
}

function keyContext(text: string, stack: readonly Frame[], quote: number | undefined, offset: number): JsonKeyContext | undefined {
  if (stack[0]?.kind !== 'object') return undefined;
  const path = stack
    .slice(1)
    .filter((f) => f.kind === 'object')
    .map((f) => f.field ?? '');
  const prefix = quote === undefined ? '' : text.slice(quote + 1, offset);
  // Only name characters between the quote and the cursor: anything else is not a name being typed.
  if (!/^[A-Za-z0-9_.-]*$/.test(prefix)) return undefined;
  let replaceEnd = offset;
  if (quote !== undefined) {
    let j = offset;
    while (j < text.length && /[A-Za-z0-9_.-]/.test(text[j]!)) j++;
    if (text[j] === '"') replaceEnd = j + 1;
  }
  let k = replaceEnd;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
  const present = stack[stack.length - 1]!.present;
  return { path, prefix, replaceStart: quote ?? offset, replaceEnd, hasColon: replaceEnd > offset && text[k] === ':', present };
}
