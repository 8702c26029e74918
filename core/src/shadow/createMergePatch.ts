import { cloneJson, isJsonObject, jsonEqual, setOwn, type JsonObject } from './ShadowDocument.js';

/**
 * The smallest merge patch that turns `from` into `to` (RFC 7386 in reverse): changed and added keys carry the
 * new value, removed keys carry null, nested objects are diffed key by key. mergeDesired(from, patch) equals `to`
 * except where `to` itself holds null, which a merge patch cannot express (null means delete).
 */
export function createMergePatch(from: JsonObject | undefined, to: JsonObject): JsonObject {
  const patch: JsonObject = {};
  const before = from ?? {};
  for (const key of Object.keys(before)) {
    if (!Object.prototype.hasOwnProperty.call(to, key)) setOwn(patch, key, null);
  }
  for (const key of Object.keys(to)) {
    const next = to[key]!;
    const had = Object.prototype.hasOwnProperty.call(before, key);
    const previous = had ? before[key] : undefined;
    if (had && jsonEqual(previous, next)) continue;
    if (isJsonObject(next) && isJsonObject(previous)) setOwn(patch, key, createMergePatch(previous, next));
    else setOwn(patch, key, cloneJson(next));
  }
  return patch;
}
