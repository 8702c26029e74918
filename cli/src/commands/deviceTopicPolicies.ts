import { emulatorEndpointOfBroker, readEmulatorTopicPolicies, type FetchText, type ProductTopicPolicy } from '@iot-devkit/core';
import { UsageError } from '../Command.js';

const fetchText: FetchText = async (url) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
  return response.ok ? response.text() : undefined;
};

/**
 * Where `device connect` reads the product's CreateTopicPolicy topics: --endpoint when given, else the emulator's
 * default API port beside a loopback broker; undefined (none read) for any other broker, the cloud's included, whose
 * API lists no topic policies.
 */
export function topicPoliciesEndpoint(endpointFlag: string | undefined, broker: string): string | undefined {
  if (endpointFlag === undefined) return emulatorEndpointOfBroker(broker);
  const host = /^https?:\/\/(\[[0-9a-fA-F:.]+\]|[^/:?#\s]+)(?::\d{1,5})?(?:\/\S*)?$/.exec(endpointFlag)?.[1];
  if (host === undefined)
    throw new UsageError(`--endpoint: the emulator's API URL such as http://127.0.0.1:9180/; got ${JSON.stringify(endpointFlag.slice(0, 80))}`);
  if (host.endsWith('.tencentcloudapi.com'))
    throw new UsageError(
      "--endpoint: the cloud has no action that lists topic policies (iotcloud 2021-04-08); give the local emulator's API URL, or leave --endpoint out",
    );
  return endpointFlag;
}

/** The policies, and one line saying which were found (or why none were) for the device's output. */
export async function readDeviceTopicPolicies(endpoint: string | undefined, productId: string): Promise<{ policies: ProductTopicPolicy[]; line: string }> {
  if (endpoint === undefined)
    return { policies: [], line: 'CreateTopicPolicy topics: not read (the broker is not the local emulator; --endpoint URL names one)' };
  const read = await readEmulatorTopicPolicies(endpoint, productId, fetchText);
  if (read.problem) return { policies: [], line: `CreateTopicPolicy topics: none read: ${read.problem}; --endpoint URL names the emulator's API` };
  const names = read.policies.map((p) => `${p.TopicName} (Privilege ${p.Privilege})`);
  return { policies: read.policies, line: `CreateTopicPolicy topics of ${productId}: ${names.length > 0 ? names.join(', ') : 'none'}` };
}
