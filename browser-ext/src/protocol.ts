// The one message protocol between the extension's pages (popup, editor page, DevTools panel) and its service
// worker, which owns the secrets and does every network call. Both sides import these types; the map below
// is the whole contract: message name → [params, result]. Pages import it with `import type` only.
import type {
  ApiErrorView as CoreApiErrorView,
  CredentialMode,
  CredentialProblem,
  DiagnosisView as CoreDiagnosisView,
  LocalizedText,
  HistoryKeyParam,
  LocalizedActionForm,
  LocalizedActionSummary,
  LocalizedParamField,
  ShownText as CoreShownText,
  StepLanguage,
  ParamProblemView as CoreParamProblemView,
  StepView,
} from '@iot-devkit/core';

/** A Tencent Cloud account as the developer set it up. The SecretKey is never part of it. */
/** First run: "Use the local emulator" when it answers on its default port, else one line on what to do. */
export type FirstRunOffer =
  { readonly kind: 'offerEmulator'; readonly label: LocalizedText; readonly detail: LocalizedText } | { readonly kind: 'hint'; readonly text: LocalizedText };

export interface ProfileInput {
  /** Absent when creating. */
  readonly id?: string;
  readonly name: string;
  readonly secretId: string;
  readonly region: string;
  /** Endpoint override such as http://127.0.0.1:9180/ (a local emulator); empty for the public domains. */
  readonly endpoint: string;
  /** A new SecretKey; empty keeps the one already held. */
  readonly secretKey: string;
  /** Keep the key across browser restarts, encrypted with `passphrase`. */
  readonly remember: boolean;
  readonly passphrase: string;
}

/** Where a profile's SecretKey lives now: nowhere, in session memory, or only encrypted (locked until unlocked). */
export type KeyState = 'missing' | 'session' | 'locked';

export interface ProfileView {
  readonly id: string;
  readonly name: string;
  readonly secretId: string;
  readonly region: string;
  readonly endpoint: string;
  readonly keyState: KeyState;
  /** True when an encrypted copy is stored (the "remember" choice). */
  readonly remembered: boolean;
  /** First 4 characters + ****, when the key is unlocked. */
  readonly maskedKey: string;
}

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

export interface HistoryEntry {
  readonly id: string;
  /** Milliseconds since the epoch. */
  readonly sentAt: number;
  readonly profileId: string;
  readonly profileName: string;
  /** The unsigned request: replays sign it again. */
  readonly request: RequestSpec;
  /** Action name (X-TC-Action) for lists and search. */
  readonly action: string;
  readonly wire: WireRequest;
  readonly response?: ResponseView;
  /** A network failure (refused connection, blocked host), when no response came. */
  readonly failure?: string;
  /** The entry this one replayed. */
  readonly replayOf?: string;
  /**
   * Secrets of the request dropped before the entry was stored (DefinedPsk; a raw request's api-key or Bearer
   * header): a replay needs them typed again. The signature headers of API 3.0 calls are not listed: replays re-sign.
   */
  readonly redacted?: readonly string[];
  /** Secret fields dropped from the response before it was stored (DevicePsk of CreateDevice, an access_token). */
  readonly responseRedacted?: readonly string[];
  /** What tells this call from the next (ProductId, DeviceName …): added by listHistory, not stored. */
  readonly keyParams?: readonly HistoryKeyParam[];
}

/** A secret the response carried (a new device's PSK), shown once with a Copy button and never stored. */
export interface OneTimeSecret {
  readonly name: string;
  /** Where it was in the response, e.g. Response.DevicePsk. */
  readonly path: string;
  readonly masked: string;
  readonly value: string;
}

/** An action of the catalog, for the searchable picker (the core's action form views in the UI language). */
export type ActionSummary = LocalizedActionSummary;

/** The popup's service selector and group filter, from the core's always-loaded index; `key` is ActionSummary.groupKey. */
export interface ActionBrowse {
  readonly services: readonly { readonly service: string; readonly label: string }[];
  readonly groups: readonly { readonly service: string; readonly key: string; readonly label: string; readonly count: number }[];
}

/** One parameter of an action, for the generated form. */
export type ParamField = LocalizedParamField;

export type ActionForm = LocalizedActionForm;

export type UiLanguage = StepLanguage;

/** A catalog text in the UI language, or labelled "Chinese only" beside it (the core's actionHeading rule). */
export type ShownText = CoreShownText;

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

/** A history search's answer: the matching entries, and how many there are in all ("no match" is not "empty"). */
export interface HistoryPage {
  readonly entries: readonly HistoryEntry[];
  readonly total: number;
}

/** What Clear removed, kept in session memory until `undoUntil` (ms since the epoch) so it can be put back. */
export interface ClearedHistory {
  readonly count: number;
  /** Names this Clear for undoClearHistory: an Undo offered for an earlier Clear restores nothing else. */
  readonly token: string;
  readonly undoUntil: number;
}

/** Everything typed in a page, kept while the popup is closed. Secret fields are kept in session memory only. */
export interface Draft {
  readonly fields: Readonly<Record<string, string | boolean>>;
  readonly secretFields: Readonly<Record<string, string>>;
}

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

export interface ShadowTarget {
  readonly profileId: string;
  readonly productId: string;
  readonly deviceName: string;
}

export interface ShadowRead {
  /** The shadow payload as JSON text ({"state":…,"metadata":…,"version":…}). */
  readonly documentText: string;
  readonly version: number;
  readonly desiredText: string;
  readonly entry: HistoryEntry;
}

export type ShadowUpdateOutcome =
  | { readonly status: 'updated'; readonly shadow: ShadowRead; readonly entry: HistoryEntry }
  /** UpdateVersionNotMatch: someone changed the shadow since it was read; `latest` is the shadow now. */
  | { readonly status: 'conflict'; readonly latest: ShadowRead; readonly entry: HistoryEntry }
  | { readonly status: 'failed'; readonly error: ApiErrorView; readonly entry?: HistoryEntry };

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

/** Message name → [params, result]. */
export interface ProtocolMap {
  listProfiles: [Record<string, never>, ProfileView[]];
  saveProfile: [ProfileInput, ProfileView];
  deleteProfile: [{ readonly id: string }, ProfileView[]];
  unlockProfile: [{ readonly id: string; readonly passphrase: string }, ProfileView];
  previewSignature: [{ readonly profileId: string; readonly request: RequestSpec }, PreviewOutcome];
  /** Is the local emulator answering on 127.0.0.1:9180? The core's first-run view, without the demo key. */
  firstRun: [Record<string, never>, FirstRunOffer];
  /** Saves the local emulator's demo profile (its key in session memory) and returns it. */
  useLocalEmulator: [Record<string, never>, ProfileView];
  sendRequest: [{ readonly profileId: string; readonly request: RequestSpec; readonly confirmed: boolean }, SendOutcome];
  listHistory: [{ readonly query: string }, HistoryPage];
  /** `request` and `profileId` are an edit-and-replay's: the call and the profile the page shows (else the entry's). */
  replayHistory: [{ readonly id: string; readonly confirmed: boolean; readonly request?: RequestSpec; readonly profileId?: string }, SendOutcome];
  curlForHistory: [{ readonly id: string }, string];
  historyEntry: [{ readonly id: string }, HistoryEntry];
  clearHistory: [Record<string, never>, ClearedHistory];
  /** Puts back what the Clear named by `token` removed, above anything sent since; refused once undoUntil has passed. */
  undoClearHistory: [{ readonly token: string }, { readonly restored: number }];
  loadDraft: [{ readonly scope: string }, Draft | null];
  saveDraft: [{ readonly scope: string; readonly draft: Draft }, void];
  /** Titles and descriptions in the page's language (the core's actionHeading: Chinese-only text labelled in English). */
  listActions: [{ readonly language: UiLanguage }, ActionSummary[]];
  /** Browse by service and group (issue 15): the catalog's services, and each one's groups with their counts. */
  actionGroups: [{ readonly language: UiLanguage }, ActionBrowse];
  describeAction: [{ readonly service: string; readonly action: string; readonly language: UiLanguage }, ActionForm | null];
  /** The catalog's action names nearest to one it lacks (did you mean), best first. */
  suggestActions: [{ readonly name: string }, readonly string[]];
  readPasted: [{ readonly text: string }, PastedRequest];
  /** Verifies a pasted request's signature with the profile's key (the diagnosis) before anything is re-signed. */
  verifyPasted: [{ readonly profileId: string; readonly text: string }, PastedVerification];
  /** Why? beside a signature error: diagnoses the request that send put on the wire (held in the worker's memory). */
  whySent: [{ readonly historyId: string }, DiagnosisView];
  /** Opens the editor page: on a history entry (edit-and-replay) or on the call being composed in the popup. */
  openEditor: [{ readonly view: 'body' | 'shadow' | 'ruleSql'; readonly historyId?: string; readonly compose?: EditorHandoff }, void];
  /** The call the popup handed over with openEditor, once. */
  takeEditorHandoff: [Record<string, never>, EditorHandoff | null];
  describeShadow: [ShadowTarget, ShadowRead];
  /** Sends the edited desired as a merge patch against `baseDocumentText` (the shadow it was read from) with its version. */
  updateShadow: [ShadowTarget & { readonly desiredText: string; readonly baseDocumentText: string }, ShadowUpdateOutcome];
  recordObserved: [{ readonly tabId: number; readonly request: ObservedRequest }, void];
  listObserved: [{ readonly tabId: number }, ObservedRequest[]];
  clearObserved: [{ readonly tabId: number }, void];
  diagnoseObserved: [{ readonly profileId: string; readonly tabId: number; readonly id: string }, SignatureDiagnosisView];
  replayObserved: [{ readonly profileId: string; readonly tabId: number; readonly id: string; readonly confirmed: boolean }, SendOutcome];
  curlForObserved: [{ readonly profileId: string; readonly tabId: number; readonly id: string }, string];
  /** Signs or verifies a device / OneNET / MXCHIP credential with the worker's HashProvider and clock. */
  runCredentialScheme: [CredentialRunInput, CredentialRunView];
}

export type MessageName = keyof ProtocolMap;

/** Service worker → pages, no answer expected: name → payload. */
export interface NotificationMap {
  /** The observed requests of an inspected tab changed. */
  observedChanged: { readonly tabId: number };
}
export type NotificationName = keyof NotificationMap;
export interface NotificationEnvelope<K extends NotificationName = NotificationName> {
  readonly protocol: 'iot-devkit/notification/1';
  readonly name: K;
  readonly payload: NotificationMap[K];
}
export type ParamsOf<K extends MessageName> = ProtocolMap[K][0];
export type ResultOf<K extends MessageName> = ProtocolMap[K][1];

/** What goes over runtime.sendMessage. */
export interface RequestEnvelope<K extends MessageName = MessageName> {
  readonly protocol: 'iot-devkit/1';
  readonly name: K;
  readonly params: ParamsOf<K>;
}

/** What comes back: a handler's result, or its error message (an Error does not survive structured cloning). */
export type ResponseEnvelope<K extends MessageName = MessageName> =
  { readonly ok: true; readonly result: ResultOf<K> } | { readonly ok: false; readonly error: string };

export type Handlers = { [K in MessageName]: (params: ParamsOf<K>) => Promise<ResultOf<K>> };

export const isRequestEnvelope = (message: unknown): message is RequestEnvelope =>
  typeof message === 'object' &&
  message !== null &&
  (message as { protocol?: unknown }).protocol === 'iot-devkit/1' &&
  typeof (message as { name?: unknown }).name === 'string';
