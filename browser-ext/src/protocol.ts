// The one message protocol between the extension's pages (popup, editor page, DevTools panel) and its service
// worker, which owns the secrets and does every network call. Both sides import these types; the map below
// is the whole contract: message name → [params, result]. Pages import it with `import type` only. The types the
// messages carry are defined by area in protocol/ and re-exported here, so every side imports this one file.
import type { ActionBrowse, ActionForm, ActionSummary, UiLanguage } from './protocol/catalog.js';
import type { CredentialRunInput, CredentialRunView } from './protocol/credentials.js';
import type { DiagnosisView, ObservedRequest, PastedVerification, SignatureDiagnosisView } from './protocol/diagnosis.js';
import type { ClearedHistory, HistoryEntry, HistoryPage } from './protocol/history.js';
import type { Draft, FirstRunOffer, ProfileInput, ProfileView } from './protocol/profiles.js';
import type { EditorHandoff, PastedRequest, PreviewOutcome, RequestSpec, SendOutcome } from './protocol/requests.js';
import type { ShadowRead, ShadowTarget, ShadowUpdateOutcome } from './protocol/shadow.js';

export type * from './protocol/catalog.js';
export type * from './protocol/credentials.js';
export type * from './protocol/diagnosis.js';
export type * from './protocol/history.js';
export type * from './protocol/profiles.js';
export type * from './protocol/requests.js';
export type * from './protocol/shadow.js';

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
