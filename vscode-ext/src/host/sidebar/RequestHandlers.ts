import type { RequestMethod, RequestParams, RequestResult } from '../../protocol.js';

/** One named function per request of the protocol (refined-github's handleMessages map), typed by it. */
export type RequestHandlers = { readonly [M in RequestMethod]: (params: RequestParams<M>) => Promise<RequestResult<M>> | RequestResult<M> };

/** A webview is a browser page: each handler reads its params as untrusted text. */
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
