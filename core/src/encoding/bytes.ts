import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { base64 } from '@scure/base';

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export const utf8Encode = (text: string): Uint8Array => encoder.encode(text);

/** Decodes UTF-8, returning undefined (not U+FFFD soup) when the bytes are not valid UTF-8. */
export function utf8DecodeStrict(bytes: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}

// noble's hex uses the engine's native Uint8Array#toHex where present; hashing is on every hot path.
export const toHex = (bytes: Uint8Array): string => bytesToHex(bytes);
/** Lowercase or uppercase hex to bytes; undefined when the text is not an even run of hex digits. */
export const fromHex = (text: string): Uint8Array | undefined => (/^(?:[0-9a-fA-F]{2})*$/.test(text) ? hexToBytes(text) : undefined);
export const toBase64 = (bytes: Uint8Array): string => base64.encode(bytes);

/** Strict RFC 4648 base64 (padding required); undefined when the text is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  try {
    return base64.decode(text);
  } catch {
    return undefined;
  }
}
