import { deviceBrokerUrl, readEmulatorTopicPolicies as readFromEmulator, type FetchText, type ProductTopicPolicy } from '@iot-devkit/core';
import type { Services } from '../Services.js';

/** The active profile's endpoint when it is the local emulator (not *.tencentcloudapi.com): its admin routes can be read. */
export function emulatorEndpointOf(services: Services, productId: string): string | undefined {
  const profile = services.profiles.active();
  if (!profile?.endpoint) return undefined;
  const broker = deviceBrokerUrl({ productId, apiEndpoint: profile.endpoint });
  return broker.ok && broker.target !== 'cloud' ? profile.endpoint : undefined;
}

const fetchText: FetchText = async (url) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
  return response.ok ? response.text() : undefined;
};

/**
 * The topics CreateTopicPolicy gave a product, read by core's readEmulatorTopicPolicies (shared with the CLI's
 * `device connect`): against the cloud (no emulator endpoint) or when the emulator does not answer, there are none
 * to add and only the default topics are offered.
 */
export async function readEmulatorTopicPolicies(endpoint: string | undefined, productId: string): Promise<ProductTopicPolicy[]> {
  return endpoint ? (await readFromEmulator(endpoint, productId, fetchText)).policies : [];
}
