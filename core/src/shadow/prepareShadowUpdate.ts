import { createMergePatch } from './createMergePatch.js';
import { isJsonObject, jsonEqual, type JsonObject, type ShadowDocument, type ShadowResult } from './ShadowDocument.js';
import { readShadowDocument } from './parseShadowData.js';
import { readShadowJson } from './readShadowState.js';
import { SHADOW_ERROR_CODES, SHADOW_STATE_MAX_BYTES, shadowError, utf8Length } from './shadowRules.js';

export interface ShadowEdit {
  readonly productId: string;
  readonly deviceName: string;
  /** The document as the developer left it: the payload ({"state":…,"version":…}) or the whole Data envelope. */
  readonly editedText: string;
  /** The shadow as it was read; its version becomes ShadowVersion and its desired is what the edit is diffed against. */
  readonly original?: ShadowDocument;
}

export interface PreparedShadowUpdate {
  /** UpdateDeviceShadow's parameters, ready to sign and send. */
  readonly params: { readonly ProductId: string; readonly DeviceName: string; readonly State: string; readonly ShadowVersion: number };
  /** The desired merge patch sent (removed keys are null, which the cloud reads as delete). */
  readonly patch: JsonObject;
  /** Number of desired keys changed, added or removed; 0 means sending would only bump the version. */
  readonly changes: number;
  /** Edits that are not sent because those parts are read-only (reported, metadata, version, timestamp). */
  readonly ignored: readonly string[];
}

const countLeaves = (patch: JsonObject): number =>
  Object.values(patch).reduce<number>((n, v) => n + (isJsonObject(v) && Object.keys(v).length > 0 ? countLeaves(v) : 1), 0);

/**
 * Turns an edited shadow document into an UpdateDeviceShadow request. Only `desired` is sent — `reported` is the
 * device's to write and `metadata`/`version`/`timestamp` are the cloud's — so edits to those are listed in
 * `ignored`, not sent. ShadowVersion is the version that was read, so a concurrent change is refused by the
 * cloud (UpdateVersionNotMatch) instead of silently overwritten. Refuses invalid JSON and a State over 8 KB.
 */
export function prepareShadowUpdate(edit: ShadowEdit): ShadowResult<PreparedShadowUpdate> {
  if (typeof edit?.editedText !== 'string')
    return shadowError(SHADOW_ERROR_CODES.invalidValue, 'the edited shadow: expected the document as JSON text; nothing was sent');
  const read = readShadowJson(edit.editedText, 'the edited shadow');
  if (!read.ok) return shadowError(read.error.code, `${read.error.message}; nothing was sent`);
  const parsed = read.value;
  const isEnvelope = isJsonObject(parsed) && 'payload' in parsed;
  const shadowRead = readShadowDocument(isEnvelope ? (parsed as JsonObject)['payload'] : parsed, isEnvelope ? 'payload' : 'shadow');
  if (!shadowRead.ok) return shadowRead;
  const edited = shadowRead.shadow;
  const original = edit.original;
  const desired = edited.state.desired ?? {};

  const ignored: string[] = [];
  if (original) {
    if (!jsonEqual(edited.state.reported, original.state.reported))
      ignored.push('state.reported: written by the device; your edit is not sent (the emulator has an admin endpoint to set it)');
    if (!jsonEqual(edited.metadata.desired, original.metadata.desired) || !jsonEqual(edited.metadata.reported, original.metadata.reported))
      ignored.push('metadata: kept by the cloud; your edit is not sent');
    if (edited.version !== original.version) ignored.push(`version: kept by the cloud; ShadowVersion ${original.version} (the version you read) is sent`);
    if (edited.timestamp !== original.timestamp) ignored.push('timestamp: kept by the cloud; your edit is not sent');
  }

  const patch = createMergePatch(original?.state.desired, desired);
  const state = JSON.stringify({ desired: patch });
  const size = utf8Length(state);
  if (size > SHADOW_STATE_MAX_BYTES) {
    return shadowError(
      SHADOW_ERROR_CODES.tooLarge,
      `the update's State would be ${size} bytes; UpdateDeviceShadow accepts at most ${SHADOW_STATE_MAX_BYTES} bytes (8 KB), so nothing was sent — make desired smaller`,
    );
  }
  return {
    ok: true,
    params: { ProductId: edit.productId, DeviceName: edit.deviceName, State: state, ShadowVersion: original?.version ?? edited.version },
    patch,
    changes: countLeaves(patch),
    ignored,
  };
}
