import { DEFAULT_MQTT_SDK_APP_ID } from './mqttCredentialShapes.js';

/** The documented sdkappid (see mqttCredentialShapes.ts for the others the device SDKs send). */
export const TENCENT_MQTT_SDK_APP_ID = DEFAULT_MQTT_SDK_APP_ID;
export const TENCENT_MQTT_PORT = 1883;
export const CONNID_PATTERN = /^[A-Za-z0-9]{5}$/;

export const buildMqttClientId = (productId: string, deviceName: string): string => productId + deviceName;

/** `${clientId};${sdkAppId};${connid};${expiry}`; the expiry as text, since the C SDKs' LONG_MAX is no exact JS number. */
export const buildMqttUsername = (clientId: string, connid: string, expiry: number | string, sdkAppId: string = TENCENT_MQTT_SDK_APP_ID): string =>
  `${clientId};${sdkAppId};${connid};${expiry}`;

export const buildBrokerHost = (productId: string): string => `${productId}.iotcloud.tencentdevices.com`;
