// Requests DevTools observed, per inspected tab, in storage.session: the DevTools page records them as they
// finish (even while the panel is hidden) and the panel lists them. Memory only: they may carry signatures.
// The request is kept as the page sent it, since verifying and replaying its signature need its exact bytes; the
// response is not needed for either, so its secret fields (a DevicePsk the page read) go through the core's policy.
import { redactForStorage } from '@iot-devkit/core';
import { sessionArea } from '../browserApi.js';
import { notifyPages } from '../messaging.js';
import type { ObservedRequest } from '../protocol.js';

export const OBSERVED_LIMIT = 100;
const observedKey = (tabId: number) => `observed:${tabId}`;

let writing: Promise<unknown> = Promise.resolve();
const serially = <T>(task: () => Promise<T>): Promise<T> => {
  const next = writing.then(task, task);
  writing = next.catch(() => undefined);
  return next;
};

export async function listObserved(tabId: number): Promise<ObservedRequest[]> {
  const stored = (await sessionArea.get(observedKey(tabId)))[observedKey(tabId)];
  return Array.isArray(stored) ? (stored as ObservedRequest[]) : [];
}

export const recordObserved = (tabId: number, observed: ObservedRequest): Promise<void> =>
  serially(async () => {
    const request = { ...observed, responseBody: redactForStorage({ responseBody: String(observed.responseBody ?? '') }).responseBody ?? '' };
    await sessionArea.set({ [observedKey(tabId)]: [...(await listObserved(tabId)), request].slice(-OBSERVED_LIMIT) });
    notifyPages('observedChanged', { tabId });
  });

export const clearObserved = (tabId: number): Promise<void> =>
  serially(async () => {
    await sessionArea.remove(observedKey(tabId));
    notifyPages('observedChanged', { tabId });
  });

export async function observedRequest(tabId: number, id: string): Promise<ObservedRequest> {
  const request = (await listObserved(tabId)).find((r) => r.id === id);
  if (!request) throw new Error(`request: no observed request ${id} in tab ${tabId}; the list may have been cleared`);
  return request;
}
