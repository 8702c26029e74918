import { fromBase64 } from '../../encoding/bytes.js';
import { deviceKey, type EmulatedDevice, type EmulatorState } from '../EmulatorState.js';
import { done, fail, int, page, seconds, str, type ActionHandler, type ActionOutcome } from './ActionHandler.js';
import { newPsk, usesPsk } from './productActions.js';
import { connectionOf, type DeviceConnection } from '../../mqtt/BrokerRecord.js';

// Certificate products: the emulator issues no real X.509 material, and says so in the value itself.
const PLACEHOLDER_CERT = '-----BEGIN CERTIFICATE-----\nIoT Devkit emulator placeholder: no real certificate is issued\n-----END CERTIFICATE-----\n';
const PLACEHOLDER_KEY = '-----BEGIN PRIVATE KEY-----\nIoT Devkit emulator placeholder: no real private key is issued\n-----END PRIVATE KEY-----\n';

const LORA_PRODUCT = 4;

/** The device the parameters name, or the documented "not found" code for whichever of the two is missing. */
export function findDevice(state: EmulatorState, params: Readonly<Record<string, unknown>>): { device: EmulatedDevice } | { failure: ActionOutcome } {
  const productId = str(params, 'ProductId')!;
  const deviceName = str(params, 'DeviceName')!;
  if (!state.products.has(productId)) return { failure: fail('ResourceNotFound.ProductNotExist', `ProductId: no product ${JSON.stringify(productId)}`) };
  const device = state.devices.get(deviceKey(productId, deviceName));
  if (!device) return { failure: fail('ResourceNotFound.DeviceNotExist', `DeviceName: product ${productId} has no device ${JSON.stringify(deviceName)}`) };
  return { device };
}

/**
 * DescribeDevice's fields (DeviceInfo), in the doc's order. Online, LoginTime and ClientIP come from the device's live
 * MQTT connection when it has one.
 */
export const deviceInfo = (device: EmulatedDevice, connection?: DeviceConnection) => ({
  DeviceName: device.DeviceName,
  Online: connection ? 1 : device.Online,
  LoginTime: connection ? Math.floor(connection.connectedAt / 1000) : device.LoginTime,
  Version: '',
  LastUpdateTime: device.LastUpdateTime,
  DeviceCert: device.DeviceCert,
  DevicePsk: device.DevicePsk,
  Tags: device.Tags,
  DeviceType: 0,
  Imei: device.Imei,
  Isp: device.Isp,
  ConnIP: 0,
  LoraDevEui: device.LoraDevEui,
  LoraMoteType: device.LoraMoteType,
  LogLevel: 0,
  FirstOnlineTime: device.Online === 3 ? 0 : device.LoginTime,
  LastOfflineTime: 0,
  CreateTime: device.CreateTime,
  CertState: 0,
  EnableState: device.EnableState,
  Labels: [],
  ClientIP: connection?.clientIp ?? '',
  FirmwareUpdateTime: 0,
  CreateUserId: 0,
  NBIoTDeviceID: '',
});

export const createDevice: ActionHandler = (state, params, env) => {
  const productId = str(params, 'ProductId')!;
  const deviceName = str(params, 'DeviceName')!;
  const product = state.products.get(productId);
  if (!product) return fail('ResourceNotFound.ProductNotExist', `ProductId: no product ${JSON.stringify(productId)}`);
  if (state.devices.has(deviceKey(productId, deviceName)))
    return fail('InvalidParameterValue.DeviceAlreadyExist', `DeviceName: product ${productId} already has a device ${JSON.stringify(deviceName)}`);
  const loraEui = str(params, 'LoraDevEui') ?? '';
  const productType = Number(product.ProductProperties['ProductType'] ?? 0);
  if (loraEui !== '' && productType !== LORA_PRODUCT)
    return fail('UnauthorizedOperation.ProductCantHaveLoRaDevice', `LoraDevEui: product ${productId} is not a LoRa product (ProductType ${productType})`);
  if (loraEui === '' && productType === LORA_PRODUCT)
    return fail('UnauthorizedOperation.ProductCantHaveNotLoRaDevice', `LoraDevEui: product ${productId} is a LoRa product; its devices need a LoraDevEui`);
  const definedPsk = str(params, 'DefinedPsk');
  if (definedPsk !== undefined && definedPsk !== '' && fromBase64(definedPsk) === undefined)
    return fail('InvalidParameterValue.DefinedPskNotBase64', 'DefinedPsk: must be a base64 string ("DefinedPsk需为Base64格式的字符串")');
  const psk = usesPsk(product);
  const now = seconds(env);
  const device: EmulatedDevice = {
    ProductId: productId,
    DeviceName: deviceName,
    DevicePsk: psk ? definedPsk || newPsk(env) : '',
    DeviceCert: psk ? '' : PLACEHOLDER_CERT,
    EnableState: 1,
    Online: 3,
    LoginTime: 0,
    LastUpdateTime: now,
    CreateTime: now,
    Tags: ((params['Attribute'] as { Tags?: Record<string, unknown>[] } | undefined)?.Tags ?? []).map((tag) => ({ ...tag })),
    Imei: str(params, 'Imei') ?? '',
    Isp: int(params, 'Isp') ?? 0,
    LoraDevEui: loraEui,
    LoraMoteType: int(params, 'LoraMoteType') ?? 0,
  };
  state.devices.set(deviceKey(productId, deviceName), device);
  return done(
    {
      DeviceName: deviceName,
      DevicePsk: device.DevicePsk,
      DeviceCert: device.DeviceCert,
      DevicePrivateKey: psk ? '' : PLACEHOLDER_KEY,
      LoraDevEui: loraEui,
      LoraMoteType: device.LoraMoteType,
      LoraAppKey: str(params, 'LoraAppKey') ?? '',
      LoraNwkKey: '',
    },
    true,
  );
};

export const describeDevice: ActionHandler = (state, params) => {
  const found = findDevice(state, params);
  return 'failure' in found ? found.failure : done(deviceInfo(found.device, connectionOf(state.broker, found.device.ProductId, found.device.DeviceName)));
};

export const describeDevices: ActionHandler = (state, params) => {
  const productId = str(params, 'ProductId')!;
  if (!state.products.has(productId)) return fail('ResourceNotFound.ProductNotExist', `ProductId: no product ${JSON.stringify(productId)}`);
  const name = str(params, 'DeviceName');
  const enable = int(params, 'EnableState');
  const version = str(params, 'FirmwareVersion');
  const devices = [...state.devices.values()].filter(
    (d) =>
      d.ProductId === productId &&
      (name === undefined || d.DeviceName.includes(name)) &&
      (enable === undefined || d.EnableState === enable) &&
      (version === undefined || version === 'None-FirmwareVersion'),
  );
  return done({ TotalCount: devices.length, Devices: page(devices, params).map((d) => deviceInfo(d, connectionOf(state.broker, d.ProductId, d.DeviceName))) });
};

export const deleteDevice: ActionHandler = (state, params) => {
  const found = findDevice(state, params);
  if ('failure' in found) return found.failure;
  const key = deviceKey(found.device.ProductId, found.device.DeviceName);
  state.devices.delete(key);
  state.shadows.delete(key);
  return done({}, true);
};

export const updateDevicePsk: ActionHandler = (state, params) => {
  const found = findDevice(state, params);
  if ('failure' in found) return found.failure;
  const product = state.products.get(found.device.ProductId)!;
  if (!usesPsk(product))
    return fail(
      'UnauthorizedOperation.ProductNotSupportPSK',
      `product ${product.ProductId} uses certificate authentication (EncryptionType ${String(product.ProductProperties['EncryptionType'])}); it has no PSK`,
    );
  const psk = str(params, 'Psk')!;
  if (psk === '' || fromBase64(psk) === undefined) return fail('InvalidParameterValue', 'Psk: expected a base64 string, e.g. VOQmAku7T1haYaiV7LJfmg==');
  found.device.DevicePsk = psk;
  return done({}, true);
};

export const updateDeviceAvailableState: ActionHandler = (state, params, env) => {
  const found = findDevice(state, params);
  if ('failure' in found) return found.failure;
  const enable = int(params, 'EnableState');
  if (enable !== 0 && enable !== 1)
    return fail('InvalidParameterValue', `EnableState: expected 1 (enable) or 0 (disable), got ${String(params['EnableState'])}`);
  found.device.EnableState = enable;
  found.device.LastUpdateTime = seconds(env);
  return done({}, true);
};
