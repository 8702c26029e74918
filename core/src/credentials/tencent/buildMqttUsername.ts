/** The fixed sdkappid every Tencent IoT Hub device SDK puts in the MQTT username. */
export const TENCENT_MQTT_SDK_APP_ID = '12010126';
export const TENCENT_MQTT_PORT = 1883;
export const CONNID_PATTERN = /^[A-Za-z0-9]{5}$/;

export const buildMqttClientId = (productId: string, deviceName: string): string => productId + deviceName;

export const buildMqttUsername = (clientId: string, connid: string, expiry: number): string => `${clientId};${TENCENT_MQTT_SDK_APP_ID};${connid};${expiry}`;

export const buildBrokerHost = (productId: string): string => `${productId}.iotcloud.tencentdevices.com`;
