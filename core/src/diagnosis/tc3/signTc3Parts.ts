import type { HashProvider } from '../../crypto/HashProvider.js';
import { toHex } from '../../encoding/bytes.js';
import { buildCanonicalRequest } from '../../signing/tc3/buildCanonicalRequest.js';
import { buildCredentialScope } from '../../signing/tc3/buildCredentialScope.js';
import { hashCanonicalRequest, TC3_ALGORITHM } from '../../signing/tc3/buildStringToSign.js';
import { computeSignature } from '../../signing/tc3/computeSignature.js';
import { SigningKeyCache } from '../../signing/tc3/deriveSigningKey.js';

/**
 * Every input of a TC3 signature after the request has been read, each one free to be wrong. signTc3 derives these
 * from a request by the rules; a mistake candidate builds them the way a buggy client would.
 */
export interface Tc3Parts {
  readonly method: string;
  readonly canonicalUri: string;
  readonly canonicalQuery: string;
  readonly canonicalHeaders: string;
  readonly signedHeaders: string;
  /** What was hashed as the payload ("" for GET). */
  readonly payload: string;
  /** RequestTimestamp as it appears in the string to sign. */
  readonly timestamp: string;
  readonly date: string;
  readonly service: string;
  readonly secretKey: string;
}

export interface Tc3PartsValues {
  readonly hashedRequestPayload: string;
  readonly canonicalRequest: string;
  readonly credentialScope: string;
  readonly hashedCanonicalRequest: string;
  readonly stringToSign: string;
  readonly secretSigning: string;
  readonly signature: string;
}

/**
 * Signs parts with the same step functions signTc3 uses. Memoizes the payload and canonical-request hashes and the
 * derived keys, because most candidates change one part and share the rest.
 */
export class Tc3PartsSigner {
  private readonly payloadHashes = new Map<string, string>();
  private readonly requestHashes = new Map<string, string>();
  private readonly keys = new SigningKeyCache(256);
  signed = 0;

  constructor(private readonly crypto: HashProvider) {}

  private memo(cache: Map<string, string>, key: string, compute: () => string): string {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute();
      cache.set(key, value);
    }
    return value;
  }

  sign(parts: Tc3Parts): Tc3PartsValues {
    this.signed++;
    const hashedRequestPayload = this.memo(this.payloadHashes, parts.payload, () => toHex(this.crypto.hash('sha256', parts.payload)));
    const canonicalRequest = buildCanonicalRequest({
      method: parts.method,
      canonicalUri: parts.canonicalUri,
      canonicalQueryString: parts.canonicalQuery,
      canonicalHeaders: parts.canonicalHeaders,
      signedHeaders: parts.signedHeaders,
      hashedRequestPayload,
    });
    const hashedCanonicalRequest = this.memo(this.requestHashes, canonicalRequest, () => hashCanonicalRequest(canonicalRequest, this.crypto));
    const credentialScope = buildCredentialScope(parts.date, parts.service);
    // buildStringToSign's layout; it takes a number, and a candidate needs a text timestamp (milliseconds, padded).
    const stringToSign = `${TC3_ALGORITHM}\n${parts.timestamp}\n${credentialScope}\n${hashedCanonicalRequest}`;
    const keys = this.keys.get(parts.secretKey, parts.date, parts.service, this.crypto);
    const signature = computeSignature(keys.secretSigning, stringToSign, this.crypto);
    return {
      hashedRequestPayload,
      canonicalRequest,
      credentialScope,
      hashedCanonicalRequest,
      stringToSign,
      secretSigning: toHex(keys.secretSigning),
      signature,
    };
  }
}
