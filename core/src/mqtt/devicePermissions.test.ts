import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDevicePublish, checkDeviceSubscribe, checkPayloadSize, MAX_DEVICE_PAYLOAD_BYTES, mayDeviceReceive } from './devicePermissions.js';
import { deviceTopics } from './deviceTopics.js';

const P = 'ABCDE12345';
const D = 'dev-1';
const topics = deviceTopics(P, D, [{ TopicName: 'alerts', Privilege: 1 }]);
const pub = (topic: string) => checkDevicePublish(topics, topic, P, D);
const sub = (filter: string) => checkDeviceSubscribe(topics, filter, P, D);
const reason = (decision: ReturnType<typeof pub>) => (decision.allowed ? assert.fail('expected a refusal') : decision.reason);

test('a device publishes on its own publish topics and no others', () => {
  for (const topic of [
    `${P}/${D}/event`,
    `${P}/${D}/data`,
    `$shadow/operation/${P}/${D}`,
    `$ota/report/${P}/${D}`,
    `$rrpc/txd/${P}/${D}/42`,
    `${P}/${D}/alerts`,
  ])
    assert.equal(pub(topic).allowed, true, topic);
  assert.match(reason(pub(`${P}/${D}/control`)), /subscribe-only for the device/);
  assert.match(reason(pub(`${P}/dev-2/event`)), /it is device ABCDE12345\/dev-2's topic; a device may only use its own/);
  assert.match(reason(pub(`$shadow/operation/${P}/dev-2`)), /device ABCDE12345\/dev-2's topic/);
  assert.match(reason(pub(`${P}/${D}/other`)), /none of the topics IoT Hub gives the device/);
  assert.match(reason(pub(`$shadow/operation/result/${P}/${D}`)), /subscribe-only/);
});

test('a device subscribes to its own subscribe topics, to wildcards under its own name, and to nothing else', () => {
  for (const filter of [`${P}/${D}/control`, `${P}/${D}/data`, `$shadow/operation/result/${P}/${D}`, `$ota/update/${P}/${D}`, `$broadcast/rxd/${P}/${D}`])
    assert.equal(sub(filter).allowed, true, filter);
  assert.equal(sub(`$rrpc/rxd/${P}/${D}/+`).allowed, true, 'the RRPC filter itself');
  assert.equal(sub(`$rrpc/rxd/${P}/${D}/7`).allowed, true, 'one RRPC id');
  assert.equal(sub(`${P}/${D}/#`).allowed, true, 'a wildcard under its own name');
  assert.match(reason(sub(`${P}/${D}/event`)), /publish-only for the device/);
  assert.match(reason(sub(`${P}/dev-2/control`)), /device ABCDE12345\/dev-2's topic/);
  assert.match(reason(sub('#')), /none of the topics/);
  assert.match(reason(sub(`${P}/+/control`)), /it reaches other devices' topics/);
  assert.match(reason(sub(`$shadow/operation/result/${P}/+`)), /it reaches other devices. topics/);
  assert.match(reason(sub(`${P}/${D}/a#`)), /not a valid MQTT topic filter/);
});

test('what a wildcard subscription receives is still limited to the subscribable topics', () => {
  assert.equal(mayDeviceReceive(topics, `${P}/${D}/control`), true);
  assert.equal(mayDeviceReceive(topics, `${P}/${D}/event`), false, 'publish-only: not delivered even to P/D/#');
  assert.equal(mayDeviceReceive(topics, `${P}/${D}/alerts`), false, 'a CreateTopicPolicy publish topic');
});

test('a payload over 256 KB is refused with its size', () => {
  assert.equal(checkPayloadSize(MAX_DEVICE_PAYLOAD_BYTES, P, D).allowed, true);
  assert.match(reason(checkPayloadSize(MAX_DEVICE_PAYLOAD_BYTES + 1, P, D)), /sent a 262145-byte payload; at most 262144 bytes \(256 KB\)/);
});
