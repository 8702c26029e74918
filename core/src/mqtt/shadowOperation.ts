import { parseJsonBounded } from '../encoding/parseJsonBounded.js';
import { isJsonObject, type JsonObject, type ShadowDocument } from '../shadow/ShadowDocument.js';
import { mergeShadowSection } from '../shadow/applyShadowUpdate.js';
import { SHADOW_STATE_MAX_BYTES, utf8Length } from '../shadow/shadowRules.js';
import { SHADOW_JSON_MAX_DEPTH } from '../emulator/actions/shadowActions.js';
import { deviceKey, type EmulatorState } from '../emulator/EmulatorState.js';
import { formatShadowRejection, formatShadowResult, SHADOW_RESULT, type ShadowOperationType } from './shadowMessages.js';

/** What one message on `$shadow/operation/${ProductId}/${DeviceName}` did: the answer for the result topic. */
export interface ShadowOperationOutcome {
  readonly reply: string;
  readonly accepted: boolean;
  readonly changed: boolean;
}

/**
 * A version the device may send without it being compared: absent (qcloud-iot-sdk-embedded-c sends none) or 0, the
 * value iot-device-java's TXShadowConnection starts from (mDocumentVersion = 0) before any result told it the version.
 */
const UNCHECKED_VERSIONS = new Set([undefined, 0]);

/** A shadow message larger than this is refused before it is read: the State limit (8 KB) plus room for its envelope. */
export const SHADOW_MESSAGE_MAX_BYTES = SHADOW_STATE_MAX_BYTES + 1024;

/** Removes desired (the SDKs' "desired": null, or "" as iot-device-java's reportNullDesiredInfo sends it). */
function clearDesired(shadow: ShadowDocument, bump: boolean, now: number): ShadowDocument {
  const { desired: _d, ...state } = shadow.state;
  const { desired: _m, ...metadata } = shadow.metadata;
  return { state, metadata, version: shadow.version + (bump ? 1 : 0), timestamp: now };
}

/**
 * A device's shadow request, as IoT Hub answers it: `get` returns the document and its delta; `update` merges
 * `state.reported` (null deletes a key) and, with `state.desired` null or "", clears desired; the version must be the
 * shadow's unless it is one the SDKs send unchecked; `delete` removes the shadow. Every answer carries the clientToken.
 */
export function applyShadowOperation(state: EmulatorState, productId: string, deviceName: string, text: string, now: number): ShadowOperationOutcome {
  const key = deviceKey(productId, deviceName);
  const current = state.shadows.get(key);
  const reject = (type: string, result: number, message: string, clientToken?: string): ShadowOperationOutcome => ({
    reply: formatShadowRejection(type, result, message, current, clientToken, now),
    accepted: false,
    changed: false,
  });
  if (utf8Length(text) > SHADOW_MESSAGE_MAX_BYTES)
    return reject('update', SHADOW_RESULT.tooLarge, `the message is over ${SHADOW_MESSAGE_MAX_BYTES} bytes (State is limited to 8 KB)`);
  const read = parseJsonBounded(text, 'the shadow message', { maxDepth: SHADOW_JSON_MAX_DEPTH });
  if (!read.ok) return reject('unknown', SHADOW_RESULT.badRequest, `${read.message}; expected {"type":"get"|"update","clientToken":"…",…}`);
  const message = read.value;
  if (!isJsonObject(message)) return reject('unknown', SHADOW_RESULT.badRequest, 'the shadow message must be a JSON object');
  const clientToken = typeof message['clientToken'] === 'string' ? message['clientToken'] : undefined;
  const type = message['type'];
  if (type !== 'get' && type !== 'update' && type !== 'delete')
    return reject(
      typeof type === 'string' ? type : 'unknown',
      SHADOW_RESULT.badRequest,
      `type: expected "get", "update" or "delete", got ${JSON.stringify(type)}`,
      clientToken,
    );
  const ok = (t: ShadowOperationType, shadow: ShadowDocument | undefined, applied: JsonObject | undefined, changed: boolean) => ({
    reply: formatShadowResult(t, shadow, applied, clientToken, now),
    accepted: true,
    changed,
  });
  if (type === 'get') return ok('get', current, undefined, false);
  if (type === 'delete') {
    const existed = state.shadows.delete(key);
    return ok('delete', undefined, undefined, existed);
  }
  const version = message['version'];
  if (version !== undefined && (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0))
    return reject('update', SHADOW_RESULT.badRequest, `version: expected a non-negative integer, got ${JSON.stringify(version)}`, clientToken);
  const currentVersion = current?.version ?? 0;
  if (!UNCHECKED_VERSIONS.has(version) && version !== currentVersion)
    return reject(
      'update',
      SHADOW_RESULT.versionConflict,
      `version ${String(version)} does not match the shadow's version ${currentVersion}; send the version of the last result or delta (or 0 to skip the check)`,
      clientToken,
    );
  const body = message['state'];
  if (!isJsonObject(body)) return reject('update', SHADOW_RESULT.badRequest, 'state: expected an object such as {"reported":{"temp":21}}', clientToken);
  const reported = body['reported'];
  const desired = body['desired'];
  if (reported !== undefined && !isJsonObject(reported))
    return reject('update', SHADOW_RESULT.badRequest, 'state.reported: expected a JSON object of reported keys (null deletes a key)', clientToken);
  const clears = desired === null || desired === '';
  if (desired !== undefined && !clears)
    return reject(
      'update',
      SHADOW_RESULT.badRequest,
      'state.desired: a device may only clear desired (null); the application sets it (UpdateDeviceShadow)',
      clientToken,
    );
  if (reported === undefined && !clears) return reject('update', SHADOW_RESULT.badRequest, 'state: has neither "reported" nor "desired": null', clientToken);
  if (utf8Length(JSON.stringify(body)) > SHADOW_STATE_MAX_BYTES)
    return reject('update', SHADOW_RESULT.tooLarge, `state is over ${SHADOW_STATE_MAX_BYTES} bytes (8 KB)`, clientToken);
  let shadow =
    reported !== undefined ? mergeShadowSection(current, 'reported', reported, now) : (current ?? { state: {}, metadata: {}, version: 0, timestamp: now });
  if (clears) shadow = clearDesired(shadow, reported === undefined, now);
  state.shadows.set(key, shadow);
  return ok('update', shadow, { ...(reported !== undefined ? { reported } : {}), ...(clears ? { desired: null } : {}) }, true);
}
