import type { DeviceCredentials } from '../credentials/tencent/signDeviceCredentials.js';

// How a virtual device opens its MQTT connection, the same in every Node host (`iot-devkit device connect`, VS Code's
// virtual device). Plain data in MQTT.js's IClientOptions names, so core imports no MQTT client and each host passes
// it to `mqtt.connectAsync(url, options)` as it is.

/** Keep-alive and clean session as Tencent's device SDKs connect: qcloud-iot-sdk-embedded-c's DEFAULT_MQTTINIT_PARAMS (keep_alive_interval_ms 240 * 1000, clean_session 1). */
export const DEVICE_KEEPALIVE_SECONDS = 240;
/** How long to wait for CONNACK before giving up: long enough for the cloud broker's TLS handshake. Our choice. */
export const DEVICE_CONNECT_TIMEOUT_MS = 10_000;

export interface DeviceConnectOptions {
  readonly clientId: string;
  readonly username: string;
  readonly password: string;
  /** MQTT 3.1.1: what IoT Hub's device broker speaks and the emulator's aedes serves. */
  readonly protocolVersion: 4;
  /** A virtual device keeps no session: it subscribes again on every connect. */
  readonly clean: true;
  /** Seconds. */
  readonly keepalive: number;
  /**
   * 0: never reconnect. A reconnect would need the password again, which is computed from the PSK and expires; the
   * user connects again instead (ADR 0010).
   */
  readonly reconnectPeriod: 0;
  /** Milliseconds. */
  readonly connectTimeout: number;
}

/** The CONNECT a key-authenticated virtual device sends, from the credentials signDeviceCredentials computed. */
export function deviceConnectOptions(credentials: Pick<DeviceCredentials, 'clientId' | 'username' | 'password'>): DeviceConnectOptions {
  return {
    clientId: credentials.clientId,
    username: credentials.username,
    password: credentials.password,
    protocolVersion: 4,
    clean: true,
    keepalive: DEVICE_KEEPALIVE_SECONDS,
    reconnectPeriod: 0,
    connectTimeout: DEVICE_CONNECT_TIMEOUT_MS,
  };
}
