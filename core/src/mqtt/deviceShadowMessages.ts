import { parseJsonBounded } from '../encoding/parseJsonBounded.js';
import { isJsonObject, type JsonObject } from '../shadow/ShadowDocument.js';
import { SHADOW_JSON_MAX_DEPTH } from '../emulator/actions/shadowActions.js';

// The device side of the shadow protocol, as a virtual device (iot-devkit device connect) speaks it: the requests
// iot-device-java's TXShadowConnection builds (type, state.reported, clientToken, version) and the fields it reads
// back from the result topic (type, result, payload.version; payload.state for a delta, payload.state.delta for a get).

/** What a message on the result topic says, as a device reads it. */
export interface ShadowMessageRead {
  readonly type: string;
  readonly result?: number;
  readonly clientToken?: string;
  readonly version?: number;
  /** What desired asks that reported does not have yet: a delta push's payload.state, or a get's payload.state.delta. */
  readonly delta?: JsonObject;
}

/** Reads a result-topic message; undefined when it is not a JSON object with a type (bounded: it comes off the network). */
export function readShadowMessage(text: string): ShadowMessageRead | undefined {
  const read = parseJsonBounded(text, 'message', { maxDepth: SHADOW_JSON_MAX_DEPTH + 4, maxLength: 64 * 1024 });
  if (!read.ok || !isJsonObject(read.value) || typeof read.value['type'] !== 'string') return undefined;
  const m = read.value;
  const payload = isJsonObject(m['payload']) ? m['payload'] : {};
  const state = isJsonObject(payload['state']) ? payload['state'] : undefined;
  const delta = m['type'] === 'delta' ? state : state && isJsonObject(state['delta']) ? state['delta'] : undefined;
  return {
    type: m['type'] as string,
    ...(typeof m['result'] === 'number' ? { result: m['result'] } : {}),
    ...(typeof m['clientToken'] === 'string' ? { clientToken: m['clientToken'] } : {}),
    ...(typeof payload['version'] === 'number' ? { version: payload['version'] } : {}),
    ...(delta && Object.keys(delta).length > 0 ? { delta } : {}),
  };
}

export const shadowGetRequest = (clientToken: string): string => JSON.stringify({ type: 'get', clientToken });

/** A report of `reported`, with the last version the device was told (0 before any: the SDKs' unchecked value). */
export const shadowReportRequest = (reported: JsonObject, version: number, clientToken: string): string =>
  JSON.stringify({ type: 'update', state: { reported }, version, clientToken });
