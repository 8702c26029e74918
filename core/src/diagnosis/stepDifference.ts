import type { LocalizedText } from '../signing/SigningStep.js';
import type { StepDifference } from './DiagnosisCause.js';
import { diffText } from './diffText.js';

/** Which field of a TC3 canonical request a 1-based line is, laid out like the expected one. */
export function canonicalRequestPart(expected: string, line: number): string {
  const lines = expected.split('\n');
  const headerLines = lines.length - 6;
  if (line === 1) return 'HTTPRequestMethod';
  if (line === 2) return 'CanonicalURI';
  if (line === 3) return 'CanonicalQueryString';
  if (line <= 3 + headerLines) return 'CanonicalHeaders';
  if (line === 4 + headerLines) return 'CanonicalHeaders (the empty line after them)';
  if (line === 5 + headerLines) return 'SignedHeaders';
  if (line === 6 + headerLines) return 'HashedRequestPayload';
  return 'after HashedRequestPayload (extra lines)';
}

const TC3_STRING_TO_SIGN_PARTS = ['Algorithm', 'RequestTimestamp', 'CredentialScope', 'HashedCanonicalRequest'];
export const stringToSignPart = (line: number): string => TC3_STRING_TO_SIGN_PARTS[line - 1] ?? 'after HashedCanonicalRequest (extra lines)';

/** A step that differs, with the character-level diff and, for multi-line values, the part it falls in. */
export function stepDifference(
  step: string,
  title: LocalizedText,
  source: StepDifference['source'],
  expected: string,
  got: string,
  partOf?: (line: number) => string,
): StepDifference {
  const diff = diffText(expected, got);
  const part = diff && partOf ? partOf(diff.line) : undefined;
  return { step, title, source, ...(part ? { part } : {}), expected, got, ...(diff ? { diff } : {}) };
}
