// The protocol's diagnosis: requests DevTools observed, and the core's diagnosis of a signature (observed or pasted).
import type { DiagnosisView as CoreDiagnosisView } from '@iot-devkit/core';
import type { ApiErrorView } from './requests.js';

/** A request the inspected page made, as DevTools saw it (HAR fields), kept per inspected tab. */
export interface ObservedRequest {
  readonly id: string;
  /** Unix seconds (HAR startedDateTime): the diagnosis compares it with X-TC-Timestamp. */
  readonly startedAt: number;
  readonly method: string;
  readonly url: string;
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  readonly body: string;
  readonly status: number;
  readonly responseBody: string;
}

/** A diagnosis as every page shows it: the core's one view, in both languages (pages pick), derived keys masked. */
export type DiagnosisView = CoreDiagnosisView;

/** The core's diagnosis of an observed request's signature with the profile's stored key. */
export interface SignatureDiagnosisView {
  readonly diagnosis: DiagnosisView;
  /** The server's error, read from the observed response. */
  readonly serverError?: ApiErrorView;
}

/** A pasted request's own signature, checked with the profile's key before the popup re-signs it. */
export type PastedVerification =
  | { readonly status: 'diagnosed'; readonly diagnosis: DiagnosisView }
  /** The paste carries no signature (no TC3 Authorization, no v1 Signature): nothing to verify. */
  | { readonly status: 'unsigned' }
  /** The paste could not be read or diagnosed: the reader's or the diagnosis's own words. */
  | { readonly status: 'notVerified'; readonly message: string };
