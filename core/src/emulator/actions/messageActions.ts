import { fromBase64 } from '../../encoding/bytes.js';
import { deviceKey, MAX_RECORDED_MESSAGES } from '../EmulatorState.js';
import { done, fail, int, str, type ActionHandler } from './ActionHandler.js';

/**
 * PublishMessage: the topic must be the named device's own (`${ProductId}/${DeviceName}/…`), the device must
 * exist and be enabled, a base64 payload must decode. The message is recorded (GET /_emulator/messages), not
 * delivered: the emulator has no MQTT broker, so it does not answer DeviceOffline or MessageSaved either.
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
  if (!state.products.has(productId)) return fail('ResourceNotFound.ProductOrDeviceNotExist', `ProductId: no product ${JSON.stringify(productId)}`);
  const device = state.devices.get(deviceKey(productId, deviceName));
  if (!device) return fail('ResourceNotFound.DeviceNotExist', `DeviceName: product ${productId} has no device ${JSON.stringify(deviceName)}`);
  if (device.EnableState === 0)
    return fail('FailedOperation.DeviceAlreadyDisabled', `device ${productId}/${deviceName} is disabled (UpdateDeviceAvailableState EnableState=1 enables it)`);
  const payload = str(params, 'Payload')!;
  const encoding = str(params, 'PayloadEncoding') ?? '';
  if (encoding === 'base64' && fromBase64(payload) === undefined)
    return fail('InvalidParameterValue', 'Payload: PayloadEncoding is base64 but Payload is not valid base64');
  state.messages.push({
    Id: state.nextMessageId++,
    Time: env.nowMs,
    ProductId: productId,
    DeviceName: deviceName,
    Topic: topic,
    Payload: payload,
    PayloadEncoding: encoding,
    Qos: int(params, 'Qos') ?? 0,
  });
  state.messages.splice(0, Math.max(0, state.messages.length - MAX_RECORDED_MESSAGES));
  return done({}, true);
};
