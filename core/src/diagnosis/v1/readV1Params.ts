/** One parameter of a v1 request as it went over the wire, and decoded. */
export interface V1WireParam {
  readonly name: string;
  readonly value: string;
  /** The value exactly as on the wire (still percent-encoded). */
  readonly raw: string;
}

/** Form decoding ('+' is a space), leaving text that is not valid percent-encoding as it is. */
export function formDecode(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** Splits a query string or x-www-form-urlencoded body into its parameters, in order. */
export function readV1Params(encoded: string): V1WireParam[] {
  if (encoded.trim() === '') return [];
  return encoded
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq === -1 ? pair : pair.slice(0, eq);
      const raw = eq === -1 ? '' : pair.slice(eq + 1);
      return { name: formDecode(rawName), value: formDecode(raw), raw };
    });
}

/** Where a v1 request keeps its parameters: the query for GET, the form body for POST (the query when the body has none). */
export function v1ParamsOf(method: string, query: string, body: string): V1WireParam[] {
  if (method === 'GET') return readV1Params(query);
  const fromBody = readV1Params(body);
  return fromBody.some((p) => p.name === 'Signature') ? fromBody : readV1Params(query);
}
