// Which CodeLenses stand above each request of a .http file, and how a lens finds its request again when clicked.
// A request is known by its `# @name`, else by its text: an index would point at another request as soon as the
// user adds one above it, and the Diagnose lens would then appear over the wrong request.
import type { HttpFile, HttpFileRequest } from '@iot-devkit/core';

export const HTTP_LENS_ACTIONS = ['send', 'signingSteps', 'copyAsCurl', 'diagnose'] as const;
export type HttpLensAction = (typeof HTTP_LENS_ACTIONS)[number];

/** A lens to show: above `line` (0-based, the request line), running `action` on the request known as `key`. */
export interface HttpLens {
  readonly line: number;
  readonly action: HttpLensAction;
  readonly key: string;
}

/** How a request is known across edits: `name:NAME`, or `text:` and what it says (method, URL, headers, body as written). */
export function requestKeyOf(request: HttpFileRequest): string {
  if (request.name !== undefined) return `name:${request.name}`;
  const headers = request.headers.map((h) => `${h.name}: ${h.value.raw}`).join('\n');
  return `text:${request.method} ${request.url.raw}\n${headers}\n\n${request.body?.raw ?? ''}`;
}

/** The request a lens was made for, in the document as it is now; undefined when it has since been edited away. */
export const findRequestByKey = (file: HttpFile, key: string): HttpFileRequest | undefined => file.requests.find((r) => requestKeyOf(r) === key);

/** What a person reads as the request's name: its `# @name`, else "request N (line L)". */
export const requestLabel = (request: HttpFileRequest): string => request.name ?? `request ${request.index + 1} (line ${request.position.line})`;

/**
 * The lenses of a file: Send, Signing Steps and Copy as curl on every request; Diagnose only on a request whose
 * last response this session was a signature failure.
 */
export function httpLenses(file: HttpFile, diagnosable: (key: string) => boolean): HttpLens[] {
  return file.requests.flatMap((request) => {
    const key = requestKeyOf(request);
    const line = request.position.line - 1;
    const actions: HttpLensAction[] = diagnosable(key) ? ['send', 'signingSteps', 'copyAsCurl', 'diagnose'] : ['send', 'signingSteps', 'copyAsCurl'];
    return actions.map((action) => ({ line, action, key }));
  });
}
