import { fromBase64, utf8Encode } from '../../encoding/bytes.js';
import { connectionOf } from '../../mqtt/BrokerRecord.js';
import { broadcastTopic, rrpcRequestTopic } from '../../mqtt/deviceTopics.js';
import { runTopicRules } from '../../mqtt/routeMessage.js';
import { deviceKey, MAX_RECORDED_MESSAGES, type EmulatorState } from '../EmulatorState.js';
import { done, fail, int, str, type ActionHandler, type ActionOutcome } from './ActionHandler.js';

/** The device the parameters name, enabled, or the documented failure (PublishMessage and PublishRRPCMessage share them). */
function enabledDevice(state: EmulatorState, productId: string, deviceName: string): ActionOutcome | undefined {
  if (!state.products.has(productId)) return fail('ResourceNotFound.ProductOrDeviceNotExist', `ProductId: no product ${JSON.stringify(productId)}`);
  const device = state.devices.get(deviceKey(productId, deviceName));
  if (!device) return fail('ResourceNotFound.DeviceNotExist', `DeviceName: product ${productId} has no device ${JSON.stringify(deviceName)}`);
  if (device.EnableState === 0)
    return fail('FailedOperation.DeviceAlreadyDisabled', `device ${productId}/${deviceName} is disabled (UpdateDeviceAvailableState EnableState=1 enables it)`);
  return undefined;
}

/**
 * PublishMessage: the topic must be the named device's own (`${ProductId}/${DeviceName}/…`), the device must exist
 * and be enabled, a base64 payload must decode ("base64表示云端将收到的请求数据进行base64解码后下发到设备"). The
 * message is delivered to the device's subscription through the broker (QoS 0 or 1; no offline queue: a device that is
 * not connected misses it), the enabled rules run on it, and it is recorded with the rules that fired.
 */
export const publishMessage: ActionHandler = (state, params, env) => {
  const productId = str(params, 'ProductId')!;
  const deviceName = str(params, 'DeviceName')!;
  const topic = str(params, 'Topic')!;
  if (!topic.startsWith(`${productId}/${deviceName}/`))
    return fail(
      'FailedOperation.InvalidTopicName',
      `Topic ${JSON.stringify(topic)} is not under ${productId}/${deviceName}/ — a device's topics are \${ProductId}/\${DeviceName}/<name>`,
    );
  const refused = enabledDevice(state, productId, deviceName);
  if (refused) return refused;
  const payload = str(params, 'Payload')!;
  const encoding = str(params, 'PayloadEncoding') ?? '';
  const bytes = encoding === 'base64' ? fromBase64(payload) : utf8Encode(payload);
  if (bytes === undefined) return fail('InvalidParameterValue', 'Payload: PayloadEncoding is base64 but Payload is not valid base64');
  const qos = int(params, 'Qos') === 1 ? 1 : 0;
  env.effects.push({ kind: 'deliver', topic, payload: bytes, qos, cause: 'PublishMessage' });
  const firedRules = runTopicRules(state, { topic, payload: bytes, qos, productId, deviceName, clientId: '' }, env.nowMs, 'PublishMessage', env.effects);
  state.messages.push({
    Id: state.nextMessageId++,
    Time: env.nowMs,
    ProductId: productId,
    DeviceName: deviceName,
    Topic: topic,
    Payload: payload,
    PayloadEncoding: encoding,
    Qos: qos,
    FiredRules: firedRules,
  });
  state.messages.splice(0, Math.max(0, state.messages.length - MAX_RECORDED_MESSAGES));
  return done({}, true);
};

/**
 * PublishRRPCMessage: sent to `$rrpc/rxd/${ProductId}/${DeviceName}/${MessageId}`; the answer waits for the device's
 * publish on `$rrpc/txd/…/${MessageId}` (the host waits; createEmulator builds the answer). DeviceOffline when the
 * device is not connected, as the doc's error table lists.
 */
export const publishRrpcMessage: ActionHandler = (state, params, env) => {
  const productId = str(params, 'ProductId')!;
  const deviceName = str(params, 'DeviceName')!;
  const refused = enabledDevice(state, productId, deviceName);
  if (refused) return refused;
  if (!connectionOf(state.broker, productId, deviceName))
    return fail('FailedOperation.DeviceOffline', `device ${productId}/${deviceName} is not connected to the emulator's MQTT broker`);
  const messageId = state.nextMessageId++;
  env.effects.push({
    kind: 'rrpc',
    productId,
    deviceName,
    messageId,
    topic: rrpcRequestTopic(productId, deviceName, messageId),
    payload: utf8Encode(str(params, 'Payload')!),
    timeoutMs: env.rrpcTimeoutMs,
  });
  return done({ MessageId: messageId, PayloadBase64: '' });
};

/**
 * PublishBroadcastMessage: the payload (base64-decoded when PayloadEncoding says so) to every enabled device of the
 * product on its `$broadcast/rxd/${ProductId}/${DeviceName}`; the answer's TaskId numbers the broadcast.
 */
export const publishBroadcastMessage: ActionHandler = (state, params, env) => {
  const productId = str(params, 'ProductId')!;
  if (!state.products.has(productId)) return fail('ResourceNotFound.ProductNotExist', `ProductId: no product ${JSON.stringify(productId)}`);
  const payload = str(params, 'Payload')!;
  const bytes = str(params, 'PayloadEncoding') === 'base64' ? fromBase64(payload) : utf8Encode(payload);
  if (bytes === undefined) return fail('InvalidParameterValue', 'Payload: PayloadEncoding is base64 but Payload is not valid base64');
  const qos = int(params, 'Qos') === 1 ? 1 : 0;
  for (const device of state.devices.values())
    if (device.ProductId === productId && device.EnableState === 1)
      env.effects.push({ kind: 'deliver', topic: broadcastTopic(productId, device.DeviceName), payload: bytes, qos, cause: 'PublishBroadcastMessage' });
  return done({ TaskId: state.nextMessageId++ }, true);
};
