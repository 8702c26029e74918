// The device side: topics and permissions, CONNECT authentication, the shadow protocol over MQTT, rules on messages,
// and what a virtual device sends. Part of @iot-devkit/core's public surface (core/src/index.ts).
export { isValidTopicFilter, topicMatchesFilter } from './topicMatchesFilter.js';
// The emulator's MQTT broker: who may connect, publish and subscribe, and what a message does (the Node host runs aedes)
export {
  deviceTopics,
  shadowOperationTopic,
  shadowResultTopic,
  rrpcRequestTopic,
  type DeviceTopic,
  type TopicAccess,
  type ProductTopicPolicy,
} from './deviceTopics.js';
export { publishTopicChoices, type PublishDirection } from './publishTopicChoices.js';
export {
  EMULATOR_API_PORT,
  emulatorEndpointOfBroker,
  emulatorTopicPoliciesUrl,
  parseTopicPoliciesAnswer,
  readEmulatorTopicPolicies,
  type FetchText,
  type TopicPoliciesRead,
} from './emulatorTopicPolicies.js';
export {
  checkDevicePublish,
  checkDeviceSubscribe,
  checkPayloadSize,
  MAX_DEVICE_PAYLOAD_BYTES,
  mayDeviceReceive,
  type TopicDecision,
} from './devicePermissions.js';
export {
  authenticateDeviceConnect,
  CONNACK_BAD_USERNAME_OR_PASSWORD,
  CONNACK_NOT_AUTHORIZED,
  type DeviceConnectDecision,
  type DeviceConnectRequest,
} from './authenticateDeviceConnect.js';
export {
  connectionOf,
  createBrokerRecord,
  MAX_BROKER_RECORDS,
  pushBounded,
  type BrokerRecord,
  type DeviceConnection,
  type RefusedConnection,
  type RuleEvaluationRecord,
  type TopicRefusal,
} from './BrokerRecord.js';
export type { BrokerEffect } from './BrokerEffect.js';
export { MAX_REPUBLISH_HOPS, routeDeviceMessage, runTopicRules, type BrokerMessage, type RouteOutcome } from './routeMessage.js';
export { applyShadowOperation, SHADOW_MESSAGE_MAX_BYTES, type ShadowOperationOutcome } from './shadowOperation.js';
export { formatShadowDelta, formatShadowRejection, formatShadowResult, SHADOW_RESULT, type ShadowOperationType } from './shadowMessages.js';
export { CONNACK_RETURN_CODE_NAMES, formatConnected, formatDisconnected, formatRefusedConnect, formatTopicRefusal } from './formatBrokerEvent.js';
export { isForwardAllowed } from './isForwardAllowed.js';
export { readShadowMessage, shadowGetRequest, shadowReportRequest, type ShadowMessageRead } from './deviceShadowMessages.js';
export { followShadowDelta, type ShadowFollowDecision } from './followShadowDelta.js';
export { checkBrokerUrl, deviceBrokerUrl, EMULATOR_MQTT_PORT, type BrokerUrl, type BrokerUrlInput } from './deviceBrokerUrl.js';
export { DEVICE_CONNECT_TIMEOUT_MS, DEVICE_KEEPALIVE_SECONDS, deviceConnectOptions, type DeviceConnectOptions } from './deviceConnectOptions.js';
