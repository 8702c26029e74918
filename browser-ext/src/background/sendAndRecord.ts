import type { HistoryEntry, RequestSpec, SendOutcome } from '../protocol.js';
import { addHistoryEntry } from './historyStore.js';
import type { UsableProfile } from './profileStore.js';
import { sendWire } from './sendWire.js';
import { actionOf, signRequest } from './signRequest.js';

/**
 * Signs with a fresh timestamp, sends, and records the exchange in history. A destructive action is not sent
 * until the page confirms it (`confirmed`), which the page asks for on send and on replay alike.
 */
export async function sendAndRecord(profile: UsableProfile, request: RequestSpec, confirmed: boolean, replayOf?: string): Promise<SendOutcome> {
  const preview = signRequest(request, profile);
  const action = actionOf(request);
  if (preview.destructive && !confirmed) return { status: 'needsConfirmation', action };
  const result = await sendWire(preview.wire);
  const entry: HistoryEntry = {
    id: crypto.randomUUID(),
    sentAt: Date.now(),
    profileId: profile.id,
    profileName: profile.name,
    request,
    action,
    wire: preview.wire,
    ...result,
    ...(replayOf !== undefined ? { replayOf } : {}),
  };
  await addHistoryEntry(entry);
  return { status: 'sent', entry, preview };
}
