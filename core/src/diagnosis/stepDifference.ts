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

/**
 * What each side of a difference is. One rule for every step: "expected" is what the server computes from what was
 * sent, "got" is what the client signed. For the body that reads: expected = the body sent, got = the body signed —
 * the body the server hashes is the one on the wire, so the client's signed body is the one that departs from it.
 */
export function differenceLabels(step: string, title: LocalizedText, source: StepDifference['source']): Pick<StepDifference, 'expectedIs' | 'gotIs'> {
  const expectedIs =
    step === 'hashedRequestPayload'
      ? { en: 'the body sent (what the server hashes)', zh: '实际发送的请求体（服务端据此计算哈希）' }
      : { en: `the ${title.en} the server computes from the request sent`, zh: `服务端根据实际发送的请求计算出的 ${title.zh}` };
  const gotIs = {
    supplied: { en: `your client's ${title.en}, as pasted from its log`, zh: `您粘贴的客户端日志中的 ${title.zh}` },
    reproduced:
      step === 'hashedRequestPayload'
        ? { en: 'the body the client signed (the re-signing that reproduced its signature)', zh: '客户端签名时使用的请求体（由复现其签名的重签得出）' }
        : {
            en: `the ${title.en} the client signed (the re-signing that reproduced its signature)`,
            zh: `客户端签名时使用的 ${title.zh}（由复现其签名的重签得出）`,
          },
    'authorization-header': { en: "what the client's Authorization header says", zh: '客户端 Authorization 头部中的取值' },
    signature: { en: 'the signature the client sent', zh: '客户端发送的签名' },
  }[source];
  return { expectedIs, gotIs };
}

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
  return { step, title, source, ...(part ? { part } : {}), expected, got, ...differenceLabels(step, title, source), ...(diff ? { diff } : {}) };
}
