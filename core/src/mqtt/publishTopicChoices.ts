import { deviceTopics, type DeviceTopic, type ProductTopicPolicy } from './deviceTopics.js';

/** Who sends: the device itself (device → cloud) or the PublishMessage API (cloud → device). */
export type PublishDirection = 'device' | 'api';

/**
 * The topics a UI offers to publish a message for one device, its product's CreateTopicPolicy topics included.
 * From the device: every topic it may publish to (not the RRPC reply filter, which needs a request's id). Through
 * PublishMessage: the device's own topics it subscribes to, as the API's Topic must be
 * `${ProductId}/${DeviceName}/<name>` (iotcloud 2021-04-08 PublishMessage).
 */
export function publishTopicChoices(
  productId: string,
  deviceName: string,
  direction: PublishDirection,
  policies: readonly ProductTopicPolicy[] = [],
): DeviceTopic[] {
  const own = `${productId}/${deviceName}/`;
  return deviceTopics(productId, deviceName, policies).filter(
    (t) => !t.filter.includes('+') && (direction === 'device' ? t.access !== 'subscribe' : t.access !== 'publish' && t.filter.startsWith(own)),
  );
}
