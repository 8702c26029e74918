// The service worker (Chrome) / background script (Firefox): owns the SecretKeys and makes every network call.
// Pages reach it through the protocol in ../protocol.ts; this file only wires the handlers up.
import { openTab } from '../browserApi.js';
import { handleMessages } from '../messaging.js';
import { loadDraft, saveDraft } from './draftStore.js';
import { curlForObserved, diagnoseObserved, replayObserved } from './observedHandlers.js';
import { clearObserved, listObserved, recordObserved } from './observedStore.js';
import { historyEntry } from './historyStore.js';
import { deleteProfile, listProfiles, saveProfile, unlockProfile } from './profileStore.js';
import { describeAction, listActions } from './catalogHandlers.js';
import { clearHistoryHandler, curlForHistory, listHistoryHandler, previewSignature, readPasted, replayHistory, sendRequest } from './requestHandlers.js';
import { describeShadow, updateShadow } from './shadowHandlers.js';

handleMessages({
  listProfiles: () => listProfiles(),
  saveProfile,
  deleteProfile: ({ id }) => deleteProfile(id),
  unlockProfile: ({ id, passphrase }) => unlockProfile(id, passphrase),
  previewSignature,
  sendRequest,
  listHistory: listHistoryHandler,
  replayHistory,
  curlForHistory,
  historyEntry: ({ id }) => historyEntry(id),
  clearHistory: clearHistoryHandler,
  loadDraft: ({ scope }) => loadDraft(scope),
  saveDraft: ({ scope, draft }) => saveDraft(scope, draft),
  listActions,
  describeAction,
  readPasted,
  openEditor: async ({ view, historyId }) => {
    await openTab(`editor.html#${view}${historyId ? `:${historyId}` : ''}`);
  },
  describeShadow,
  updateShadow,
  recordObserved: ({ tabId, request }) => recordObserved(tabId, request),
  listObserved: ({ tabId }) => listObserved(tabId),
  clearObserved: ({ tabId }) => clearObserved(tabId),
  diagnoseObserved,
  replayObserved,
  curlForObserved,
});
