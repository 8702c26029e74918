import type { Handlers } from '../protocol.js';
import { checkAndSign, loadCatalogFor } from './checkAndSign.js';
import { readPastedRequest } from './readPastedRequest.js';
import { sendAndRecord } from './sendAndRecord.js';
import { signRequest } from './signRequest.js';
import { historyStore, historyUndo, profileStore } from './stores.js';

const { historyEntry, listHistory } = historyStore;
const { usableProfile } = profileStore;

/** The steps Send would show: the same checkAndSign call, with the profile the page shows. */
export const previewSignature: Handlers['previewSignature'] = async ({ profileId, request }) => {
  await loadCatalogFor(request);
  const signed = checkAndSign(await usableProfile(profileId), request);
  return signed.ok ? { status: 'signed', preview: signed.preview } : { status: 'invalid', problems: signed.problems };
};

export const sendRequest: Handlers['sendRequest'] = async ({ profileId, request, confirmed }) =>
  sendAndRecord(historyStore, await usableProfile(profileId), request, confirmed);

/**
 * Replays sign again with a fresh timestamp: a replayed TC3 signature is refused after 5 minutes. An
 * edit-and-replay signs with the profile the page shows (`profileId`), as its Signature steps did.
 */
export const replayHistory: Handlers['replayHistory'] = async ({ id, confirmed, request, profileId }) => {
  const entry = await historyEntry(id);
  if (entry.redacted && !request) throw new Error(`${entry.redacted.join(', ')}: secret parameters are not kept in history; use Edit and type them again`);
  return sendAndRecord(historyStore, await usableProfile(profileId ?? entry.profileId), request ?? entry.request, confirmed, entry.id);
};

/** curl for a past request, signed now, so the copied command still works when pasted. */
export const curlForHistory: Handlers['curlForHistory'] = async ({ id }) => {
  const entry = await historyEntry(id);
  if (entry.redacted) throw new Error(`${entry.redacted.join(', ')}: secret parameters are not kept in history, so no working curl can be made from it`);
  return signRequest(entry.request, await usableProfile(entry.profileId)).curl;
};

export const listHistoryHandler: Handlers['listHistory'] = async ({ query }) => listHistory(String(query ?? ''));

export const clearHistoryHandler: Handlers['clearHistory'] = async () => historyUndo.clearHistoryWithUndo();

export const undoClearHistoryHandler: Handlers['undoClearHistory'] = async ({ token }) => historyUndo.undoClearHistory(String(token ?? ''));

/** A pasted curl command or raw HTTP request, read by the core's capture parsers into a call to re-sign. */
export const readPasted: Handlers['readPasted'] = async ({ text }) => {
  if (typeof text !== 'string' || text.trim() === '') throw new Error('paste: a curl command or a raw HTTP request (POST / HTTP/1.1 …)');
  return readPastedRequest(text);
};
