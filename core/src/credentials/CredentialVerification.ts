import type { LocalizedText, SigningStep } from '../signing/SigningStep.js';

/**
 * Why a captured credential is wrong. Stable ids: hosts, the CLI's JSON and tests match on them,
 * so add new ones rather than renaming.
 */
export const CREDENTIAL_PROBLEMS = [
  'expired',
  'wrong-resource',
  'wrong-method',
  'key-not-base64-decoded',
  'wrong-url-encoding',
  'client-id-mismatch',
  'malformed-username',
  'malformed-password',
  'malformed-token',
  'signature-mismatch',
  'wrong-token',
] as const;
export type CredentialProblem = (typeof CREDENTIAL_PROBLEMS)[number];

/** One thing wrong with a captured credential, pointing at the part of it that is wrong. */
export interface CredentialFinding {
  readonly problem: CredentialProblem;
  /** The part at fault, e.g. "username.expiry", "password.suffix", "sign", "res". */
  readonly field: string;
  readonly message: LocalizedText;
}

/** The answer of every verify function: ok only when nothing was found; steps show what was recomputed. */
export interface CredentialVerification<StepId extends string = string> {
  readonly ok: boolean;
  readonly findings: readonly CredentialFinding[];
  readonly steps: readonly SigningStep<StepId>[];
}

export const finding = (problem: CredentialProblem, field: string, en: string, zh: string): CredentialFinding => ({ problem, field, message: { en, zh } });
