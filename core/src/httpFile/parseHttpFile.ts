// Reads REST Client's `.http` / `.rest` syntax (Huachao/vscode-restclient README, "Usage" and "Variables"): requests
// separated by lines starting with `###` (the rest of the line is a comment), `# @name NAME` or `// @name NAME`
// before a request, `@var = value` file variables, `#` and `//` comment lines, a request line `METHOD URL
// [HTTP/1.1]` (a bare URL is a GET), continuation lines of the query (`?a=1`, `&b=2`), headers up to a blank line,
// then the body up to the next `###`. One pass over the lines, a problem with its line and column for anything
// else; never throws.
import type { HttpFile, HttpFileHeader, HttpFileProblem, HttpFileRequest, HttpFileVariable, SourcePosition, Template } from './HttpFile.js';
import { parseTemplate, REQUEST_NAME, VARIABLE_NAME } from './parseTemplate.js';

/** The methods REST Client's request-line pattern accepts. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'CONNECT', 'TRACE'] as const;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HTTP_VERSION = /^HTTP\/\d(?:\.\d)?$/;
const REQUEST_LINE_EXPECTED = 'a request line "METHOD URL [HTTP/1.1]" (or a bare URL for GET), a "@name = value" variable, a "#" or "//" comment, or "###"';

interface Block {
  startLine: number;
  title?: string;
  name?: string;
  namePosition?: SourcePosition;
  phase: 'before' | 'headers' | 'body' | 'skip';
  method?: string;
  position?: SourcePosition;
  url?: { raw: string; parts: Template['parts'][number][]; position: SourcePosition };
  headers: HttpFileHeader[];
  bodyLines: string[];
  bodyStartLine: number;
}

/** Whether text has whitespace outside its `{{…}}` ({{$processEnv NAME}} has a space and belongs in a URL). */
function hasSpaceOutsidePlaceholders(text: string): boolean {
  let inside = false;
  for (let i = 0; i < text.length; i++) {
    if (!inside && text.startsWith('{{', i)) inside = true;
    else if (inside && text.startsWith('}}', i)) inside = false;
    else if (!inside && /\s/.test(text[i]!)) return true;
  }
  return false;
}

const isComment = (trimmed: string) => trimmed.startsWith('#') || trimmed.startsWith('//');
const indentOf = (line: string) => line.length - line.trimStart().length;

/** The text after `#` or `//` when it is REST Client metadata (`@name x`), else undefined. */
function metadataOf(trimmed: string): string | undefined {
  const rest = (trimmed.startsWith('//') ? trimmed.slice(2) : trimmed.slice(1)).trimStart();
  return rest.startsWith('@') ? rest.slice(1) : undefined;
}

export function parseHttpFile(text: string): HttpFile {
  const problems: HttpFileProblem[] = [];
  const variables: HttpFileVariable[] = [];
  const requests: HttpFileRequest[] = [];
  const names = new Map<string, number>();
  const variableLines = new Map<string, number>();
  const lines = typeof text === 'string' ? text.split('\n') : [];
  if (typeof text !== 'string') problems.push({ line: 1, column: 1, message: 'the file: expected text' });

  const newBlock = (startLine: number, title?: string): Block => ({
    startLine,
    ...(title ? { title } : {}),
    phase: 'before',
    headers: [],
    bodyLines: [],
    bodyStartLine: 0,
  });

  const finish = (block: Block, endLine: number) => {
    if (block.method === undefined || block.url === undefined || block.position === undefined) {
      if (block.name !== undefined && block.namePosition)
        problems.push({ ...block.namePosition, message: `@name ${block.name} names no request: expected a request line "METHOD URL" after it` });
      return;
    }
    const body = block.bodyLines;
    let first = 0;
    while (first < body.length && body[first]!.trim() === '') first++;
    let last = body.length;
    while (last > first && body[last - 1]!.trim() === '') last--;
    const bodyText = body.slice(first, last).join('\n');
    requests.push({
      index: requests.length,
      ...(block.name !== undefined ? { name: block.name, namePosition: block.namePosition! } : {}),
      ...(block.title !== undefined ? { title: block.title } : {}),
      method: block.method,
      url: block.url,
      position: block.position,
      headers: block.headers,
      ...(bodyText !== '' ? { body: parseTemplate(bodyText, { line: block.bodyStartLine + first, column: 1 }, problems) } : {}),
      startLine: block.startLine,
      endLine,
    });
  };

  const readName = (block: Block, metadata: string, position: SourcePosition) => {
    const [key = '', value, extra] = metadata.trim().split(/\s+/);
    if (key !== 'name') return; // REST Client's other metadata (@note, @no-redirect, @prompt …) is a comment here.
    if (value === undefined || extra !== undefined || !REQUEST_NAME.test(value)) {
      problems.push({
        ...position,
        message: `@name: expected one name of letters, digits, "_" or "-" (e.g. "# @name shadow"), got ${JSON.stringify(metadata.trim())}`,
      });
      return;
    }
    if (block.name !== undefined) problems.push({ ...position, message: `@name ${value}: this request is already named ${block.name}` });
    const earlier = names.get(value);
    if (earlier !== undefined)
      problems.push({ ...position, message: `@name ${value}: already the name of the request at line ${earlier}; names must be unique` });
    else names.set(value, position.line);
    block.name = value;
    block.namePosition = position;
  };

  const readVariable = (line: string, lineNo: number) => {
    const column = indentOf(line) + 1;
    const trimmed = line.trim();
    const eq = trimmed.indexOf('=');
    const name = eq < 0 ? trimmed.slice(1) : trimmed.slice(1, eq).trim();
    if (eq < 0 || !VARIABLE_NAME.test(name)) {
      problems.push({
        line: lineNo,
        column,
        message: `expected a file variable "@name = value" (a name of letters, digits, "_" or "-"), got ${JSON.stringify(trimmed.slice(0, 60))}`,
      });
      return;
    }
    const valueText = trimmed.slice(eq + 1).trimStart();
    const valueColumn = column + trimmed.length - valueText.length;
    const earlier = variableLines.get(name);
    if (earlier !== undefined)
      problems.push({ line: lineNo, column, message: `@${name}: already defined at line ${earlier}; each file variable is defined once` });
    else variableLines.set(name, lineNo);
    variables.push({ name, value: parseTemplate(valueText, { line: lineNo, column: valueColumn }, problems), position: { line: lineNo, column } });
  };

  const readRequestLine = (block: Block, line: string, lineNo: number) => {
    const column = indentOf(line) + 1;
    const trimmed = line.trim();
    const space = trimmed.search(/\s/);
    const first = space < 0 ? trimmed : trimmed.slice(0, space);
    let method: string;
    let restStart: number;
    if ((HTTP_METHODS as readonly string[]).includes(first.toUpperCase()) && space > 0) {
      method = first.toUpperCase();
      restStart = trimmed.length - trimmed.slice(space).trimStart().length;
    } else if (/^(?:https?:\/\/|\{\{)/i.test(trimmed)) {
      method = 'GET';
      restStart = 0;
    } else {
      const message =
        /^[A-Za-z]+$/.test(first) && space > 0
          ? `${first}: not an HTTP method; expected one of ${HTTP_METHODS.join(', ')}`
          : `expected ${REQUEST_LINE_EXPECTED}, got ${JSON.stringify(trimmed.slice(0, 60))}`;
      problems.push({ line: lineNo, column, message });
      block.phase = 'skip';
      return;
    }
    let rest = trimmed.slice(restStart);
    const lastSpace = Math.max(rest.lastIndexOf(' '), rest.lastIndexOf('\t'));
    if (lastSpace > 0 && HTTP_VERSION.test(rest.slice(lastSpace + 1))) rest = rest.slice(0, lastSpace).trimEnd();
    const position = { line: lineNo, column: column + restStart };
    if (rest === '' || hasSpaceOutsidePlaceholders(rest)) {
      problems.push({
        ...position,
        message: rest === '' ? `${method}: expected a URL after the method` : 'the URL has a space: write it as %20 (only " HTTP/1.1" may follow the URL)',
      });
      block.phase = 'skip';
      return;
    }
    const url = parseTemplate(rest, position, problems);
    block.method = method;
    block.position = { line: lineNo, column };
    block.url = { raw: url.raw, parts: [...url.parts], position };
    block.phase = 'headers';
  };

  const readHeader = (block: Block, line: string, lineNo: number) => {
    const column = indentOf(line) + 1;
    const trimmed = line.trim();
    // Query continuation lines right under the request line (REST Client: "?page=2" then "&pageSize=10").
    if ((trimmed.startsWith('?') || trimmed.startsWith('&')) && block.headers.length === 0 && block.url) {
      const piece = parseTemplate(trimmed, { line: lineNo, column }, problems);
      block.url.raw += trimmed;
      block.url.parts.push(...piece.parts);
      return;
    }
    if (isComment(trimmed)) return;
    const colon = trimmed.indexOf(':');
    const name = colon < 0 ? '' : trimmed.slice(0, colon).trim();
    if (!HEADER_NAME.test(name)) {
      problems.push({
        line: lineNo,
        column,
        message: `expected a header "Name: value" or a blank line before the body, got ${JSON.stringify(trimmed.slice(0, 60))}`,
      });
      return;
    }
    const valueText = trimmed.slice(colon + 1).trimStart();
    const valueColumn = column + trimmed.length - valueText.length;
    block.headers.push({
      name,
      value: parseTemplate(valueText.trimEnd(), { line: lineNo, column: valueColumn }, problems),
      position: { line: lineNo, column },
    });
  };

  let block = newBlock(1);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!;
    const trimmed = line.trim();
    if (trimmed.startsWith('###')) {
      finish(block, lineNo - 1);
      block = newBlock(lineNo, trimmed.slice(3).trim());
      continue;
    }
    switch (block.phase) {
      case 'before':
        if (trimmed === '') break;
        if (isComment(trimmed)) {
          const metadata = metadataOf(trimmed);
          if (metadata !== undefined) readName(block, metadata, { line: lineNo, column: indentOf(line) + 1 });
        } else if (trimmed.startsWith('@')) readVariable(line, lineNo);
        else readRequestLine(block, line, lineNo);
        break;
      case 'headers':
        if (trimmed === '') {
          block.phase = 'body';
          block.bodyStartLine = lineNo + 1;
        } else readHeader(block, line, lineNo);
        break;
      case 'body':
        block.bodyLines.push(line);
        break;
      case 'skip':
        break;
    }
  }
  finish(block, lines.length);
  return { variables, requests, problems };
}
