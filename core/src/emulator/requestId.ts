import { toHex } from '../encoding/bytes.js';

/** A RequestId shaped like the cloud's (a UUID v4, e.g. 9e574269-093f-4a7f-bf90-24ef80b6528a). */
export function newRequestId(randomBytes: (length: number) => Uint8Array): string {
  const bytes = randomBytes(16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = toHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
