import { deviceBrokerUrl, parseJsonBounded, type ProductTopicPolicy } from '@iot-devkit/core';
import type { Services } from '../Services.js';

/** At most this many policies are read from one answer (the emulator keeps 50 a product). */
const MAX_POLICIES = 200;

/** The active profile's endpoint when it is the local emulator (not *.tencentcloudapi.com): its admin routes can be read. */
export function emulatorEndpointOf(services: Services, productId: string): string | undefined {
  const profile = services.profiles.active();
  if (!profile?.endpoint) return undefined;
  const broker = deviceBrokerUrl({ productId, apiEndpoint: profile.endpoint });
  return broker.ok && broker.target !== 'cloud' ? profile.endpoint : undefined;
}

/**
 * The topics CreateTopicPolicy gave a product, from the emulator's GET /_emulator/products/<ProductId>/topics:
 * iotcloud 2021-04-08 has no action that lists them, so against the cloud (no emulator endpoint) or when the
 * emulator does not answer, there are none to add and only the default topics are offered.
 */
export async function readEmulatorTopicPolicies(endpoint: string | undefined, productId: string): Promise<ProductTopicPolicy[]> {
  if (!endpoint) return [];
  try {
    const base = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
    const response = await fetch(new URL(`_emulator/products/${encodeURIComponent(productId)}/topics`, base), { signal: AbortSignal.timeout(3000) });
    if (!response.ok) return [];
    const read = parseJsonBounded(await response.text(), 'topics', { maxDepth: 4, maxLength: 256 * 1024 });
    const list = read.ok ? (read.value as { TopicPolicies?: unknown } | null)?.TopicPolicies : undefined;
    if (!Array.isArray(list)) return [];
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
  } catch {
    return [];
  }
}
