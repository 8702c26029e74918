// Requests DevTools observed, per inspected tab, in storage.session: the DevTools page records them as they
// finish (even while the panel is hidden) and the panel lists them. Memory only: they may carry signatures.
// The request is kept as the page sent it, since verifying and replaying its signature need its exact bytes; the
// response is not needed for either, so its secret fields (a DevicePsk the page read) go through the core's policy.
import { redactForStorage } from '@iot-devkit/core';
import type { ObservedRequest } from '../protocol.js';
import { serialQueue } from '../shared/serialQueue.js';
import type { StorageArea } from '../shared/StorageArea.js';

export const OBSERVED_LIMIT = 100;
const observedKey = (tabId: number) => `observed:${tabId}`;

/** Observed requests kept in `session`; `changed` tells the pages a tab's list changed. */
export function createObservedStore(session: StorageArea, changed: (tabId: number) => void) {
  const serially = serialQueue();

  async function listObserved(tabId: number): Promise<ObservedRequest[]> {
    const stored = await session.get(observedKey(tabId));
    return Array.isArray(stored) ? (stored as ObservedRequest[]) : [];
  }

  return {
    listObserved,

    recordObserved: (tabId: number, observed: ObservedRequest): Promise<void> =>
      serially(async () => {
        const request = { ...observed, responseBody: redactForStorage({ responseBody: String(observed.responseBody ?? '') }).responseBody ?? '' };
        await session.set(observedKey(tabId), [...(await listObserved(tabId)), request].slice(-OBSERVED_LIMIT));
        changed(tabId);
      }),

    clearObserved: (tabId: number): Promise<void> =>
      serially(async () => {
        await session.remove(observedKey(tabId));
        changed(tabId);
      }),

    async observedRequest(tabId: number, id: string): Promise<ObservedRequest> {
      const request = (await listObserved(tabId)).find((r) => r.id === id);
      if (!request) throw new Error(`request: no observed request ${id} in tab ${tabId}; the list may have been cleared`);
      return request;
    },
  };
}
