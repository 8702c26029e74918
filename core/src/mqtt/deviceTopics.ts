/** What a device may do on a topic: IoT Hub's Privilege values (CreateTopicPolicy: 1 publish, 2 subscribe, 3 both). */
export type TopicAccess = 'publish' | 'subscribe' | 'both';

/** One topic (or filter, for the `+` of RRPC ids) a device may use, and where the rule comes from. */
export interface DeviceTopic {
  readonly filter: string;
  readonly access: TopicAccess;
  /** What the topic is for, as printed when the broker refuses another. */
  readonly purpose: string;
}

/** A topic a product was given with CreateTopicPolicy: `${ProductId}/${DeviceName}/${TopicName}` for each device. */
export interface ProductTopicPolicy {
  readonly TopicName: string;
  /** 1 publish, 2 subscribe, 3 both (CreateTopicPolicy's Privilege). */
  readonly Privilege: number;
}

const ACCESS_OF_PRIVILEGE: Readonly<Record<number, TopicAccess>> = { 1: 'publish', 2: 'subscribe', 3: 'both' };

/**
 * The topics IoT Hub gives every device of a key-authenticated product, with the direction the device may use each.
 * Topic strings as Tencent's device SDKs build them: `$shadow/operation/%s/%s` and `$shadow/operation/result/%s/%s`
 * (qcloud-iot-sdk-embedded-c shadow_client.c; iot-device-java TXShadowConnection.java), `$ota/report|update/%s/%s`,
 * `$rrpc/txd|rxd/%s/%s/<id>` and `$broadcast/rxd/%s/%s` (iot-device-python's topic table); the three custom topics
 * control (subscribe), event (publish) and data (both) are the ones the console creates with each product.
 */
export function deviceTopics(productId: string, deviceName: string, policies: readonly ProductTopicPolicy[] = []): DeviceTopic[] {
  const own = `${productId}/${deviceName}`;
  const topics: DeviceTopic[] = [
    { filter: `${own}/control`, access: 'subscribe', purpose: 'commands to the device' },
    { filter: `${own}/event`, access: 'publish', purpose: 'events from the device' },
    { filter: `${own}/data`, access: 'both', purpose: 'data, both ways' },
    { filter: `$shadow/operation/${own}`, access: 'publish', purpose: 'shadow get/update requests' },
    { filter: `$shadow/operation/result/${own}`, access: 'subscribe', purpose: 'shadow results and deltas' },
    { filter: `$ota/report/${own}`, access: 'publish', purpose: 'firmware version and upgrade progress' },
    { filter: `$ota/update/${own}`, access: 'subscribe', purpose: 'firmware upgrade commands' },
    { filter: `$broadcast/rxd/${own}`, access: 'subscribe', purpose: 'PublishBroadcastMessage' },
    { filter: `$rrpc/rxd/${own}/+`, access: 'subscribe', purpose: 'PublishRRPCMessage requests' },
    { filter: `$rrpc/txd/${own}/+`, access: 'publish', purpose: 'replies to RRPC requests' },
  ];
  for (const policy of policies) {
    const access = ACCESS_OF_PRIVILEGE[policy.Privilege];
    if (access && !topics.some((t) => t.filter === `${own}/${policy.TopicName}`))
      topics.push({ filter: `${own}/${policy.TopicName}`, access, purpose: 'a CreateTopicPolicy topic' });
  }
  return topics;
}

export const shadowOperationTopic = (productId: string, deviceName: string): string => `$shadow/operation/${productId}/${deviceName}`;
export const shadowResultTopic = (productId: string, deviceName: string): string => `$shadow/operation/result/${productId}/${deviceName}`;
export const rrpcRequestTopic = (productId: string, deviceName: string, messageId: number): string => `$rrpc/rxd/${productId}/${deviceName}/${messageId}`;
export const RRPC_REPLY_PREFIX = '$rrpc/txd/';
export const broadcastTopic = (productId: string, deviceName: string): string => `$broadcast/rxd/${productId}/${deviceName}`;
