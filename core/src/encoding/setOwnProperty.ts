/**
 * Stores `value` under `key` as an own, enumerable property, even for names such as "__proto__": a plain
 * `record[key] = value` would set the record's prototype instead (silently losing a header or parameter named so).
 * Headers, query parameters and JSON keys come from outside, so every record built from them goes through here.
 */
export function setOwnProperty<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The record's own value for `key`: never one inherited from Object.prototype ("constructor", "toString"…). */
export function getOwnProperty<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
