// A response as both UIs show it (the browser's response panel, VS Code's response editor tab): status, time,
// size, headers with credentials masked, the body as a JSON tree whose string fields that hold JSON are parsed
// (API 3.0 returns DescribeDeviceShadow's Data, rule payloads and TRRO's configs as JSON text inside a string —
// seed 001 "设备影子" Data: "设备影子的JSON数据"), and the error explained with its fix (explainResponse).
import type { HintSurface } from '../errors/hintOnSurface.js';
import { utf8Encode } from '../encoding/bytes.js';
import { DEFAULT_JSON_MAX_DEPTH, parseJsonBounded } from '../encoding/parseJsonBounded.js';
import { explainResponse, type ResponseExplanation } from './explainResponse.js';
import { isSecretHeader, maskForDisplay } from './secretPolicy.js';

/** A JSON value for display; `embedded` is the parsed JSON a string field held. */
export type JsonTreeNode =
  | { readonly kind: 'object'; readonly entries: readonly { readonly key: string; readonly node: JsonTreeNode }[] }
  | { readonly kind: 'array'; readonly items: readonly JsonTreeNode[] }
  | { readonly kind: 'string'; readonly value: string; readonly embedded?: JsonTreeNode }
  | { readonly kind: 'number' | 'boolean' | 'null'; readonly text: string }
  /** Nesting past the depth limit, shown as its JSON text instead of being walked further. */
  | { readonly kind: 'deep'; readonly text: string };

/** A string that parses as JSON text of an object or array (`"{\"state\":…}"`); undefined for any other string. */
export function parseEmbeddedJson(value: string, maxDepth = DEFAULT_JSON_MAX_DEPTH): unknown {
  const text = value.trim();
  const first = text[0];
  const last = text[text.length - 1];
  // Only objects and arrays: "12" or "true" in a string field are values, not documents.
  if (!((first === '{' && last === '}') || (first === '[' && last === ']'))) return undefined;
  const parsed = parseJsonBounded(text, 'string field', { maxDepth });
  return parsed.ok && parsed.value !== null && typeof parsed.value === 'object' ? parsed.value : undefined;
}

/**
 * The tree of a parsed value, JSON-in-string fields parsed too. Depth counts across embedded documents, so a
 * string holding a string holding JSON … stops at `maxDepth` like any other nesting.
 */
export function buildJsonTree(value: unknown, maxDepth = DEFAULT_JSON_MAX_DEPTH, depth = 0): JsonTreeNode {
  if (value === null || value === undefined) return { kind: 'null', text: 'null' };
  if (typeof value === 'number' || typeof value === 'bigint') return { kind: 'number', text: String(value) };
  if (typeof value === 'boolean') return { kind: 'boolean', text: String(value) };
  if (typeof value === 'string') {
    const embedded = depth < maxDepth ? parseEmbeddedJson(value, maxDepth - depth) : undefined;
    return embedded === undefined ? { kind: 'string', value } : { kind: 'string', value, embedded: buildJsonTree(embedded, maxDepth, depth + 1) };
  }
  if (depth >= maxDepth) return { kind: 'deep', text: JSON.stringify(value) };
  if (Array.isArray(value)) return { kind: 'array', items: value.map((item) => buildJsonTree(item, maxDepth, depth + 1)) };
  return {
    kind: 'object',
    entries: Object.entries(value as Record<string, unknown>).map(([key, child]) => ({ key, node: buildJsonTree(child, maxDepth, depth + 1) })),
  };
}

/** The dotted paths of the string fields shown parsed (`Response.Data`), for a line saying which were. */
export function embeddedJsonPaths(node: JsonTreeNode, path = ''): string[] {
  // An explicit stack, not recursion: the tree is bounded by maxDepth, but this stays flat anyway.
  const found: string[] = [];
  const stack: { node: JsonTreeNode; path: string }[] = [{ node, path }];
  while (stack.length > 0) {
    const { node: current, path: at } = stack.pop()!;
    if (current.kind === 'string' && current.embedded) {
      found.push(at);
      stack.push({ node: current.embedded, path: at });
    } else if (current.kind === 'object') {
      for (let i = current.entries.length - 1; i >= 0; i--) {
        const entry = current.entries[i]!;
        stack.push({ node: entry.node, path: at ? `${at}.${entry.key}` : entry.key });
      }
    } else if (current.kind === 'array') {
      for (let i = current.items.length - 1; i >= 0; i--) stack.push({ node: current.items[i]!, path: `${at}[${i}]` });
    }
  }
  return found;
}

/**
 * The body as formatted JSON text with JSON-in-string fields replaced by their parsed value (for an editor with
 * folding, VS Code's response tab); undefined when the body is not JSON.
 */
export function formatJsonWithEmbedded(body: string, maxDepth = DEFAULT_JSON_MAX_DEPTH): string | undefined {
  const parsed = parseJsonBounded(body, 'response body', { maxDepth });
  if (!parsed.ok) return undefined;
  return JSON.stringify(jsonTreeToValue(buildJsonTree(parsed.value, maxDepth)), null, 2);
}

/** The value a tree shows: each JSON-in-string field replaced by its parsed value (for a host that prints it its own way). */
export function jsonTreeToValue(node: JsonTreeNode): unknown {
  switch (node.kind) {
    case 'object':
      return Object.fromEntries(node.entries.map((entry) => [entry.key, jsonTreeToValue(entry.node)]));
    case 'array':
      return node.items.map(jsonTreeToValue);
    case 'string':
      return node.embedded ? jsonTreeToValue(node.embedded) : node.value;
    default:
      return JSON.parse(node.text) as unknown;
  }
}

export interface ResponseToShow {
  readonly status: number;
  /** The body as the UI may show it: already redacted by the secret policy where it was stored. */
  readonly body: string;
  readonly elapsedMs: number;
  readonly headers?: Readonly<Record<string, string>>;
}

export type ResponseOutcome = 'ok' | 'apiError' | 'httpError';

export interface ResponsePanelView {
  readonly status: number;
  /** ok: 2xx with no API error; apiError: the body carries an error code (API 3.0 answers 200); httpError: otherwise. */
  readonly outcome: ResponseOutcome;
  readonly elapsedMs: number;
  /** UTF-8 bytes of the body. */
  readonly sizeBytes: number;
  /** "512 B", "1.4 KB", "2.0 MB". */
  readonly sizeText: string;
  /** Headers in the order received, credentials (Set-Cookie, Authorization …) masked. */
  readonly headers: readonly { readonly name: string; readonly value: string; readonly masked: boolean }[];
  readonly body:
    { readonly kind: 'json'; readonly tree: JsonTreeNode; readonly embeddedPaths: readonly string[] } | { readonly kind: 'text'; readonly text: string };
  readonly explanation: ResponseExplanation;
}

const utf8Length = (text: string): number => utf8Encode(text).length;

export function formatByteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Everything a response panel shows, from the response and the UI showing it (its fix hints point at its Diagnose). */
export function buildResponseView(response: ResponseToShow, surface: HintSurface): ResponsePanelView {
  const explanation = explainResponse(response.body, surface);
  const parsed = parseJsonBounded(response.body, 'response body');
  const tree = parsed.ok ? buildJsonTree(parsed.value) : undefined;
  const sizeBytes = utf8Length(response.body);
  const outcome: ResponseOutcome = explanation.error ? 'apiError' : response.status >= 200 && response.status < 300 ? 'ok' : 'httpError';
  return {
    status: response.status,
    outcome,
    elapsedMs: response.elapsedMs,
    sizeBytes,
    sizeText: formatByteSize(sizeBytes),
    headers: Object.entries(response.headers ?? {}).map(([name, value]) =>
      isSecretHeader(name) ? { name, value: maskForDisplay(value), masked: true } : { name, value, masked: false },
    ),
    body: tree ? { kind: 'json', tree, embeddedPaths: embeddedJsonPaths(tree) } : { kind: 'text', text: response.body },
    explanation,
  };
}
