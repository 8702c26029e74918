import type { DeviceTopic } from './deviceTopics.js';
import { isValidTopicFilter, topicMatchesFilter } from './topicMatchesFilter.js';

/** The broker's answer for one PUBLISH or SUBSCRIBE of a device; a refusal says why, for the log and the UIs. */
export type TopicDecision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const ALLOWED: TopicDecision = { allowed: true };

/** The largest PUBLISH payload a device may send: 256 KB, the size IoT Hub's broker carries per message (the rule engine reads as much). */
export const MAX_DEVICE_PAYLOAD_BYTES = 256 * 1024;

const canPublish = (t: DeviceTopic) => t.access !== 'subscribe';
const canSubscribe = (t: DeviceTopic) => t.access !== 'publish';

/** "…/<ProductId>/<DeviceName>…": which device a topic names, when it is not this one (for the refusal's reason). */
function otherDeviceNamed(topic: string, productId: string, deviceName: string): string | undefined {
  const levels = topic.split('/');
  // Custom topics start with the ProductId; $shadow/$ota/$rrpc/$broadcast topics carry it after their prefix.
  const at = levels[0]?.startsWith('$') ? levels.findIndex((l, i) => i > 0 && /^[A-Z0-9]{10}$/.test(l)) : 0;
  const p = levels[at];
  const d = levels[at + 1];
  if (at < 0 || p === undefined || d === undefined || !/^[A-Z0-9]{10}$/.test(p)) return undefined;
  if (d === '+' || d === '#') return 'any';
  return p === productId && d === deviceName ? undefined : `${p}/${d}`;
}

function refusal(topic: string, verb: 'publish to' | 'subscribe to', topics: readonly DeviceTopic[], productId: string, deviceName: string): TopicDecision {
  const other = otherDeviceNamed(topic, productId, deviceName);
  const usable = topics.filter(verb === 'publish to' ? canPublish : canSubscribe).map((t) => t.filter);
  const why =
    other === 'any'
      ? "it reaches other devices' topics; a device may only use its own"
      : other !== undefined
        ? `it is device ${other}'s topic; a device may only use its own`
        : topics.some((t) => t.filter === topic)
          ? `the topic is ${verb === 'publish to' ? 'subscribe' : 'publish'}-only for the device`
          : 'it is none of the topics IoT Hub gives the device';
  return { allowed: false, reason: `${productId}/${deviceName} may not ${verb} ${JSON.stringify(topic)}: ${why}. It may ${verb}: ${usable.join(', ')}` };
}

/** Whether a PUBLISH's payload is within MAX_DEVICE_PAYLOAD_BYTES. */
export function checkPayloadSize(bytes: number, productId: string, deviceName: string): TopicDecision {
  return bytes <= MAX_DEVICE_PAYLOAD_BYTES
    ? ALLOWED
    : { allowed: false, reason: `${productId}/${deviceName} sent a ${bytes}-byte payload; at most ${MAX_DEVICE_PAYLOAD_BYTES} bytes (256 KB) are carried` };
}

/** Whether a device may PUBLISH on `topic` (IoT Hub refuses another device's topics and subscribe-only ones). */
export function checkDevicePublish(topics: readonly DeviceTopic[], topic: string, productId: string, deviceName: string): TopicDecision {
  return topics.some((t) => canPublish(t) && topicMatchesFilter(t.filter, topic)) ? ALLOWED : refusal(topic, 'publish to', topics, productId, deviceName);
}

/**
 * Whether a device may SUBSCRIBE to `filter`. A filter without wildcards must be one of its subscribable topics; a
 * filter with wildcards must be one of them exactly or lie under the device's own `${ProductId}/${DeviceName}/`
 * (what it then receives is still limited to its own subscribable topics: mayDeviceReceive).
 */
export function checkDeviceSubscribe(topics: readonly DeviceTopic[], filter: string, productId: string, deviceName: string): TopicDecision {
  if (!isValidTopicFilter(filter))
    return { allowed: false, reason: `${JSON.stringify(filter)} is not a valid MQTT topic filter (+ and # stand alone in a level, # only last)` };
  const wildcard = filter.includes('+') || filter.includes('#');
  if (!wildcard) return mayDeviceReceive(topics, filter) ? ALLOWED : refusal(filter, 'subscribe to', topics, productId, deviceName);
  if (topics.some((t) => canSubscribe(t) && t.filter === filter) || filter.startsWith(`${productId}/${deviceName}/`)) return ALLOWED;
  return refusal(filter, 'subscribe to', topics, productId, deviceName);
}

/** Whether a message on `topic` may reach the device: one of its subscribable topics matches it. */
export function mayDeviceReceive(topics: readonly DeviceTopic[], topic: string): boolean {
  return topics.some((t) => canSubscribe(t) && topicMatchesFilter(t.filter, topic));
}
