export interface CanonicalRequestParts {
  readonly method: string;
  readonly canonicalUri: string;
  /** The query as sent; POST requests use the empty string. */
  readonly canonicalQueryString: string;
  readonly canonicalHeaders: string;
  readonly signedHeaders: string;
  readonly hashedRequestPayload: string;
}

/** HTTPRequestMethod \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedRequestPayload */
export function buildCanonicalRequest(parts: CanonicalRequestParts): string {
  return [
    parts.method.toUpperCase(),
    parts.canonicalUri,
    parts.canonicalQueryString,
    parts.canonicalHeaders,
    parts.signedHeaders,
    parts.hashedRequestPayload,
  ].join('\n');
}
