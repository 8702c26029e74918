import { cloneJson, isJsonObject, setOwn, type JsonObject, type JsonValue } from './ShadowDocument.js';

/**
 * Merges an update into a state half (desired, or reported from the device) the way a JSON Merge Patch
 * (RFC 7386) does: objects merge key by key, anything else replaces, and null deletes the key. The IoT Hub
 * API doc does not spell out null; RFC 7386 and Tencent's device-shadow guide both treat it as "delete",
 * which is also the only way an application can remove a desired key. Returns a new object; inputs untouched.
 */
export function mergeDesired(target: JsonObject | undefined, patch: JsonObject): JsonObject {
  const result = cloneJson(target ?? {});
  for (const key of Object.keys(patch)) {
    const value = patch[key]!;
    if (value === null) {
      delete result[key];
    } else if (isJsonObject(value)) {
      const current = result[key];
      setOwn(result, key, mergeDesired(isJsonObject(current) ? current : {}, value));
    } else {
      setOwn(result, key, cloneJson(value));
    }
  }
  return result;
}

/**
 * The metadata tree after a merge: every leaf the patch set gets `{"timestamp": now}`, deleted keys lose
 * their metadata, untouched keys keep theirs (the doc's metadata.reported.color.timestamp shape).
 */
export function mergeMetadata(metadata: JsonObject | undefined, patch: JsonObject, now: number): JsonObject {
  const result = cloneJson(metadata ?? {});
  for (const key of Object.keys(patch)) {
    const value: JsonValue = patch[key]!;
    if (value === null) {
      delete result[key];
    } else if (isJsonObject(value)) {
      const current = result[key];
      // A leaf's metadata is {timestamp}; when a leaf becomes an object its old timestamp is not a child.
      const base = isJsonObject(current) && !isLeafMetadata(current) ? current : {};
      setOwn(result, key, mergeMetadata(base, value, now));
    } else {
      setOwn(result, key, { timestamp: now });
    }
  }
  return result;
}

const isLeafMetadata = (value: JsonObject): boolean => {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'timestamp' && typeof value['timestamp'] === 'number';
};
