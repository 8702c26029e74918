import type { CapturedRequest } from '../capture/CapturedRequest.js';
import type { HashProvider } from '../crypto/HashProvider.js';

/** What a developer brings to a diagnosis: the failing request, the key, and whatever else they know. */
export interface DiagnosisInput {
  readonly request: CapturedRequest;
  /** The SecretKey the request should have been signed with. Never echoed: only masked in any output. */
  readonly secretKey: string;
  /** The server's error code, e.g. "AuthFailure.SignatureFailure" (Response.Error.Code). */
  readonly errorCode?: string;
  /** When the request was sent, Unix seconds (from a log or the HAR's startedDateTime). */
  readonly sentAt?: number;
  /** The developer's own canonical request (TC3), pasted from their logs. */
  readonly canonicalRequest?: string;
  /** The developer's own string to sign (TC3 StringToSign, v1 签名原文字符串), pasted from their logs. */
  readonly stringToSign?: string;
  /** The service, when the host is not *.tencentcloudapi.com (an emulator, a proxy). */
  readonly service?: string;
}

export interface DiagnosisOptions {
  readonly crypto?: HashProvider;
  /** Stop at the first candidate that reproduces the signature (default true); false tries every one, for benchmarks. */
  readonly stopAtFirst?: boolean;
  /**
   * How far from the sent timestamp the signed one is searched, in seconds. Default: for TC3 the credential's UTC
   * day and the hours a local date in any time zone can add (50 hours, ~186 000 HMACs), for v1 the sent timestamp's
   * UTC day and the days either side (~265 000): a constant ~0.25 s worst case. A caller measuring something else per
   * input (the fuzz target's linear-time check) narrows it, so the constant does not hide what it measures.
   */
  readonly timestampSearchRadius?: number;
}
