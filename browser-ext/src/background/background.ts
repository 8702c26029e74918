// The service worker (Chrome) / background script (Firefox): owns the SecretKeys and makes every network call.
// Pages reach it through the protocol in ../protocol.ts; this file only wires the handlers up.
import { openTab, sessionArea } from '../browserApi.js';
import { handleMessages } from '../messaging.js';
import type { EditorHandoff } from '../protocol.js';
import { curlForObserved, replayObserved } from './observedHandlers.js';
import { diagnoseObserved, verifyPasted, whySent } from './diagnosisHandlers.js';
import { actionGroups, describeAction, listActions, suggestActions } from './catalogHandlers.js';
import { runCredentials } from './credentialHandlers.js';
import { firstRun, useLocalEmulator } from './firstRunHandlers.js';
import {
  clearHistoryHandler,
  curlForHistory,
  listHistoryHandler,
  previewSignature,
  readPasted,
  replayHistory,
  sendRequest,
  undoClearHistoryHandler,
} from './requestHandlers.js';
import { describeShadow, updateShadow } from './shadowHandlers.js';
import { draftStore, historyStore, observedStore, profileStore } from './stores.js';

const EDITOR_HANDOFF = 'editorHandoff';

const { loadDraft, saveDraft } = draftStore;
const { clearObserved, listObserved, recordObserved } = observedStore;
const { deleteProfile, listProfiles, saveProfile, unlockProfile } = profileStore;

handleMessages({
  listProfiles: () => listProfiles(),
  saveProfile,
  deleteProfile: ({ id }) => deleteProfile(id),
  unlockProfile: ({ id, passphrase }) => unlockProfile(id, passphrase),
  previewSignature,
  firstRun,
  useLocalEmulator,
  sendRequest,
  listHistory: listHistoryHandler,
  replayHistory,
  curlForHistory,
  historyEntry: ({ id }) => historyStore.historyEntry(id),
  clearHistory: clearHistoryHandler,
  undoClearHistory: undoClearHistoryHandler,
  loadDraft: ({ scope }) => loadDraft(scope),
  saveDraft: ({ scope, draft }) => saveDraft(scope, draft),
  listActions,
  actionGroups,
  describeAction,
  suggestActions,
  readPasted,
  verifyPasted,
  whySent,
  openEditor: async ({ view, historyId, compose }) => {
    if (compose) await sessionArea.set(EDITOR_HANDOFF, compose);
    await openTab(`editor.html#${view}${historyId ? `:${historyId}` : compose ? ':compose' : ''}`);
  },
  takeEditorHandoff: async () => {
    const handoff = (await sessionArea.get(EDITOR_HANDOFF)) as EditorHandoff | undefined;
    await sessionArea.remove(EDITOR_HANDOFF);
    return handoff ?? null;
  },
  describeShadow,
  updateShadow,
  recordObserved: ({ tabId, request }) => recordObserved(tabId, request),
  listObserved: ({ tabId }) => listObserved(tabId),
  clearObserved: ({ tabId }) => clearObserved(tabId),
  diagnoseObserved,
  replayObserved,
  curlForObserved,
  runCredentialScheme: ({ scheme, mode, values }) => runCredentials({ scheme, mode, values }),
});
