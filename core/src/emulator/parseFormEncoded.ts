/**
 * application/x-www-form-urlencoded (a GET query or a v1 POST body) into name → value, in order. Percent escapes
 * are decoded as UTF-8 and "+" is a space, as browsers encode forms; a malformed escape is kept as written, so a
 * bad request still reaches signature verification and gets a precise answer.
 */
export function parseFormEncoded(text: string): [string, string][] {
  if (text === '') return [];
  return text
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      const value = eq === -1 ? '' : pair.slice(eq + 1);
      return [decodeFormComponent(name), decodeFormComponent(value)];
    });
}

function decodeFormComponent(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
