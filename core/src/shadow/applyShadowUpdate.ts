import { mergeDesired, mergeMetadata } from './mergeDesired.js';
import type { JsonObject, ShadowDocument, ShadowResult } from './ShadowDocument.js';
import { readShadowState } from './readShadowState.js';
import { SHADOW_ERROR_CODES, shadowError } from './shadowRules.js';

/** The version of a shadow that does not exist yet: the first update must say ShadowVersion 0. */
export const ABSENT_SHADOW_VERSION = 0;

/** Merges one half of the state (desired from the API, reported from the device) and bumps the version. */
export function mergeShadowSection(current: ShadowDocument | undefined, section: 'desired' | 'reported', patch: JsonObject, now: number): ShadowDocument {
  const state = { ...current?.state };
  const metadata = { ...current?.metadata };
  const merged = mergeDesired(state[section], patch);
  const mergedMetadata = mergeMetadata(metadata[section], patch, now);
  return {
    state: { ...state, [section]: merged },
    metadata: { ...metadata, [section]: mergedMetadata },
    version: (current?.version ?? ABSENT_SHADOW_VERSION) + 1,
    timestamp: now,
  };
}

/**
 * UpdateDeviceShadow on a shadow: State checked (size, JSON, nodes), ShadowVersion compared with the stored
 * version ("需要和后台的version保持一致，才能更新成功" — a stale editor gets UpdateVersionNotMatch instead of
 * overwriting someone else's change), desired merged, version + 1. `now` is milliseconds.
 */
export function applyShadowUpdate(
  current: ShadowDocument | undefined,
  update: { readonly state: string; readonly shadowVersion: number },
  now: number,
): ShadowResult<{ readonly shadow: ShadowDocument }> {
  const read = readShadowState(update.state);
  if (!read.ok) return read;
  if (!Number.isSafeInteger(update.shadowVersion) || update.shadowVersion < 0)
    return shadowError(SHADOW_ERROR_CODES.invalidValue, 'ShadowVersion: expected a non-negative integer (the version you read)');
  const version = current?.version ?? ABSENT_SHADOW_VERSION;
  if (update.shadowVersion !== version) {
    return shadowError(
      SHADOW_ERROR_CODES.versionMismatch,
      `ShadowVersion ${update.shadowVersion} does not match the shadow's version ${version}: someone changed it since you read it; read it again, re-apply your change, and send version ${version}`,
    );
  }
  return { ok: true, shadow: mergeShadowSection(current, 'desired', read.desired, now) };
}
