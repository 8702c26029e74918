// The DevTools panel's requests: the page made them, DevTools observed them; the service worker replays them re-signed
// and writes them as curl (their diagnosis is in diagnosisHandlers.ts, with the popup's).
import { toCurl, type HttpRequest } from '@iot-devkit/core';
import { capturedToSpec } from './capturedToSpec.js';
import type { Handlers } from '../protocol.js';
import { sendAndRecord } from './sendAndRecord.js';
import { signRequest } from './signRequest.js';
import { historyStore, observedStore, profileStore } from './stores.js';

const { observedRequest } = observedStore;
const { usableProfile } = profileStore;

export const replayObserved: Handlers['replayObserved'] = async ({ profileId, tabId, id, confirmed }) =>
  sendAndRecord(historyStore, await usableProfile(profileId), capturedToSpec(await observedRequest(tabId, id)), confirmed);

export const curlForObserved: Handlers['curlForObserved'] = async ({ profileId, tabId, id }) => {
  const spec = capturedToSpec(await observedRequest(tabId, id));
  return spec.kind === 'raw' ? toCurl(spec as unknown as HttpRequest) : signRequest(spec, await usableProfile(profileId)).curl;
};
