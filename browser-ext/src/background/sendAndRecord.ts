import { maskForDisplay, REDACTED, redactForStorage } from '@iot-devkit/core';
import type { HistoryEntry, OneTimeSecret, RequestSpec, ResponseView, SendOutcome, WireRequest } from '../protocol.js';
import { checkAndSign, loadCatalogFor } from './checkAndSign.js';
import type { HistoryStore } from './historyStore.js';
import type { UsableProfile } from './profileStore.js';
import { keepSentForWhy } from './sentForWhy.js';
import { sendWire, type WireResult } from './sendWire.js';
import { actionOf } from './signRequest.js';

/** API 3.0 responses are at most 10 MB; history keeps the first 256 KB of a body so storage stays small. */
const KEPT_BODY_CHARS = 256 * 1024;
/** A DescribeDevices page can hold a hundred PSKs: the page is offered the first few. */
const ONE_TIME_SECRETS_SHOWN = 20;

const keptBody = (body: string) =>
  body.length > KEPT_BODY_CHARS ? `${body.slice(0, KEPT_BODY_CHARS)}\n… (${body.length - KEPT_BODY_CHARS} more characters not kept)` : body;

/**
 * The exchange as history keeps it: storage.local is plain text on disk, so every secret goes through the core's
 * policy first — the request's secret parameters and headers, and the response's secret fields (DevicePsk).
 * The response is redacted before it is cut to size, so a long body cannot keep a secret by no longer parsing.
 */
function forHistory(
  request: RequestSpec,
  wire: WireRequest,
  result: WireResult,
): {
  request: RequestSpec;
  wire: WireRequest;
  response?: ResponseView;
  redacted: readonly string[];
  responseRedacted: readonly string[];
  oneTimeSecrets: OneTimeSecret[];
} {
  const call = request.kind === 'action' ? { service: request.service, action: request.action } : {};
  const sent = redactForStorage(
    { ...call, url: wire.url, headers: wire.headers, body: wire.body, ...('response' in result ? { responseBody: result.response.body } : {}) },
    { collectDropped: true },
  );
  const keptWire: WireRequest = { method: wire.method, url: sent.url ?? wire.url, headers: sent.headers ?? {}, body: sent.body ?? '' };
  const response = 'response' in result ? { ...result.response, body: keptBody(sent.responseBody ?? '') } : undefined;
  const oneTimeSecrets = (sent.dropped ?? []).slice(0, ONE_TIME_SECRETS_SHOWN).map((s) => ({ ...s, masked: maskForDisplay(s.value) }));
  const base = { wire: keptWire, ...(response ? { response } : {}), responseRedacted: sent.redactedFromResponse, oneTimeSecrets };
  if (request.kind === 'action') {
    // Only the parameters need typing again: the Authorization (and any token) is made afresh by a replay.
    const params = redactForStorage({ ...call, params: request.params });
    return { ...base, request: { ...request, params: params.params ?? {} }, redacted: params.redacted };
  }
  const raw = redactForStorage({ url: request.url, headers: request.headers, body: request.body });
  return { ...base, request: { ...request, url: raw.url ?? request.url, headers: raw.headers ?? {}, body: raw.body ?? '' }, redacted: raw.redacted };
}

/** Top-level values still holding the placeholder: an edited history entry whose secret was not typed again. */
function placeholdersLeft(request: RequestSpec): string[] {
  const values = request.kind === 'action' ? request.params : request.headers;
  const names = Object.entries(values)
    .filter(([, value]) => value === REDACTED)
    .map(([name]) => name);
  return request.kind === 'raw' && (request.body.includes(REDACTED) || request.url.includes(encodeURIComponent(REDACTED))) ? [...names, 'body'] : names;
}

/**
 * Checks the call against the catalog, signs it with a fresh timestamp, sends it and records the exchange in
 * history. A destructive action is not sent until the page confirms it (`confirmed`), which the page asks for on
 * send and on replay alike. The entry goes to `history`.
 */
export async function sendAndRecord(
  history: Pick<HistoryStore, 'addHistoryEntry'>,
  profile: UsableProfile,
  request: RequestSpec,
  confirmed: boolean,
  replayOf?: string,
): Promise<SendOutcome> {
  const missing = placeholdersLeft(request);
  if (missing.length > 0)
    throw new Error(`${missing.join(', ')}: secrets are not kept in history; type ${missing.length > 1 ? 'them' : 'it'} again in place of ${REDACTED}`);
  await loadCatalogFor(request);
  const signed = checkAndSign(profile, request);
  if (!signed.ok) return { status: 'invalid', problems: signed.problems };
  const { request: typed, preview } = signed;
  const action = actionOf(typed);
  if (preview.destructive && !confirmed) return { status: 'needsConfirmation', action };
  const result = await sendWire(preview.wire);
  const kept = forHistory(typed, preview.wire, result);
  const entry: HistoryEntry = {
    id: crypto.randomUUID(),
    sentAt: Date.now(),
    profileId: profile.id,
    profileName: profile.name,
    request: kept.request,
    // A raw request's name is its URL, which can hold a secret (OneNET's /keys/{key}): named after the kept one.
    action: actionOf(kept.request),
    wire: kept.wire,
    ...(kept.response ? { response: kept.response } : {}),
    ...('failure' in result ? { failure: result.failure } : {}),
    ...(replayOf !== undefined ? { replayOf } : {}),
    ...(kept.redacted.length > 0 ? { redacted: kept.redacted } : {}),
    ...(kept.responseRedacted.length > 0 ? { responseRedacted: kept.responseRedacted } : {}),
  };
  await history.addHistoryEntry(entry);
  // Why? diagnoses this very request: the wire as sent, kept in memory (sentForWhy), not the redacted history copy.
  const refused = 'response' in result ? result.response.error : undefined;
  if (refused?.diagnosable)
    keepSentForWhy(entry.id, {
      sent: preview.wire,
      profileId: profile.id,
      errorCode: refused.code,
      ...(typed.kind === 'action' ? { service: typed.service } : {}),
      sentAt: preview.timestamp,
    });
  return { status: 'sent', entry, preview, ...(kept.oneTimeSecrets.length > 0 ? { oneTimeSecrets: kept.oneTimeSecrets } : {}) };
}
