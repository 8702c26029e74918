import { historyKeyParams } from '@iot-devkit/core';
import type { Handlers } from '../protocol.js';
import { checkAndSign, loadCatalogFor, signWithoutKey } from './checkAndSign.js';
import { readPastedRequest } from './readPastedRequest.js';
import { sendAndRecord } from './sendAndRecord.js';
import { signRequest } from './signRequest.js';
import { historyStore, historyUndo, profileStore } from './stores.js';

const { historyEntry, listHistory } = historyStore;
const { usableProfile } = profileStore;

/** The steps Send would show: the same checkAndSign call, with the profile the page shows. */
export const previewSignature: Handlers['previewSignature'] = async ({ profileId, request }) => {
  await loadCatalogFor(request);
  let profile;
  try {
    profile = await usableProfile(profileId);
  } catch (error) {
    // No key yet: an API 3.0 call still shows its canonical request and string to sign (signWithoutKey).
    if (request.kind !== 'action') throw error;
    return signWithoutKey(
      request,
      (await profileStore.listProfiles()).find((p) => p.id === profileId),
      (error as Error).message,
    );
  }
  const signed = checkAndSign(profile, request);
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

/** History rows carry their key parameters (the core's rule, which knows the secret names: the page does not). */
export const listHistoryHandler: Handlers['listHistory'] = async ({ query }) => {
  const page = await listHistory(String(query ?? ''));
  return {
    ...page,
    entries: page.entries.map((entry) => (entry.request.kind === 'action' ? { ...entry, keyParams: historyKeyParams(entry.request.params) } : entry)),
  };
};

export const clearHistoryHandler: Handlers['clearHistory'] = async () => historyUndo.clearHistoryWithUndo();

export const undoClearHistoryHandler: Handlers['undoClearHistory'] = async ({ token }) => historyUndo.undoClearHistory(String(token ?? ''));

/** A pasted curl command or raw HTTP request, read by the core's capture parsers into a call to re-sign. */
export const readPasted: Handlers['readPasted'] = async ({ text }) => {
  if (typeof text !== 'string' || text.trim() === '') throw new Error('paste: a curl command or a raw HTTP request (POST / HTTP/1.1 …)');
  return readPastedRequest(text);
};
