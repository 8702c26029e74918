export type ShellWords = { readonly ok: true; readonly words: readonly string[]; readonly stoppedAt?: string } | { readonly ok: false; readonly error: string };

// ANSI-C ($'…') escapes bash understands; \x, \u, \U and octal are handled below.
const ANSI_C: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

function position(text: string, index: number): string {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return `line ${line} column ${index - before.lastIndexOf('\n')}`;
}

/** Reads one $'…' escape starting after the backslash at text[i]; returns the text and the index after it. */
function ansiEscape(text: string, i: number): [string, number] {
  const c = text[i];
  if (c === undefined) return ['\\', i];
  if (c in ANSI_C) return [ANSI_C[c]!, i + 1];
  const hex = (max: number) => /^[0-9a-fA-F]+/.exec(text.slice(i + 1, i + 1 + max))?.[0];
  if (c === 'x' || c === 'u' || c === 'U') {
    const digits = hex(c === 'x' ? 2 : c === 'u' ? 4 : 8);
    if (digits === undefined) return ['\\' + c, i + 1];
    const code = Number.parseInt(digits, 16);
    // Bash writes \xHH as a byte; for the text of a request body the code point is what was meant.
    return [code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd', i + 1 + digits.length];
  }
  const octal = /^[0-7]{1,3}/.exec(text.slice(i, i + 3))?.[0];
  if (octal !== undefined) return [String.fromCharCode(Number.parseInt(octal, 8) & 0xff), i + octal.length];
  return ['\\' + c, i + 1];
}

/**
 * POSIX shell word splitting for one pasted command: '…', "…", $'…' quoting, backslash escapes and
 * backslash-newline continuations, # comments. Stops (without error) at an unquoted ; | & > or <, which end
 * the command; never expands variables, since a pasted command's $VAR would not hold the developer's value here.
 */
export function splitShellWords(text: string): ShellWords {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const end = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      end();
      i++;
    } else if (c === '\\') {
      const next = text[i + 1];
      if (next === '\n') i += 2;
      else if (next === '\r' && text[i + 2] === '\n') i += 3;
      else if (next === undefined) i++;
      else {
        word += next;
        inWord = true;
        i += 2;
      }
    } else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close === -1) return { ok: false, error: `expected a closing ' for the quote opened at ${position(text, i)}` };
      word += text.slice(i + 1, close);
      inWord = true;
      i = close + 1;
    } else if (c === '$' && text[i + 1] === "'") {
      i += 2;
      inWord = true;
      let closed = false;
      while (i < text.length) {
        const d = text[i]!;
        if (d === "'") {
          closed = true;
          i++;
          break;
        }
        if (d === '\\') {
          const [piece, after] = ansiEscape(text, i + 1);
          word += piece;
          i = after;
        } else {
          word += d;
          i++;
        }
      }
      if (!closed) return { ok: false, error: `expected a closing ' for the $'…' quote opened at ${position(text, i)}` };
    } else if (c === '"' || (c === '$' && text[i + 1] === '"')) {
      const start = i;
      i += c === '$' ? 2 : 1;
      inWord = true;
      let closed = false;
      while (i < text.length) {
        const d = text[i]!;
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < text.length) {
          const next = text[i + 1]!;
          // Inside double quotes a backslash escapes only $ ` " \ and newline; otherwise it stays.
          if (next === '\n') i += 2;
          else if (next === '$' || next === '`' || next === '"' || next === '\\') {
            word += next;
            i += 2;
          } else {
            word += '\\';
            i++;
          }
        } else {
          word += d;
          i++;
        }
      }
      if (!closed) return { ok: false, error: `expected a closing " for the quote opened at ${position(text, start)}` };
    } else if (c === '#' && !inWord) {
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? text.length : newline;
    } else if (c === ';' || c === '|' || c === '&' || c === '>' || c === '<') {
      end();
      return { ok: true, words, stoppedAt: text.slice(i).trim() };
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  end();
  return { ok: true, words };
}
