import type { LocalizedText } from '../signing/SigningStep.js';

/** What a device may do on a topic: IoT Hub's Privilege values (CreateTopicPolicy: 1 publish, 2 subscribe, 3 both). */
export type TopicAccess = 'publish' | 'subscribe' | 'both';

/** One topic (or filter, for the `+` of RRPC ids) a device may use, and where the rule comes from. */
export interface DeviceTopic {
  readonly filter: string;
  readonly access: TopicAccess;
  /** What the topic is for, in zh-CN and English, as the UIs offer it (VS Code's Publish Message). */
  readonly purpose: LocalizedText;
}

/** A topic a product was given with CreateTopicPolicy: `${ProductId}/${DeviceName}/${TopicName}` for each device. */
export interface ProductTopicPolicy {
  readonly TopicName: string;
  /** 1 publish, 2 subscribe, 3 both (CreateTopicPolicy's Privilege). */
  readonly Privilege: number;
}

const POLICY_TOPIC_PURPOSE: LocalizedText = { en: 'a CreateTopicPolicy topic', zh: 'CreateTopicPolicy 创建的 Topic' };

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
    { filter: `${own}/control`, access: 'subscribe', purpose: { en: 'commands to the device', zh: '下发给设备的指令' } },
    { filter: `${own}/event`, access: 'publish', purpose: { en: 'events from the device', zh: '设备上报的事件' } },
    { filter: `${own}/data`, access: 'both', purpose: { en: 'data, both ways', zh: '数据（双向）' } },
    { filter: `$shadow/operation/${own}`, access: 'publish', purpose: { en: 'shadow get/update requests', zh: '影子获取/更新请求' } },
    { filter: `$shadow/operation/result/${own}`, access: 'subscribe', purpose: { en: 'shadow results and deltas', zh: '影子操作结果与 delta' } },
    { filter: `$ota/report/${own}`, access: 'publish', purpose: { en: 'firmware version and upgrade progress', zh: '固件版本与升级进度' } },
    { filter: `$ota/update/${own}`, access: 'subscribe', purpose: { en: 'firmware upgrade commands', zh: '固件升级指令' } },
    { filter: `$broadcast/rxd/${own}`, access: 'subscribe', purpose: { en: 'PublishBroadcastMessage', zh: 'PublishBroadcastMessage 广播消息' } },
    { filter: `$rrpc/rxd/${own}/+`, access: 'subscribe', purpose: { en: 'PublishRRPCMessage requests', zh: 'PublishRRPCMessage 的 RRPC 请求' } },
    { filter: `$rrpc/txd/${own}/+`, access: 'publish', purpose: { en: 'replies to RRPC requests', zh: 'RRPC 请求的应答' } },
  ];
  for (const policy of policies) {
    const access = ACCESS_OF_PRIVILEGE[policy.Privilege];
    if (access && !topics.some((t) => t.filter === `${own}/${policy.TopicName}`))
      topics.push({ filter: `${own}/${policy.TopicName}`, access, purpose: POLICY_TOPIC_PURPOSE });
  }
  return topics;
}

export const shadowOperationTopic = (productId: string, deviceName: string): string => `$shadow/operation/${productId}/${deviceName}`;
export const shadowResultTopic = (productId: string, deviceName: string): string => `$shadow/operation/result/${productId}/${deviceName}`;
export const rrpcRequestTopic = (productId: string, deviceName: string, messageId: number): string => `$rrpc/rxd/${productId}/${deviceName}/${messageId}`;
export const RRPC_REPLY_PREFIX = '$rrpc/txd/';
export const broadcastTopic = (productId: string, deviceName: string): string => `$broadcast/rxd/${productId}/${deviceName}`;
