import type { HttpRequest } from '../ApiRequest.js';

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The host's way to put a request on the wire (fetch in browsers and Node, the extension host's client, …). */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

export interface AuthContext {
  readonly transport: Transport;
  /** Unix seconds. */
  now(): number;
}

/**
 * One vendor's authentication as a pluggable piece: it turns an unauthenticated request into one the vendor
 * accepts, and may ask for exactly one retry when a response says the credential went stale.
 */
export interface AuthScheme {
  readonly name: string;
  authorize(request: HttpRequest, context: AuthContext): Promise<HttpRequest>;
  /** True when the response shows a stale credential that authorize() will now replace (e.g. an expired token). */
  shouldRetry?(response: HttpResponse): boolean;
}

/** Sends with the scheme; on a stale-credential answer, re-authorizes and resends once, never more. */
export async function sendWithAuth(request: HttpRequest, scheme: AuthScheme, context: AuthContext): Promise<HttpResponse> {
  const response = await context.transport(await scheme.authorize(request, context));
  if (!scheme.shouldRetry?.(response)) return response;
  return context.transport(await scheme.authorize(request, context));
}
