// The protocol's requests: a call as a page composes it (an API 3.0 action or a raw request), its signature
// preview, the response, a pasted request read back, and what a send answers.
import type { ApiErrorView as CoreApiErrorView, ParamProblemView as CoreParamProblemView, StepView } from '@iot-devkit/core';
import type { HistoryEntry } from './history.js';

/** A Tencent Cloud API 3.0 call as the popup composes it, before signing. */
export interface ActionRequestSpec {
  readonly kind: 'action';
  readonly service: string;
  readonly version: string;
  readonly action: string;
  /** Empty uses the profile's region. */
  readonly region: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly method: 'POST' | 'GET';
  /** Endpoint override for this request (a pasted request to a local emulator); empty uses the profile's. */
  readonly endpoint?: string;
}

/**
 * A request that is not API 3.0 (OneNET's api-key, MXCHIP's Bearer token): sent as it stands, since its
 * credential is not a per-request signature. Pasted or captured TC3/v1 requests become ActionRequestSpecs instead.
 */
export interface RawRequestSpec {
  readonly kind: 'raw';
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type RequestSpec = ActionRequestSpec | RawRequestSpec;

/** One signing step for display, built by the core's step views: values derived from the secret arrive masked. */
export type SignatureStepView = StepView;

/** The request as it goes on the wire; as history keeps it, its secret headers and parameters are redacted. */
export interface WireRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface SignaturePreview {
  readonly timestamp: number;
  readonly wire: WireRequest;
  readonly steps: readonly SignatureStepView[];
  readonly curl: string;
  readonly destructive: boolean;
}

/** An API 3.0 error (Response.Error), explained by the core's explainResponse (pages show its `explanation`). */
export type ApiErrorView = CoreApiErrorView;

export interface ResponseView {
  readonly status: number;
  readonly body: string;
  /** Response headers as received, a credential one (Set-Cookie) replaced by the redaction placeholder. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly requestId?: string;
  readonly error?: ApiErrorView;
  readonly elapsedMs: number;
}

/** A secret the response carried (a new device's PSK), shown once with a Copy button and never stored. */
export interface OneTimeSecret {
  readonly name: string;
  /** Where it was in the response, e.g. Response.DevicePsk. */
  readonly path: string;
  readonly masked: string;
  readonly value: string;
}

/** What the popup hands the editor page when it opens it on the call being composed. */
export interface EditorHandoff {
  readonly profileId: string;
  readonly request: ActionRequestSpec;
}

/**
 * A pasted curl command or raw HTTP request, read back into the call it makes. Only an action the catalog knows
 * is signed again; a OneNET or MXCHIP request is sent as pasted (its credential is not a per-request signature);
 * anything else is refused, saying what was not understood, and never sent.
 */
export type PastedRequest =
  | {
      readonly status: 'understood';
      readonly request: RequestSpec;
      /** What the parser assumed (curl's default headers, a guessed scheme). */
      readonly notes: readonly string[];
    }
  | {
      readonly status: 'notUnderstood';
      /**
       * unknownAction: X-TC-Action (or v1's Action) names no action of the catalog; noAction: the paste names no
       * action at all; unreadable: not a request the capture parsers or the API 3.0 reader could read (`detail`).
       */
      readonly reason: 'unknownAction' | 'noAction' | 'unreadable';
      /** The action name the paste gives, '' when none. */
      readonly action: string;
      /** The catalog's action names nearest to `action`, best first. */
      readonly nearest: readonly string[];
      /** The reader's own words: the part of the paste it could not read. */
      readonly detail: string;
      /** The parameters read from the paste, so the Action form shows this paste and not the previous call. */
      readonly params: Readonly<Record<string, unknown>>;
      readonly notes: readonly string[];
    };

/** A parameter the catalog refuses, named by its dotted path (Attribute.Tags.0.Tag). */
export type ParamProblemView = CoreParamProblemView;

export type SendOutcome =
  | { readonly status: 'needsConfirmation'; readonly action: string }
  /** Refused before signing: the catalog says these parameters are wrong; nothing was sent. */
  | { readonly status: 'invalid'; readonly problems: readonly ParamProblemView[] }
  /** `entry` is what history stored (secrets redacted); `oneTimeSecrets` are the response's secrets, for this page only. */
  | { readonly status: 'sent'; readonly entry: HistoryEntry; readonly preview: SignaturePreview; readonly oneTimeSecrets?: readonly OneTimeSecret[] };

/** The signature steps of a call before it is sent, built by the same function that signs a send (checkAndSign). */
export type PreviewOutcome =
  | { readonly status: 'signed'; readonly preview: SignaturePreview }
  /**
   * No usable key (no profile, or its SecretKey not entered or locked): the steps that need none have values, the
   * others are marked needsKey; `keyMissing` says why (issue 16).
   */
  | { readonly status: 'keyless'; readonly timestamp: number; readonly steps: readonly SignatureStepView[]; readonly keyMissing: string }
  /** The catalog refuses these parameters: Send would refuse them too. */
  | { readonly status: 'invalid'; readonly problems: readonly ParamProblemView[] };
