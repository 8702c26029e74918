import type { HttpRequest } from './ApiRequest.js';

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The host's way to put a request on the wire (fetch in browsers and Node, the extension host's client, …). */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;
