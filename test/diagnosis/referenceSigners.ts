import { createHash, createHmac } from 'node:crypto';
import type { CapturedRequest } from '@iot-devkit/core';

// Written straight from the doc's pseudo-code with node:crypto, and never from the core's step functions, so a
// test's deliberately wrong signature is built independently of the candidate code that must find it.
const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

export interface RawTc3 {
  readonly method?: string;
  readonly query?: string;
  /** Canonical header lines exactly as the (possibly buggy) client wrote them, each ending in \n. */
  readonly canonicalHeaders: string;
  readonly signedHeaders: string;
  /** The body that was hashed. */
  readonly payload: string;
  /** RequestTimestamp as written into the string to sign. */
  readonly timestamp: string | number;
  readonly date: string;
  readonly service: string;
  readonly secretKey: string;
}

/** Signature = HexEncode(HMAC_SHA256(SecretSigning, StringToSign)), from parts a client chose. */
export function referenceTc3(raw: RawTc3): { canonicalRequest: string; stringToSign: string; signature: string } {
  const canonicalRequest = [raw.method ?? 'POST', '/', raw.query ?? '', raw.canonicalHeaders, raw.signedHeaders, sha256Hex(raw.payload)].join('\n');
  const stringToSign = ['TC3-HMAC-SHA256', String(raw.timestamp), `${raw.date}/${raw.service}/tc3_request`, sha256Hex(canonicalRequest)].join('\n');
  const secretDate = hmac('TC3' + raw.secretKey, raw.date);
  const secretService = hmac(secretDate, raw.service);
  const secretSigning = hmac(secretService, 'tc3_request');
  return { canonicalRequest, stringToSign, signature: createHmac('sha256', secretSigning).update(stringToSign, 'utf8').digest('hex') };
}

export const utcDate = (timestamp: number) => new Date(timestamp * 1000).toISOString().slice(0, 10);

/** A captured POST carrying the given headers (in order), Authorization last, as a client would send it. */
export function capturedTc3(options: {
  url?: string;
  method?: string;
  headers: [string, string][];
  body: string;
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string;
  signature: string;
}): CapturedRequest {
  const authorization = `TC3-HMAC-SHA256 Credential=${options.secretId}/${options.date}/${options.service}/tc3_request, SignedHeaders=${options.signedHeaders}, Signature=${options.signature}`;
  return {
    method: options.method ?? 'POST',
    url: options.url ?? 'https://iotcloud.tencentcloudapi.com/',
    headers: [...options.headers.map(([name, value]) => ({ name, value })), { name: 'Authorization', value: authorization }],
    body: options.body,
  };
}

/** v1: Base64(HMAC(SecretKey, sign string)) from a sign string a client chose. */
export const referenceV1 = (algorithm: 'HmacSHA1' | 'HmacSHA256', secretKey: string, signString: string) =>
  createHmac(algorithm === 'HmacSHA1' ? 'sha1' : 'sha256', secretKey)
    .update(signString, 'utf8')
    .digest('base64');

/** RFC 3986 encoding, uppercase hex, as the doc asks for every v1 value on the wire. */
export const rfc3986 = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
