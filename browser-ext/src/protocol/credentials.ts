// The protocol's credential schemes: a device / OneNET / MXCHIP credential run from the popup's form, and its answer.
import type { CredentialMode, CredentialProblem, LocalizedText } from '@iot-devkit/core';
import type { SignatureStepView } from './requests.js';

/** A device-side or other vendor's credential scheme run from the popup's form (the core's CREDENTIAL_SCHEMES). */
export interface CredentialRunInput {
  /** A CREDENTIAL_SCHEMES id (mqtt-device, onenet-token, …); the service worker names it when unknown. */
  readonly scheme: string;
  readonly mode: CredentialMode;
  /** Every field of the form as typed, by field name; secrets included, which is why the service worker runs it. */
  readonly values: Readonly<Record<string, string>>;
}

/** runCredentialScheme's answer for display: bad input names its field; verify says what is wrong, part by part. */
export interface CredentialRunView {
  readonly scheme: string;
  readonly mode: CredentialMode;
  readonly ok: boolean;
  /** The service worker's clock (Unix seconds) the run used: expiries are judged against it. */
  readonly now: number;
  readonly problem?: { readonly field: string; readonly expected: string };
  readonly steps: readonly SignatureStepView[];
  /** Values to use (connect with, send); secrets among them arrive masked. */
  readonly outputs: readonly { readonly name: string; readonly value: string }[];
  readonly findings: readonly { readonly problem: CredentialProblem; readonly field: string; readonly message: LocalizedText }[];
}
