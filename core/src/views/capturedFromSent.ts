import type { CapturedRequest } from '../capture/CapturedRequest.js';

/** A request as a host sent it (headers as a name → value record, the signers' shape). */
export interface SentRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * The request a UI just sent, as the diagnosis reads a capture: the headers in the order they were set, the body as
 * sent. "Why?" diagnoses exactly this, so what was on the wire and what is diagnosed cannot drift apart.
 */
export const capturedFromSent = (sent: SentRequest): CapturedRequest => ({
  method: sent.method,
  url: sent.url,
  headers: Object.entries(sent.headers).map(([name, value]) => ({ name, value })),
  body: sent.body,
});
