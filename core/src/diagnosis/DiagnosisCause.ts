import type { LocalizedText, SigningStep } from '../signing/SigningStep.js';
import type { TextDifference } from './diffText.js';
import type { DiagnosisVerdict } from './DiagnosisVerdict.js';

/**
 * Why a signature failed. Stable ids: the CLI's JSON, the extensions and tests match on them, so add new ones
 * rather than renaming. Grouped as the server meets them: request shape, key and token, time, then signing.
 */
export const DIAGNOSIS_CAUSES = [
  'authorization-malformed',
  'timestamp-header-missing',
  'signed-header-missing',
  'required-header-not-signed',
  'secret-id-key-swapped',
  'temporary-key-without-token',
  'long-term-key-with-token',
  'clock-skew',
  'local-date-not-utc',
  'wrong-service',
  'host-mismatch',
  'timestamp-mismatch',
  'secret-key-whitespace',
  'body-json-reserialized',
  'body-trailing-newline',
  'body-bom',
  'body-signed-empty',
  'content-type-mismatch',
  'header-value-not-lowercased',
  'header-names-not-lowercased',
  'header-names-not-sorted',
  'signed-headers-mismatch',
  'v1-params-sorted-numerically',
  'v1-params-sorted-case-insensitively',
  'v1-params-not-sorted',
  'v1-values-url-encoded',
  'v1-signature-double-encoded',
  'v1-wrong-method-host-path',
  'v1-hmacsha256-without-signature-method',
  'v1-signature-method-mismatch',
  'v1-param-added-after-signing',
  'v1-timestamp-mismatch',
  'v1-body-over-limit',
  'body-json-sent-as-form',
  'header-value-untrimmed',
  'v1-value-whitespace',
  'array-prototype-polluted',
] as const;
export type DiagnosisCauseId = (typeof DIAGNOSIS_CAUSES)[number];

/** What shows the cause: a re-signing that reproduced the signature exactly, or a fact read from the request or server. */
export type DiagnosisEvidence = 'signature-reproduced' | 'authorization-header' | 'request' | 'server-error-code' | 'sent-time' | 'supplied-intermediate';

export interface DiagnosisFinding {
  readonly cause: DiagnosisCauseId;
  readonly evidence: DiagnosisEvidence;
  /** What happened to this request, alone (the verdict's headline). */
  readonly detail: LocalizedText;
  /** What happened to this request, then the doc's rule quoted. */
  readonly explanation: LocalizedText;
  readonly fix: LocalizedText;
}

/**
 * The first intermediate value that differs from the expected one, with a character-level diff where it is text.
 * "Expected" is always what the server computes from what was sent; "got" what the client signed (reproduced,
 * pasted, or read from its Authorization header). expectedIs/gotIs say which concretely, for the UIs' labels.
 */
export interface StepDifference {
  readonly step: string;
  readonly title: LocalizedText;
  /** Where "got" comes from: the developer's pasted string, the re-signing that reproduced the signature, the Authorization header, or just the signature. */
  readonly source: 'supplied' | 'reproduced' | 'authorization-header' | 'signature';
  /** For multi-line values, which part (e.g. "CanonicalHeaders", "CredentialScope"). */
  readonly part?: string;
  readonly expected: string;
  readonly got: string;
  /** What "expected" is here, e.g. "the body sent (what the server hashes)". */
  readonly expectedIs: LocalizedText;
  /** What "got" is here, e.g. "the body the client signed (reproduced)". */
  readonly gotIs: LocalizedText;
  readonly diff?: TextDifference;
}

export type DiagnosisScheme = 'TC3-HMAC-SHA256' | 'HmacSHA1' | 'HmacSHA256';

export interface Diagnosis {
  readonly scheme: DiagnosisScheme;
  /** The conclusion to show first: the cause, or an honest ranking of what remains. */
  readonly verdict: DiagnosisVerdict;
  /** The request's signature equals the one recomputed from it with this SecretKey. */
  readonly match: boolean;
  /** The first finding's cause: what the server trips over first. Null when nothing wrong was found or nothing reproduced the signature. */
  readonly cause: DiagnosisCauseId | null;
  readonly explanation: LocalizedText;
  readonly fix: LocalizedText | null;
  readonly firstDifferingStep: StepDifference | null;
  /** Every known mistake tried or checked that does not explain this request. */
  readonly ruledOut: readonly DiagnosisCauseId[];
  /** Every cause found, in the order the server meets them; `cause` is the first. */
  readonly findings: readonly DiagnosisFinding[];
  readonly expectedSignature: string;
  readonly receivedSignature: string;
  /** The expected signing, every step with its rule. Empty when the request lacks what signing needs (e.g. X-TC-Timestamp). */
  readonly steps: readonly SigningStep[];
  /** The signature is accounted for: it matches, or a re-signing under a named mistake reproduced it exactly. */
  readonly signatureExplained: boolean;
  /** How many re-signings were tried. */
  readonly variantsTried: number;
}
