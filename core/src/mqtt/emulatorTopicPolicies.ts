import { parseJsonBounded } from '../encoding/parseJsonBounded.js';
import { hostWithoutPort, isLoopbackHost } from '../emulator/loopbackHost.js';
import type { ProductTopicPolicy } from './deviceTopics.js';

// iotcloud 2021-04-08 has CreateTopicPolicy and UpdateTopicPolicy but no action that lists a product's topics, so
// the virtual devices (the CLI's `device connect`, VS Code's) and VS Code's Publish Message read them from the
// emulator's GET /_emulator/products/<ProductId>/topics (core/src/emulator/adminRoutes.ts). Against the cloud there
// are none to add, and only the default topics are used.

/** The emulator's default API port (`iot-devkit emulator --port`, EMULATOR_DEFAULT_ENDPOINT). */
export const EMULATOR_API_PORT = 9180;
/** At most this many policies are read from one answer (the emulator keeps 50 a product). */
const MAX_POLICIES = 200;
/** The answer is a short list: anything longer is not the emulator's. */
const MAX_ANSWER_CHARS = 256 * 1024;

/**
 * Reads a URL's body as text, or undefined when the server answered with an error status. The host passes its
 * fetch (with a timeout); a rejection is caught here.
 */
export type FetchText = (url: string) => Promise<string | undefined>;

export interface TopicPoliciesRead {
  readonly policies: ProductTopicPolicy[];
  /** Why none could be read, when the endpoint did not answer as the emulator does. */
  readonly problem?: string;
}

/** The emulator's API endpoint beside a broker URL on a loopback host (mqtt://127.0.0.1:1883 → http://127.0.0.1:9180/). */
export function emulatorEndpointOfBroker(brokerUrl: string): string | undefined {
  // The authority of scheme://AUTHORITY/…: a bracketed IPv6 address or the text up to the port or path (linear).
  const host = /^(?:mqtts?|wss?):\/\/(\[[0-9a-fA-F:.]+\]|[^/:?#\s]+)/.exec(brokerUrl)?.[1];
  return host !== undefined && isLoopbackHost(host) ? `http://${hostWithoutPort(host)}:${EMULATOR_API_PORT}/` : undefined;
}

export function emulatorTopicPoliciesUrl(endpoint: string, productId: string): string {
  return `${endpoint.endsWith('/') ? endpoint : `${endpoint}/`}_emulator/products/${encodeURIComponent(productId)}/topics`;
}

/** The policies of the route's answer `{ ProductId, TopicPolicies: [{ TopicName, Privilege }] }`; malformed entries are skipped. */
export function parseTopicPoliciesAnswer(text: string): ProductTopicPolicy[] | undefined {
  const read = parseJsonBounded(text, 'topics', { maxDepth: 4, maxLength: MAX_ANSWER_CHARS });
  const list = read.ok ? (read.value as { TopicPolicies?: unknown } | null)?.TopicPolicies : undefined;
  if (!Array.isArray(list)) return undefined;
  return list
    .slice(0, MAX_POLICIES)
    .filter(
      (p): p is ProductTopicPolicy =>
        typeof p === 'object' &&
        p !== null &&
        typeof (p as ProductTopicPolicy).TopicName === 'string' &&
        typeof (p as ProductTopicPolicy).Privilege === 'number',
    )
    .map((p) => ({ TopicName: p.TopicName, Privilege: p.Privilege }));
}

/** The topics CreateTopicPolicy gave a product, read from the emulator at `endpoint`; none, with the reason, when it does not answer. */
export async function readEmulatorTopicPolicies(endpoint: string, productId: string, fetchText: FetchText): Promise<TopicPoliciesRead> {
  const url = emulatorTopicPoliciesUrl(endpoint, productId);
  let text: string | undefined;
  try {
    text = await fetchText(url);
  } catch (error) {
    return { policies: [], problem: `${url} did not answer (${error instanceof Error ? error.message : String(error)})` };
  }
  if (text === undefined) return { policies: [], problem: `${url} answered with an error (no such product on this emulator?)` };
  const policies = parseTopicPoliciesAnswer(text);
  return policies ? { policies } : { policies: [], problem: `${url} did not answer as the emulator does ({"TopicPolicies": [...]})` };
}
