import type { DeviceConnection, RefusedConnection, TopicRefusal } from './BrokerRecord.js';

/** MQTT 3.1.1 §3.2.2.3 CONNACK return codes that IoT Hub (and the emulator) answer a refused device with. */
export const CONNACK_RETURN_CODE_NAMES: Readonly<Record<number, string>> = { 4: 'bad user name or password', 5: 'not authorized' };

// One line per broker event for the emulator's console. What the real broker would not say is marked as the
// emulator's, as the HTTP side marks its signature diagnosis: a device gets only the CONNACK code from the cloud.

export const formatConnected = (c: DeviceConnection): string =>
  `MQTT ${c.clientId} connected over ${c.transport === 'ws' ? 'WebSocket' : 'TCP'} from ${c.clientIp} (${c.productId}/${c.deviceName})`;

export const formatDisconnected = (clientId: string): string => `MQTT ${clientId} disconnected`;

export const formatRefusedConnect = (r: RefusedConnection): string =>
  `MQTT CONNECT refused: client ${JSON.stringify(r.clientId.slice(0, 80))} from ${r.clientIp} got CONNACK ${r.returnCode} (${CONNACK_RETURN_CODE_NAMES[r.returnCode] ?? 'refused'}) [IoT Devkit emulator diagnosis — the real broker sends only the code: ${r.cause.en}]`;

export const formatTopicRefusal = (r: TopicRefusal): string =>
  `MQTT ${r.operation === 'publish' ? 'PUBLISH dropped' : 'SUBSCRIBE refused (SUBACK 0x80)'}: ${r.reason}`;
