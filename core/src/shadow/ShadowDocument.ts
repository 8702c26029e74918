/** JSON as the shadow holds it: the device decides what its state looks like. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** The two halves of a shadow's state: what the application wants, and what the device last said it has. */
export interface ShadowState {
  readonly desired?: JsonObject;
  readonly reported?: JsonObject;
}

/**
 * The shadow document inside DescribeDeviceShadow's `Data` (its `payload`): state, a metadata tree that mirrors
 * state with a `{"timestamp": ms}` per leaf, the version UpdateDeviceShadow's ShadowVersion must match, and the
 * time of the last change in milliseconds (the doc's examples are 13-digit millisecond times).
 */
export interface ShadowDocument {
  readonly state: ShadowState;
  readonly metadata: ShadowState;
  readonly version: number;
  readonly timestamp: number;
}

/** The whole `Data` string as the doc shows it: `{"payload": {...}, "result": 0, "timestamp": ms, "type": "get"}`. */
export interface ShadowEnvelope {
  readonly payload: ShadowDocument;
  readonly result: number;
  readonly timestamp: number;
  readonly type: string;
}

/** A shadow failure with the error code the cloud documents for it (UpdateDeviceShadow's error table). */
export interface ShadowError {
  readonly code: string;
  readonly message: string;
}

export type ShadowResult<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly error: ShadowError };

export const isJsonObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Sets an own property even for the key "__proto__", which JSON.parse yields as an ordinary key; a plain
 * assignment would change the object's prototype instead of storing the device's data.
 */
export function setOwn(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Structural equality of JSON values; key order does not matter, array order does. */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && jsonEqual(a[key], b[key]));
  }
  return false;
}

/** A deep copy made of own properties only (see setOwn). */
export function cloneJson<T extends JsonValue>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T;
  if (isJsonObject(value)) {
    const copy: JsonObject = {};
    for (const key of Object.keys(value)) setOwn(copy, key, cloneJson(value[key]!));
    return copy as T;
  }
  return value;
}
