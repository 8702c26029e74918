import type { BrokerEffect } from '../mqtt/BrokerEffect.js';

/** A request as the host received it. Header names lower-case (as node:http gives them); the body as raw bytes. */
export interface ReceivedRequest {
  readonly method: string;
  /** Path and query as sent, e.g. "/?Action=…". */
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Signed byte for byte, so kept as bytes: decoding and re-encoding could change what was signed. */
  readonly body: Uint8Array;
  /** Headers with their names in the case and order sent, when the host has them (for the signature diagnosis). */
  readonly rawHeaders?: readonly (readonly [string, string])[];
}

export interface EmulatorResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** True when the request changed the state, so the host persists it before answering. */
  readonly stateChanged: boolean;
  /** What the host's broker is to do for this request (PublishMessage's delivery, a delta); absent when nothing. */
  readonly effects?: readonly BrokerEffect[];
  /**
   * PublishRRPCMessage: the answer depends on the device's reply, which only the host can wait for. The host calls
   * `complete` with the reply's payload (or undefined on timeout) and sends the body it returns instead of `body`.
   */
  readonly awaitRrpc?: { readonly messageId: number; readonly timeoutMs: number; complete(reply: Uint8Array | undefined): string };
}

/** The error the API puts in Response.Error. */
export interface ApiError {
  readonly code: string;
  readonly message: string;
}

export const apiError = (code: string, message: string): ApiError => ({ code, message });

/** Splits "/path?query" without URL (which would re-encode the query the signature covers). */
export function splitTarget(target: string): { readonly path: string; readonly query: string } {
  const q = target.indexOf('?');
  const raw = q === -1 ? target : target.slice(0, q);
  return { path: raw === '' ? '/' : raw, query: q === -1 ? '' : target.slice(q + 1).replace(/#.*$/, '') };
}
