/** POSIX shell single-quoting: safe for any text, including quotes, $, backticks and newlines. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_/:.,=@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
