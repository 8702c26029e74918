import { buildBrokerHost } from '../credentials/tencent/buildMqttUsername.js';

// Where a virtual device connects, from what a profile says. IoT Hub's device broker is
// `${ProductId}.iotcloud.tencentdevices.com` (buildBrokerHost; the device SDKs connect with TLS on 8883); the local
// emulator serves MQTT on its API host, port 1883 by default (`iot-devkit emulator --mqtt-port`).

/** The emulator's default MQTT port (cli/src/commands/emulator.ts). */
export const EMULATOR_MQTT_PORT = 1883;

const BROKER_URL = /^(mqtts?|wss?):\/\/[^\s/?#]+(\/[^\s]*)?$/;

export interface BrokerUrlInput {
  readonly productId: string;
  /** The profile's API endpoint, when it is not the cloud's (e.g. http://127.0.0.1:9180 for the emulator). */
  readonly apiEndpoint?: string;
  /** The profile's explicit broker URL, which wins. */
  readonly mqttBroker?: string;
}

export type BrokerUrl =
  { readonly ok: true; readonly url: string; readonly target: 'cloud' | 'endpoint' | 'explicit' } | { readonly ok: false; readonly message: string };

/** Why a broker URL is not usable, or undefined: mqtt://, mqtts://, ws:// or wss:// with a host. */
export function checkBrokerUrl(text: string): string | undefined {
  return BROKER_URL.test(text)
    ? undefined
    : `mqttBroker: a URL such as mqtt://127.0.0.1:1883, mqtts://host:8883 or ws://127.0.0.1:8083; got ${JSON.stringify(text.slice(0, 80))}`;
}

export function deviceBrokerUrl(input: BrokerUrlInput): BrokerUrl {
  if (input.mqttBroker) {
    const problem = checkBrokerUrl(input.mqttBroker);
    return problem ? { ok: false, message: problem } : { ok: true, url: input.mqttBroker, target: 'explicit' };
  }
  if (input.apiEndpoint) {
    // The host of http(s)://HOST[:port]/…: a bracketed IPv6 address or the text up to the port or path (linear).
    const host = /^https?:\/\/(\[[0-9a-fA-F:.]+\]|[^/:?#\s]+)/.exec(input.apiEndpoint)?.[1];
    if (host === undefined) return { ok: false, message: `endpoint: an http:// or https:// URL, got ${JSON.stringify(input.apiEndpoint.slice(0, 80))}` };
    // A private endpoint on Tencent's own domain is still the cloud, whose broker is per product.
    if (!host.endsWith('.tencentcloudapi.com')) return { ok: true, url: `mqtt://${host}:${EMULATOR_MQTT_PORT}`, target: 'endpoint' };
  }
  return { ok: true, url: `mqtts://${buildBrokerHost(input.productId)}:8883`, target: 'cloud' };
}
