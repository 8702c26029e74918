import { percentEncode } from '../../encoding/percentEncode.js';

export interface OneNetTokenParts {
  readonly version: string;
  readonly res: string;
  readonly et: number | string;
  readonly method: string;
  readonly sign: string;
}

/** The token as sent: documented parameter order, every value percent-encoded exactly once. */
export function encodeOneNetToken(parts: OneNetTokenParts): string {
  return `version=${percentEncode(parts.version)}&res=${percentEncode(parts.res)}&et=${percentEncode(String(parts.et))}&method=${percentEncode(parts.method)}&sign=${percentEncode(parts.sign)}`;
}
