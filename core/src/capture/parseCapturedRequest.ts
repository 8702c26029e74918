import type { CaptureResult } from './CapturedRequest.js';
import { parseCurl } from './parseCurl.js';
import { parseHarEntry } from './parseHarEntry.js';
import { parseRawHttp } from './parseRawHttp.js';

export const CAPTURE_FORMATS = ['curl', 'raw', 'har'] as const;
export type CaptureFormat = (typeof CAPTURE_FORMATS)[number];

/** Which parser a pasted text is for: JSON is HAR, a command starting with curl is curl, anything else raw HTTP. */
export function detectCaptureFormat(text: string): CaptureFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'har';
  if (/^(\$\s+)?(\S*[\\/])?curl(\.exe)?\s/i.test(start)) return 'curl';
  return 'raw';
}

/** One entry point for a paste box: detects the format (or takes the one given) and parses. */
export function parseCapturedRequest(text: string, format: CaptureFormat = detectCaptureFormat(text)): CaptureResult {
  switch (format) {
    case 'curl':
      return parseCurl(text);
    case 'har':
      return parseHarEntry(text);
    case 'raw':
      return parseRawHttp(text);
  }
}
