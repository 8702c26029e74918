// The one message protocol between the sidebar webview and the extension host, shared by both sides.
// The webview only `import type`s this file (plus the runtime guard is host-only), so nothing here may
// reach `vscode` or Node. Requests go webview → host and get exactly one response; notifications go
// host → webview. Every payload is plain JSON data; profile secrets never cross (the host signs and sends). The
// exceptions are secrets the developer types in the sidebar (a credential scheme's PSK or key, a DefinedPsk in Build &
// send): they cross with each request and are never stored by either side. A secret a response returns (a new
// device's DevicePsk) does not cross at all: the webview gets it masked, and Copy asks the host for it.
import type {
  ApiErrorView,
  DiagnosisView as CoreDiagnosisView,
  ExportFormat,
  HistoryKeyParam,
  LocalizedActionForm,
  LocalizedActionSummary,
  LocalizedParamField,
  ShownText as CoreShownText,
  RuleTestInput,
  RuleTestView,
  StepView as CoreStepView,
} from '@iot-devkit/core';

/** The active profile as the webview may see it: the SecretKey only masked (maskSecret). */
export interface ProfileView {
  readonly name: string;
  readonly secretId: string;
  readonly region: string;
  readonly endpoint?: string;
  /** "abcd****", or "" when the SecretKey is missing from SecretStorage. */
  readonly secretKeyMasked: string;
}

// ---- Sign ----

/** The Sign form exactly as typed: strings, validated by the host (bad fields come back named). */
export interface SignForm {
  readonly method: string;
  readonly url: string;
  /** One "Name: value" per line. */
  readonly headers: string;
  readonly body: string;
  readonly timestamp: string;
  /** Empty: derived from the host name. */
  readonly service: string;
  /** Comma- or semicolon-separated; empty: content-type;host. */
  readonly signedHeaders: string;
}

/** A signing step from the core's step views in the UI language: derived keys arrive masked and not copyable. */
export type StepView = CoreStepView<string>;

export type SignResult =
  | {
      readonly ok: true;
      readonly steps: readonly StepView[];
      readonly headers: readonly (readonly [string, string])[];
      /** No usable key (no profile, or its SecretKey is not in SecretStorage): why, in the UI language. The steps that need no key are still given. */
      readonly keyMissing?: string;
    }
  | { readonly ok: false; readonly field: string; readonly message: string };

/** A pasted curl command / raw HTTP / HAR turned into the Sign form, or why it could not be read. */
export type CaptureResult =
  { readonly ok: true; readonly form: SignForm; readonly notes: readonly string[] } | { readonly ok: false; readonly message: string };

/** A diagnosis in the UI language: the core's one view (conclusion first, ruled-out last), derived keys masked. */
export type DiagnosisView = CoreDiagnosisView<string>;
export type DiagnoseResult = { readonly ok: true; readonly diagnosis: DiagnosisView } | { readonly ok: false; readonly message: string };

// ---- Credential schemes (device MQTT, OneNET, MXCHIP) ----

/** A field of a credential scheme's form, labels in the UI language (from the core's CREDENTIAL_SCHEMES). */
export interface CredentialFieldView {
  readonly name: string;
  readonly label: string;
  /** Typed into a password box; its value is never kept in the webview's state. */
  readonly secret: boolean;
  readonly required: boolean;
  readonly modes: readonly CredentialModeView[];
  /** A fixed set of values, rendered as a select; the first is the default. */
  readonly options?: readonly string[];
  readonly placeholder: string;
}

export type CredentialModeView = 'sign' | 'verify';

export interface CredentialSchemeView {
  readonly id: string;
  readonly title: string;
  /** The first is the default. */
  readonly modes: readonly CredentialModeView[];
  readonly fields: readonly CredentialFieldView[];
}

/** A credential form as typed: every field of the mode as a string (empty: not given). */
export interface CredentialForm {
  readonly scheme: string;
  readonly mode: CredentialModeView;
  readonly values: Readonly<Record<string, string>>;
}

export interface CredentialFindingView {
  /** The core's stable problem id, e.g. "expired", "signature-mismatch". */
  readonly problem: string;
  /** The part at fault, e.g. "username.expiry". */
  readonly field: string;
  readonly message: string;
}

export type CredentialRunResult =
  | {
      readonly ok: true;
      /** sign: always true; verify: the captured credential is right. */
      readonly valid: boolean;
      readonly steps: readonly StepView[];
      /** Values to use (secrets masked by the core). */
      readonly outputs: readonly { readonly name: string; readonly value: string }[];
      readonly findings: readonly CredentialFindingView[];
    }
  | { readonly ok: false; readonly field: string; readonly message: string };

// ---- Build & send ----

export interface SendForm {
  readonly service: string;
  readonly version: string;
  readonly action: string;
  readonly region: string;
  /** The action's parameters as a JSON object text. */
  readonly params: string;
}

/** A response's error in the UI language: the core's explainResponse, localized by the host. */
export type ErrorExplanation = ApiErrorView<string>;

export type SendResult =
  | {
      readonly ok: true;
      readonly status: number;
      /** The response body, pretty-printed when JSON, JSON held in string fields shown parsed. Rendered as text. */
      readonly body: string;
      readonly requestId?: string;
      readonly error?: ErrorExplanation;
      readonly historyId: string;
      /** Secrets the response returned (a new device's DevicePsk): in `body` redacted, here masked, copied on request. */
      readonly oneTimeSecrets?: readonly OneTimeSecretView[];
    }
  | { readonly ok: false; readonly field?: string; readonly message: string };

/** A secret of the last response, offered once: the host holds the value until the next send and copies it on request. */
export interface OneTimeSecretView {
  readonly name: string;
  /** Where it was in the response, e.g. Response.DevicePsk: what copyOneTimeSecret asks for. */
  readonly path: string;
  readonly masked: string;
}

export interface HistoryEntryView {
  readonly id: string;
  /** ISO time of the last send. */
  readonly at: string;
  readonly profile: string;
  readonly action: string;
  readonly region: string;
  readonly status: number;
  readonly errorCode?: string;
  /** What tells this call from the next: ProductId and DeviceName, or its first two plain parameters (the core's rule). */
  readonly keyParams?: readonly HistoryKeyParam[];
}

/** Every format the host's exportRequest accepts: the core's EXPORT_FORMATS. */
export type ExportFormatId = ExportFormat;

/** A catalog action as the picker lists it (the core's action form views in the UI language, as in the browser's popup). */
export type ActionSummary = LocalizedActionSummary;

export type ParamField = LocalizedParamField;

export type ActionForm = LocalizedActionForm;

/** A catalog text in the UI language, or labelled "Chinese only" beside it (the core's actionHeading rule). */
export type ShownText = CoreShownText;

export interface ParamIssue {
  readonly field: string;
  readonly message: string;
  /** A required parameter not given (MissingParameter): the page shows it once the field was left, not while typing. */
  readonly missing?: true;
}

// ---- Errors ----

export interface ErrorHit {
  readonly code: string;
  readonly service: string;
  readonly description: string;
  readonly advice?: string;
  /** Nothing matched the query: this is a did-you-mean (the core's nearest codes). */
  readonly suggested?: true;
}

// ---- Rule SQL ----

export interface RuleSqlForm {
  /** Which box the developer typed in last: the other one is computed from it. */
  readonly from: 'sql' | 'base64';
  readonly sql: string;
  readonly base64: string;
  readonly ruleName: string;
  readonly description: string;
  /** Actions as JSON text, sent as a string field. */
  readonly actions: string;
  readonly ruleDisabled: boolean;
}

export interface RuleCheck {
  readonly ok: boolean;
  readonly message: string;
  /** A SQL check that failed on a token: the offsets to underline in the SQL box's text (the core's ruleSqlMarkRange). */
  readonly mark?: { readonly start: number; readonly end: number };
}

export interface RuleSqlView {
  readonly sql: string;
  readonly base64: string;
  /** Set when base64 → SQL failed: not base64, or not UTF-8. */
  readonly decodeError?: string;
  /** The TopicRulePayload JSON CreateTopicRule/ReplaceTopicRule will send. */
  readonly payload: string;
  readonly checks: readonly RuleCheck[];
}

/** "Test the rule": the rule as typed (SQL, Actions), and a sample message (topic, payload) to run it on. */
export type RuleTestForm = Omit<RuleTestInput, 'now'>;

/** The core's RuleTestView in the UI language. */
export type RuleTestResult = Omit<RuleTestView, 'summary' | 'actions'> & { readonly summary: string; readonly actions: readonly string[] };

// ---- The maps ----

/** What the sidebar shows before anything is typed. */
export interface InitialState {
  readonly profile?: ProfileView;
  readonly history: readonly HistoryEntryView[];
  /** Unix seconds at the host: the Sign form's default timestamp. */
  readonly now: number;
  /** What "Copy as" offers. */
  readonly exportFormats: readonly ExportFormatId[];
  /** The credential schemes offered beside TC3 in the Sign tab, labelled in the UI language. */
  readonly credentialSchemes: readonly CredentialSchemeView[];
}

/** The service selector and group filter of Build & send (issue 15), from the core's always-loaded index. */
export interface ActionBrowse {
  readonly services: readonly { readonly service: string; readonly label: string }[];
  readonly groups: readonly { readonly key: string; readonly label: string; readonly count: number }[];
}

/** Webview → host requests: name → [params, result]. */
export interface ToHostRequests {
  ready: [Record<string, never>, InitialState];
  sign: [SignForm, SignResult];
  runCredential: [CredentialForm, CredentialRunResult];
  readCapture: [{ readonly text: string }, CaptureResult];
  /** `response`: the error response body or just its code (optional), which narrows the causes. */
  diagnose: [{ readonly text: string; readonly response: string }, DiagnoseResult];
  /** Why? beside a signature error: diagnoses the request that send (or replay) put on the wire, kept by the host. */
  why: [{ readonly historyId: string }, DiagnoseResult];
  /** `service` and `group` (a key of actionGroups) narrow the search; an empty query with either lists what they hold. */
  searchActions: [{ readonly query: string; readonly service?: string; readonly group?: string }, readonly ActionSummary[]];
  /** Browse by service and group: the catalog's services, and the groups of `service` (every service's when empty). */
  actionGroups: [{ readonly service: string }, ActionBrowse];
  describeAction: [{ readonly service: string; readonly action: string }, ActionForm | undefined];
  validateParams: [SendForm, readonly ParamIssue[]];
  send: [SendForm, SendResult];
  replay: [{ readonly historyId: string }, SendResult];
  clearHistory: [Record<string, never>, readonly HistoryEntryView[]];
  /** A history entry's call, to load back into the Build & send form (secrets it did not keep are absent). */
  loadHistory: [
    { readonly historyId: string },
    (
      | {
          readonly ok: true;
          readonly call: {
            readonly service: string;
            readonly version: string;
            readonly action: string;
            readonly region: string;
            readonly params: Readonly<Record<string, unknown>>;
          };
        }
      | { readonly ok: false; readonly message: string }
    ),
  ];
  exportRequest: [
    { readonly format: ExportFormatId; readonly source: { readonly historyId: string } | { readonly form: SendForm } },
    { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string },
  ];
  /** The form's call or a history entry's as a `.http` request, opened as an untitled document (no key in it). */
  saveAsHttp: [
    { readonly source: { readonly historyId: string } | { readonly form: SendForm } },
    { readonly ok: true } | { readonly ok: false; readonly message: string },
  ];
  copy: [{ readonly text: string }, true];
  /** Copies a secret of the last response (see OneTimeSecretView) to the clipboard. */
  copyOneTimeSecret: [{ readonly historyId: string; readonly path: string }, { readonly ok: true } | { readonly ok: false; readonly message: string }];
  /** Which of these draft fields hold or name a secret (a pasted Authorization, a body with DefinedPsk): not to be saved. */
  draftSecrets: [{ readonly fields: Readonly<Record<string, string>> }, readonly string[]];
  searchErrors: [{ readonly query: string }, readonly ErrorHit[]];
  ruleSql: [RuleSqlForm, RuleSqlView];
  sendRule: [RuleSqlForm & { readonly replace: boolean }, SendResult];
  testRule: [RuleTestForm, RuleTestResult];
  runCommand: [{ readonly command: 'addProfile' | 'switchProfile' | 'openDeviceShadow' }, true];
  /** No usable key: is the local emulator answering on its default port? (the core's first-run view, localized; no key in it). */
  firstRun: [Record<string, never>, FirstRunResult];
  /** Adds the local emulator's demo profile, its key to SecretStorage; profileChanged follows. */
  useLocalEmulator: [Record<string, never>, { readonly ok: true } | { readonly ok: false; readonly message: string }];
}

/** First run, in the UI language: the one-click offer, or one line on what to do. */
export type FirstRunResult =
  { readonly kind: 'offerEmulator'; readonly label: string; readonly detail: string } | { readonly kind: 'hint'; readonly text: string };

/** Host → webview notifications: name → params. */
export interface ToWebviewNotifications {
  profileChanged: ProfileView | undefined;
  historyChanged: readonly HistoryEntryView[];
}

export type RequestMethod = keyof ToHostRequests;
export type RequestParams<M extends RequestMethod> = ToHostRequests[M][0];
export type RequestResult<M extends RequestMethod> = ToHostRequests[M][1];

export type WebviewToHostMessage = {
  [M in RequestMethod]: { readonly type: 'request'; readonly id: number; readonly method: M; readonly params: RequestParams<M> };
}[RequestMethod];

export type HostResponseMessage =
  | {
      [M in RequestMethod]: { readonly type: 'response'; readonly id: number; readonly method: M; readonly ok: true; readonly result: RequestResult<M> };
    }[RequestMethod]
  | { readonly type: 'response'; readonly id: number; readonly method: RequestMethod; readonly ok: false; readonly error: string };

export type HostNotificationMessage = {
  [N in keyof ToWebviewNotifications]: { readonly type: 'notification'; readonly method: N; readonly params: ToWebviewNotifications[N] };
}[keyof ToWebviewNotifications];

export type HostToWebviewMessage = HostResponseMessage | HostNotificationMessage;

/**
 * The host checks the envelope; each handler checks its own params (a webview is a browser page). The methods are the
 * handler map's own keys (RequestHandlers maps every RequestMethod), so no list of names is kept beside it.
 */
export function isWebviewToHostMessage(value: unknown, handlers: { readonly [M in RequestMethod]: unknown }): value is WebviewToHostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  return (
    message['type'] === 'request' &&
    typeof message['id'] === 'number' &&
    Number.isSafeInteger(message['id']) &&
    typeof message['method'] === 'string' &&
    Object.hasOwn(handlers, message['method']) &&
    typeof message['params'] === 'object' &&
    message['params'] !== null
  );
}

// The texts the webview shows, named by key: the host's webviewStrings() is their one list.
export type { WebviewStringKey, WebviewStrings } from './host/sidebar/webviewStrings.js';
