import type { HistoryEntry } from '../protocol.js';

/** A minimal history entry named `id`, for the history tests (a raw GET to loopback, no response). */
export const sampleHistoryEntry = (id: string, action = id): HistoryEntry => ({
  id,
  sentAt: 0,
  profileId: 'p',
  profileName: 'p',
  request: { kind: 'raw', method: 'GET', url: 'http://127.0.0.1/', headers: {}, body: '' },
  action,
  wire: { method: 'GET', url: 'http://127.0.0.1/', headers: {}, body: '' },
});
