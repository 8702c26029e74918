import type { LocalizedText } from '../signing/SigningStep.js';
import type { DiagnosisCauseId } from './DiagnosisCause.js';

/**
 * The conclusion a UI shows first. 'cause-found' only when a check or a re-signing names the cause; when nothing
 * reproduces the signature the verdict says so and ranks what remains instead of guessing (issue 13: a confidently
 * wrong answer costs more than no answer).
 */
export type VerdictKind = 'signature-correct' | 'cause-found' | 'not-reproduced';

/** What a remaining candidate is when no known mistake reproduces the signature: a cause id, or one of these. */
export const UNREPRODUCED_CANDIDATES = ['wrong-secret-key', 'request-changed-after-signing', 'several-mistakes', 'unknown-change'] as const;
export type UnreproducedCandidateId = (typeof UNREPRODUCED_CANDIDATES)[number];

export interface VerdictCandidate {
  /** A DiagnosisCauseId, or one of: 'wrong-secret-key' | 'request-changed-after-signing' | 'several-mistakes' | 'unknown-change'. */
  readonly id: string;
  readonly title: LocalizedText;
  /** Why it is still possible here, from this request (facts, not generic text). */
  readonly evidence: LocalizedText;
  /** What would confirm or rule it out. */
  readonly howToTell: LocalizedText;
  /** How strongly this request points at it, relative to the others: candidates are sorted by it, highest first. */
  readonly weight: number;
}

export interface DiagnosisVerdict {
  readonly kind: VerdictKind;
  /** The conclusion, one or two sentences, shown first. */
  readonly headline: LocalizedText;
  /** Never empty when kind is 'cause-found' or 'not-reproduced' (then: what to do next). */
  readonly fix: LocalizedText | null;
  /** 'not-reproduced': what remains, most likely first; [] otherwise. */
  readonly candidates: readonly VerdictCandidate[];
  /** Extra evidence that decides between candidates (the client's logged canonical request / string to sign → first
   *  differing character; a second request signed with the same key → is the key right?). */
  readonly decideWith: readonly LocalizedText[];
  /** Shown collapsed below the conclusion by the UIs. */
  readonly ruledOut: readonly { readonly cause: DiagnosisCauseId; readonly title: LocalizedText }[];
}
