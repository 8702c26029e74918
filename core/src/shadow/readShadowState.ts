import { isJsonObject, type JsonObject, type ShadowResult } from './ShadowDocument.js';
import { parseJsonBounded } from '../encoding/parseJsonBounded.js';
import { SHADOW_ERROR_CODES, SHADOW_MAX_DEPTH, SHADOW_STATE_MAX_BYTES, shadowError, utf8Length, type ShadowJsonReading } from './shadowRules.js';

/** Where JSON.parse stopped, in words: engines put the position in the message; keep it, drop the noise. */
export function describeJsonError(error: unknown): string {
  return error instanceof Error ? error.message : 'not valid JSON';
}

/** Shadow JSON read with its depth bounded first (parseJsonBounded); a too-deep or invalid text is a ShadowError naming `field`. */
export function readShadowJson(text: string, field: string): ShadowJsonReading {
  const parsed = parseJsonBounded(text, field, { maxDepth: SHADOW_MAX_DEPTH });
  if (parsed.ok) return { ok: true, value: parsed.value };
  return shadowError(parsed.problem === 'tooDeep' ? SHADOW_ERROR_CODES.invalidValue : SHADOW_ERROR_CODES.invalidJson, parsed.message);
}

/**
 * UpdateDeviceShadow's State, checked the way the doc's error table describes: at most 8 KB
 * (JSONSizeExceedLimit), valid JSON (InvalidJSON), an object "由desired结构组成" — only `desired`, so
 * `reported` or any other top-level key is JSONHasInvalidNode — and desired itself an object (a scalar or an
 * array cannot be merged into the shadow: NotMergeAble).
 */
export function readShadowState(state: string): ShadowResult<{ readonly desired: JsonObject }> {
  if (typeof state !== 'string') return shadowError(SHADOW_ERROR_CODES.invalidValue, 'State: expected a JSON string such as {"desired":{"color":"red"}}');
  const size = utf8Length(state);
  if (size > SHADOW_STATE_MAX_BYTES) {
    return shadowError(SHADOW_ERROR_CODES.tooLarge, `State: ${size} bytes; the limit is ${SHADOW_STATE_MAX_BYTES} bytes (8 KB) of UTF-8`);
  }
  const read = readShadowJson(state, 'State');
  if (!read.ok) return read;
  const parsed = read.value;
  if (!isJsonObject(parsed))
    return shadowError(
      SHADOW_ERROR_CODES.notMergeable,
      'State: expected a JSON object {"desired":{...}}; an array or a single value cannot be merged into the shadow',
    );
  const extra = Object.keys(parsed).filter((key) => key !== 'desired');
  if (extra.length > 0) {
    const hint = extra.includes('reported') ? ' (reported is written by the device, not by this API)' : '';
    return shadowError(SHADOW_ERROR_CODES.invalidNode, `State: only "desired" may be set; found ${extra.map((k) => JSON.stringify(k)).join(', ')}${hint}`);
  }
  const desired = parsed['desired'];
  if (desired === undefined) return shadowError(SHADOW_ERROR_CODES.invalidValue, 'State: expected a "desired" object, e.g. {"desired":{"color":"red"}}');
  if (!isJsonObject(desired))
    return shadowError(
      SHADOW_ERROR_CODES.notMergeable,
      `State.desired: expected an object of keys to set (null deletes a key); got ${desired === null ? 'null' : Array.isArray(desired) ? 'an array' : typeof desired}`,
    );
  return { ok: true, desired };
}
