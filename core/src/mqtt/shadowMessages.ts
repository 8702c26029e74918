import type { JsonObject, ShadowDocument } from '../shadow/ShadowDocument.js';
import { computeShadowDelta } from '../shadow/computeShadowDelta.js';

// The JSON on `$shadow/operation/result/${ProductId}/${DeviceName}`, in the shape Tencent's device SDKs read it:
// `type`, `result` (0 accepted, anything else rejected), `clientToken` (matched to the pending request), and
// `payload.version` and `payload.state` (qcloud-iot-sdk-embedded-c shadow_client_json.c: PAYLOAD_VERSION
// "payload.version", PAYLOAD_STATE "payload.state" for a delta, PAYLOAD_STATE_DELTA "payload.state.delta" for a get;
// iot-device-java TXShadowConnection.java: payload.version kept as the next request's version).

/** Result codes other than 0 are the emulator's own: the SDKs only test `result == 0` (shadow_client.c _handle_request_callback). */
export const SHADOW_RESULT = {
  accepted: 0,
  badRequest: 400,
  versionConflict: 409,
  tooLarge: 413,
} as const;

export type ShadowOperationType = 'get' | 'update' | 'delete';

/** The full state as a get answers it: reported, desired, and the delta between them when there is one. */
function fullState(shadow: ShadowDocument | undefined): JsonObject {
  if (!shadow) return {};
  const delta = computeShadowDelta(shadow.state.desired, shadow.state.reported);
  return {
    ...(shadow.state.reported ? { reported: shadow.state.reported } : {}),
    ...(shadow.state.desired ? { desired: shadow.state.desired } : {}),
    ...(delta ? { delta } : {}),
  };
}

/** An accepted get/update/delete: the update answers the state it applied, a get the whole state with its delta. */
export function formatShadowResult(
  type: ShadowOperationType,
  shadow: ShadowDocument | undefined,
  applied: JsonObject | undefined,
  clientToken: string | undefined,
  now: number,
): string {
  const state = type === 'get' ? fullState(shadow) : (applied ?? {});
  return JSON.stringify({
    type,
    result: SHADOW_RESULT.accepted,
    timestamp: now,
    ...(clientToken !== undefined ? { clientToken } : {}),
    payload: {
      state,
      ...(type === 'get' && shadow ? { metadata: shadow.metadata } : {}),
      timestamp: shadow?.timestamp ?? now,
      version: shadow?.version ?? 0,
    },
  });
}

/** A refused request; `message` is the emulator's explanation (the cloud sends none), marked as such. */
export function formatShadowRejection(
  type: string,
  result: number,
  message: string,
  shadow: ShadowDocument | undefined,
  clientToken: string | undefined,
  now: number,
): string {
  return JSON.stringify({
    type,
    result,
    timestamp: now,
    ...(clientToken !== undefined ? { clientToken } : {}),
    payload: { version: shadow?.version ?? 0 },
    message: `IoT Devkit emulator: ${message}`,
  });
}

/** What the cloud pushes when desired changes: `payload.state` is the delta itself, `payload.version` the new version. */
export function formatShadowDelta(delta: JsonObject, version: number, now: number): string {
  return JSON.stringify({ type: 'delta', timestamp: now, payload: { state: delta, version } });
}
