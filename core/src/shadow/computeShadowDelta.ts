import { isJsonObject, jsonEqual, setOwn, type JsonObject } from './ShadowDocument.js';

/**
 * What the device still has to do: every desired value that the reported state does not already have.
 * Objects are compared key by key (so a partial report of a nested object clears only what it matched);
 * arrays and scalars are compared whole. Keys only in reported are not part of the delta.
 * Returns undefined when desired and reported agree.
 */
export function computeShadowDelta(desired: JsonObject | undefined, reported: JsonObject | undefined): JsonObject | undefined {
  if (desired === undefined) return undefined;
  const delta: JsonObject = {};
  for (const key of Object.keys(desired)) {
    const want = desired[key]!;
    const have = reported !== undefined && Object.prototype.hasOwnProperty.call(reported, key) ? reported[key] : undefined;
    if (isJsonObject(want) && isJsonObject(have)) {
      const nested = computeShadowDelta(want, have);
      if (nested !== undefined) setOwn(delta, key, nested);
    } else if (!jsonEqual(want, have)) {
      setOwn(delta, key, want);
    }
  }
  return Object.keys(delta).length === 0 ? undefined : delta;
}
