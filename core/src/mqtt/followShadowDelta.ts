import type { JsonObject } from '../shadow/ShadowDocument.js';
import type { ShadowMessageRead } from './deviceShadowMessages.js';

// What a well-behaved device does with a message on its shadow result topic, as iot-device-java's
// TXShadowConnection does: it keeps the highest payload.version it was told (the next update sends it, so the
// cloud's version check passes), and when it follows deltas it applies a delta push — or what a get says is still
// pending (payload.state.delta) — and reports those keys back as its reported state. One decision for every host
// that runs a virtual device (the CLI's `device connect --follow-delta`, the VS Code extension's virtual device).

export interface ShadowFollowDecision {
  /** The version the device keeps from now on: never lower than the one it had. */
  readonly version: number;
  /** The reported keys to send back (state.reported), when the message asks for them. */
  readonly report?: JsonObject;
  /** The broker refused a request of the device: its type and result code (the SDKs only test result == 0). */
  readonly refused?: { readonly type: string; readonly result: number };
}

export function followShadowDelta(message: ShadowMessageRead, knownVersion: number, followDelta: boolean): ShadowFollowDecision {
  const version = message.version !== undefined && message.version > knownVersion ? message.version : knownVersion;
  const refused = message.result !== undefined && message.result !== 0 ? { type: message.type, result: message.result } : undefined;
  const applies = followDelta && message.delta !== undefined && (message.type === 'delta' || message.type === 'get') && refused === undefined;
  return { version, ...(applies ? { report: message.delta } : {}), ...(refused ? { refused } : {}) };
}
