import { fromBase64 } from '../encoding/bytes.js';
import { SigningInputError } from '../signing/SigningInputError.js';

/**
 * Decodes a base64 device key (Tencent DevicePsk, OneNET access key). The message never repeats the key,
 * only what is wrong with its shape, because it ends up in terminals and logs.
 */
export function decodeBase64Key(key: unknown, field: string, docNote: string): Uint8Array {
  if (typeof key !== 'string' || key === '') throw new SigningInputError(field, `a non-empty base64 string (${docNote})`);
  const bytes = fromBase64(key);
  if (bytes !== undefined && bytes.length > 0) return bytes;
  throw new SigningInputError(field, `base64 text such as VOQmAku7T1haYaiV7LJfmg== (${docNote}); ${base64Problem(key)}`);
}

function base64Problem(key: string): string {
  if (/\s/.test(key)) return 'it contains whitespace or a line break (copied with a trailing newline?)';
  if (/[-_]/.test(key)) return 'it contains - or _ (URL-safe base64); use + and /';
  if (/[^A-Za-z0-9+/=]/.test(key)) return 'it contains characters outside A-Z a-z 0-9 + / =';
  if (key.length % 4 !== 0) return `its length ${key.length} is not a multiple of 4 (padding = missing or text cut off?)`;
  return 'it does not decode to any bytes';
}
