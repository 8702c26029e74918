import { computeShadowDelta } from './computeShadowDelta.js';
import { isJsonObject, type JsonObject, type ShadowDocument, type ShadowResult, type ShadowState } from './ShadowDocument.js';
import { readShadowJson } from './readShadowState.js';
import { SHADOW_ERROR_CODES, shadowError } from './shadowRules.js';

export interface ParsedShadow {
  readonly shadow: ShadowDocument;
  /** What the device still has to apply (desired minus what reported already matches); undefined when in sync. */
  readonly delta: JsonObject | undefined;
  /** The envelope's own fields when the input was the whole Data string. */
  readonly envelope?: { readonly result: number; readonly timestamp: number; readonly type: string };
}

function readHalves(value: unknown, field: string): ShadowResult<{ readonly halves: ShadowState }> {
  if (value === undefined || value === null) return { ok: true, halves: {} };
  if (!isJsonObject(value)) return shadowError(SHADOW_ERROR_CODES.invalidValue, `${field}: expected an object with "desired" and/or "reported"`);
  const halves: { desired?: JsonObject; reported?: JsonObject } = {};
  // In the order given, so a document read and written again keeps its shape (the doc prints reported first).
  for (const key of Object.keys(value).filter((k): k is 'desired' | 'reported' => k === 'desired' || k === 'reported')) {
    const half = value[key];
    if (half === undefined || half === null) continue;
    if (!isJsonObject(half)) return shadowError(SHADOW_ERROR_CODES.invalidValue, `${field}.${key}: expected an object`);
    halves[key] = half;
  }
  return { ok: true, halves };
}

/** A shadow document (the `payload`), checked field by field so a bad one is named precisely. */
export function readShadowDocument(value: unknown, field = 'payload'): ShadowResult<{ readonly shadow: ShadowDocument }> {
  if (!isJsonObject(value)) return shadowError(SHADOW_ERROR_CODES.invalidValue, `${field}: expected the shadow object {"state":…,"metadata":…,"version":…}`);
  const state = readHalves(value['state'], `${field}.state`);
  if (!state.ok) return state;
  const metadata = readHalves(value['metadata'], `${field}.metadata`);
  if (!metadata.ok) return metadata;
  const version = value['version'];
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0)
    return shadowError(SHADOW_ERROR_CODES.invalidValue, `${field}.version: expected a non-negative integer (UpdateDeviceShadow's ShadowVersion must match it)`);
  const timestamp = value['timestamp'];
  if (timestamp !== undefined && typeof timestamp !== 'number')
    return shadowError(SHADOW_ERROR_CODES.invalidValue, `${field}.timestamp: expected a number of milliseconds`);
  return { ok: true, shadow: { state: state.halves, metadata: metadata.halves, version, timestamp: timestamp ?? 0 } };
}

/**
 * Reads DescribeDeviceShadow's (or UpdateDeviceShadow's) `Data` string — `{"payload":{"state":{"desired":…,
 * "reported":…},"metadata":…,"timestamp":…,"version":5},"result":0,"timestamp":…,"type":"get"}` — and computes
 * the delta. A bare shadow document (the payload alone, as an editor shows it) is accepted too.
 */
export function parseShadowData(data: string): ShadowResult<ParsedShadow> {
  if (typeof data !== 'string') return shadowError(SHADOW_ERROR_CODES.invalidValue, 'Data: expected the JSON string DescribeDeviceShadow returns');
  const parsed = readShadowJson(data, 'Data');
  if (!parsed.ok) return parsed;
  const json = parsed.value;
  const isEnvelope = isJsonObject(json) && 'payload' in json;
  const read = readShadowDocument(isEnvelope ? json['payload'] : json, isEnvelope ? 'Data.payload' : 'Data');
  if (!read.ok) return read;
  const { shadow } = read;
  const delta = computeShadowDelta(shadow.state.desired, shadow.state.reported);
  if (!isEnvelope) return { ok: true, shadow, delta };
  const envelope = json as JsonObject;
  const number = (value: unknown) => (typeof value === 'number' ? value : 0);
  return {
    ok: true,
    shadow,
    delta,
    envelope: {
      result: number(envelope['result']),
      timestamp: number(envelope['timestamp']),
      type: typeof envelope['type'] === 'string' ? envelope['type'] : '',
    },
  };
}
