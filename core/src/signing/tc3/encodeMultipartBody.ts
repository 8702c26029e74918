import { utf8Encode } from '../../encoding/bytes.js';

/**
 * multipart/form-data bytes laid out exactly as the official Node SDK hashes them (tencentcloud-sdk-nodejs-common
 * sign.js): `--boundary`, then per field CRLF, Content-Disposition (and Content-Type for binary), CRLF CRLF, content,
 * CRLF, `--boundary`; finally `--` CRLF. Signing these bytes as the body gives the SDK's HashedRequestPayload.
 */
export function encodeMultipartBody(fields: Readonly<Record<string, string | Uint8Array>>, boundary: string): Uint8Array {
  const parts: Uint8Array[] = [utf8Encode(`--${boundary}`)];
  for (const [name, content] of Object.entries(fields)) {
    if (typeof content === 'string') {
      parts.push(utf8Encode(`\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${content}\r\n`));
    } else {
      parts.push(
        utf8Encode(`\r\nContent-Disposition: form-data; name="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        content,
        utf8Encode('\r\n'),
      );
    }
    parts.push(utf8Encode(`--${boundary}`));
  }
  parts.push(utf8Encode('--\r\n'));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
