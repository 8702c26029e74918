/**
 * JSON from outside (a shadow state, an admin route's body, `sign` input, a HAR file) read with limits checked
 * before anything recurses over it. V8's JSON.parse itself copes with deep nesting, but every reader after it
 * (merge, delta, stringify with indentation, structuredClone) recurses once per level and overflows the stack
 * somewhere past a few thousand levels — so depth is measured first, in one linear pass over the text.
 */

/** Nesting deeper than this is refused: real shadows, HAR files and API bodies stay far below it. */
export const DEFAULT_JSON_MAX_DEPTH = 64;

export interface JsonLimits {
  /** The deepest nesting of objects and arrays allowed (a flat object is depth 1). */
  readonly maxDepth?: number;
  /** The longest text allowed, in UTF-16 code units (the text's `.length`). */
  readonly maxLength?: number;
}

export type BoundedJson =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: 'tooLong' | 'tooDeep' | 'invalid'; readonly message: string };

/** The deepest nesting of `[`/`{` outside strings, stopping as soon as `limit` is exceeded. Linear in the text. */
export function measureJsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return deepest;
}

/**
 * Parses `text` as JSON within `limits`; `field` names what is being read in the message (e.g. "State",
 * "request body"), so the user learns which input is at fault and what is expected.
 */
export function parseJsonBounded(text: string, field: string, limits: JsonLimits = {}): BoundedJson {
  const maxDepth = limits.maxDepth ?? DEFAULT_JSON_MAX_DEPTH;
  if (limits.maxLength !== undefined && text.length > limits.maxLength) {
    return { ok: false, problem: 'tooLong', message: `${field}: ${text.length} characters, at most ${limits.maxLength} are accepted` };
  }
  const depth = measureJsonDepth(text, maxDepth);
  if (depth > maxDepth) {
    return {
      ok: false,
      problem: 'tooDeep',
      message: `${field}: nested more than ${maxDepth} levels deep; at most ${maxDepth} levels of objects and arrays are accepted`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: 'invalid', message: `${field}: not valid JSON (${(error as Error).message})` };
  }
}

/**
 * The nesting depth of an already-parsed value (from structured clone or a caller), measured without recursion
 * so that measuring cannot itself overflow; stops once `limit` is exceeded.
 */
export function valueDepthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    const here = depth + 1;
    if (here > limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current as Record<string, unknown>)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: here });
    }
  }
  return false;
}
