import type { Handlers } from '../protocol.js';
import { clearHistory, historyEntry, listHistory } from './historyStore.js';
import { usableProfile } from './profileStore.js';
import { sendAndRecord } from './sendAndRecord.js';
import { signRequest } from './signRequest.js';

export const previewSignature: Handlers['previewSignature'] = async ({ profileId, request }) => signRequest(request, await usableProfile(profileId));

export const sendRequest: Handlers['sendRequest'] = async ({ profileId, request, confirmed }) => sendAndRecord(await usableProfile(profileId), request, confirmed);

/** Replays sign again with a fresh timestamp: a replayed TC3 signature is refused after 5 minutes. */
export const replayHistory: Handlers['replayHistory'] = async ({ id, confirmed, request }) => {
  const entry = await historyEntry(id);
  return sendAndRecord(await usableProfile(entry.profileId), request ?? entry.request, confirmed, entry.id);
};

/** curl for a past request, signed now, so the copied command still works when pasted. */
export const curlForHistory: Handlers['curlForHistory'] = async ({ id }) => {
  const entry = await historyEntry(id);
  return signRequest(entry.request, await usableProfile(entry.profileId)).curl;
};

export const listHistoryHandler: Handlers['listHistory'] = async ({ query }) => listHistory(String(query ?? ''));

export const clearHistoryHandler: Handlers['clearHistory'] = async () => clearHistory();
