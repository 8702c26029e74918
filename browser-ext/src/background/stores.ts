// The service worker's stores, each given the storage area it keeps its data in: the one place they meet
// browser.storage (through browserApi.ts). Their tests give them memoryStorageArea() instead.
import { localArea, sessionArea } from '../browserApi.js';
import { notifyPages } from '../messaging.js';
import { createDraftStore } from './draftStore.js';
import { createHistoryStore } from './historyStore.js';
import { createHistoryUndo } from './historyUndo.js';
import { createObservedStore } from './observedStore.js';
import { createProfileStore } from './profileStore.js';

export const historyStore = createHistoryStore(localArea);
export const historyUndo = createHistoryUndo(sessionArea, historyStore);
export const profileStore = createProfileStore(localArea, sessionArea);
export const draftStore = createDraftStore(localArea, sessionArea);
export const observedStore = createObservedStore(sessionArea, (tabId) => notifyPages('observedChanged', { tabId }));
