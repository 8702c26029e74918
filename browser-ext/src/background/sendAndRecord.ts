import { maskSecret } from '@iot-devkit/core';
import type { HistoryEntry, RequestSpec, SendOutcome, WireRequest } from '../protocol.js';
import { checkAndSign } from './checkAndSign.js';
import { addHistoryEntry } from './historyStore.js';
import type { UsableProfile } from './profileStore.js';
import { sendWire } from './sendWire.js';
import { actionOf } from './signRequest.js';

/** Secret parameters (a device PSK) are masked before history keeps a request: storage.local is plain text on disk. */
function redact(request: RequestSpec, wire: WireRequest, secretNames: readonly string[]): { request: RequestSpec; wire: WireRequest; redacted: string[] } {
  if (request.kind !== 'action') return { request, wire, redacted: [] };
  const redacted = secretNames.filter((name) => typeof request.params[name] === 'string');
  if (redacted.length === 0) return { request, wire, redacted };
  const params = { ...request.params, ...Object.fromEntries(redacted.map((name) => [name, maskSecret(String(request.params[name]))])) };
  return { request: { ...request, params }, wire: { ...wire, body: wire.method === 'GET' ? '' : JSON.stringify(params) }, redacted };
}

/**
 * Checks the call against the catalog, signs it with a fresh timestamp, sends it and records the exchange in
 * history. A destructive action is not sent until the page confirms it (`confirmed`), which the page asks for on
 * send and on replay alike.
 */
export async function sendAndRecord(profile: UsableProfile, request: RequestSpec, confirmed: boolean, replayOf?: string): Promise<SendOutcome> {
  const signed = checkAndSign(profile, request);
  if (!signed.ok) return { status: 'invalid', problems: signed.problems };
  const { request: typed, preview } = signed;
  const action = actionOf(typed);
  if (preview.destructive && !confirmed) return { status: 'needsConfirmation', action };
  const result = await sendWire(preview.wire);
  const kept = redact(typed, preview.wire, signed.secretNames);
  const entry: HistoryEntry = {
    id: crypto.randomUUID(),
    sentAt: Date.now(),
    profileId: profile.id,
    profileName: profile.name,
    request: kept.request,
    action,
    wire: kept.wire,
    ...result,
    ...(replayOf !== undefined ? { replayOf } : {}),
    ...(kept.redacted.length > 0 ? { redacted: kept.redacted } : {}),
  };
  await addHistoryEntry(entry);
  return { status: 'sent', entry, preview };
}
