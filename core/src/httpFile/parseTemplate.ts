// The `{{…}}` placeholders of REST Client's syntax, read in one pass with indexOf (no backtracking pattern over the
// text): file and environment variables, the system variables the toolkit supports, and request variables
// (`{{NAME.response.body.$.path}}`, `{{NAME.response.headers.Name}}`), each classified with its position.
import type { HttpFileProblem, Placeholder, PlaceholderKind, SourcePosition, Template, TemplatePart } from './HttpFile.js';
import { parseJsonPath } from './readJsonPath.js';

export const SYSTEM_VARIABLES = ['$processEnv NAME', '$timestamp', '$guid', '$randomInt MIN MAX'] as const;

/** Names of file and environment variables and of requests: what REST Client accepts, without dots (they start a request variable). */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
export const REQUEST_NAME = /^[A-Za-z0-9_-]+$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const EXPECTED = `a variable name, a system variable (${SYSTEM_VARIABLES.join(', ')}) or NAME.response.body.$.path / NAME.response.headers.Name`;

type Classified = { readonly ok: true; readonly value: Placeholder } | { readonly ok: false; readonly message: string };

function classify(inner: string, at: SourcePosition, text: string): Classified {
  const trimmed = inner.trim();
  const ok = (value: PlaceholderKind): Classified => ({ ok: true, value: Object.assign(value, { line: at.line, column: at.column, text }) });
  const fail = (message: string): Classified => ({ ok: false, message: `${text}: ${message}` });
  if (trimmed === '') return fail(`expected ${EXPECTED}`);
  if (trimmed.startsWith('$')) {
    const [name, ...args] = trimmed.split(/\s+/);
    if (name === '$processEnv' || name === '$shared') {
      const [variable, extra] = args;
      const pattern = name === '$processEnv' ? ENV_NAME : VARIABLE_NAME;
      if (variable === undefined || extra !== undefined || !pattern.test(variable))
        return fail(`${name} takes one ${name === '$processEnv' ? 'environment variable' : 'variable'} name, e.g. {{${name} TENCENTCLOUD_SECRET_ID}}`);
      return ok(name === '$processEnv' ? { kind: 'processEnv', name: variable } : { kind: 'shared', name: variable });
    }
    if (name === '$timestamp' || name === '$guid') {
      if (args.length > 0) return fail(`${name} takes no arguments here (offsets such as "-1 d" are not supported)`);
      return ok(name === '$timestamp' ? { kind: 'timestamp' } : { kind: 'guid' });
    }
    if (name === '$randomInt') {
      const [min, max, extra] = args;
      if (min === undefined || max === undefined || extra !== undefined || !/^-?\d{1,15}$/.test(min) || !/^-?\d{1,15}$/.test(max) || Number(min) >= Number(max))
        return fail('$randomInt takes two integers MIN < MAX, e.g. {{$randomInt 1 100}}');
      return ok({ kind: 'randomInt', min: Number(min), max: Number(max) });
    }
    return fail(`${name} is not a supported system variable; supported: ${SYSTEM_VARIABLES.join(', ')}`);
  }
  const dot = trimmed.indexOf('.');
  if (dot < 0) return VARIABLE_NAME.test(trimmed) ? ok({ kind: 'variable', name: trimmed }) : fail(`expected ${EXPECTED}`);
  const request = trimmed.slice(0, dot);
  if (!REQUEST_NAME.test(request)) return fail(`expected ${EXPECTED}`);
  const rest = trimmed.slice(dot + 1);
  if (rest.startsWith('response.body.')) {
    const path = rest.slice('response.body.'.length);
    if (path === '*') return ok({ kind: 'responseBody', request, path: [] });
    const parsed = parseJsonPath(path);
    return typeof parsed === 'string' ? fail(parsed) : ok({ kind: 'responseBody', request, path: parsed });
  }
  if (rest.startsWith('response.headers.')) {
    const header = rest.slice('response.headers.'.length);
    if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(header)) return fail(`expected a header name after response.headers., got ${JSON.stringify(header)}`);
    return ok({ kind: 'responseHeader', request, header });
  }
  return fail(`a request variable is ${request}.response.body.<$.path or *> or ${request}.response.headers.<Name> (request.* parts are not supported)`);
}

/**
 * Splits text as written into literal parts and placeholders. `position` is where the text starts; placeholders on
 * later lines of a multi-line text (a body) get their own line and column. Problems are appended, never thrown.
 */
export function parseTemplate(raw: string, position: SourcePosition, problems: HttpFileProblem[]): Template {
  const parts: TemplatePart[] = [];
  let line = position.line;
  let lineStart = -(position.column - 1);
  let nextNewline = raw.indexOf('\n');
  /** The position of `offset` (called with growing offsets): each newline is found once, so this is linear. */
  const positionOf = (offset: number): SourcePosition => {
    while (nextNewline !== -1 && nextNewline < offset) {
      line++;
      lineStart = nextNewline + 1;
      nextNewline = raw.indexOf('\n', nextNewline + 1);
    }
    return { line, column: offset - lineStart + 1 };
  };
  /** Where the literal text not yet added to `parts` starts, and where the next "{{" is looked for. */
  let literal = 0;
  let search = 0;
  // The first "}}" after the current "{{", kept while the next "{{" is still before it, so no stretch of text is
  // searched twice ("{{{{{{…}}" would otherwise be quadratic).
  let close = -1;
  for (let open = raw.indexOf('{{', search); open !== -1; open = raw.indexOf('{{', search)) {
    if (close < open + 2) close = raw.indexOf('}}', open + 2);
    if (close === -1) {
      problems.push({ ...positionOf(open), message: `"{{" is not closed: expected "}}" after ${JSON.stringify(raw.slice(open, open + 40))}` });
      break;
    }
    // "{{{x}}" or "{{ {{x}}": braces before the last "{{" are literal text.
    const lastBrace = raw.lastIndexOf('{', close - 1);
    if (lastBrace >= open + 2 && raw[lastBrace - 1] === '{' && lastBrace - 1 > open) {
      search = lastBrace - 1;
      continue;
    }
    const at = positionOf(open);
    const inner = raw.slice(open + 2, close);
    const text = raw.slice(open, close + 2);
    if (open > literal) parts.push(raw.slice(literal, open));
    literal = search = close + 2;
    if (lastBrace >= open + 2 || inner.includes('\n')) {
      problems.push({ ...at, message: `${JSON.stringify(raw.slice(open, Math.min(close + 2, open + 40)))}: expected ${EXPECTED} between "{{" and "}}"` });
      parts.push(text);
      continue;
    }
    const classified = classify(inner, at, text);
    if (classified.ok) parts.push(classified.value);
    else {
      problems.push({ ...at, message: classified.message });
      parts.push(text);
    }
  }
  if (literal < raw.length) parts.push(raw.slice(literal));
  return { raw, parts, position };
}
