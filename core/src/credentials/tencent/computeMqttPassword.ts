import type { HashProvider } from '../../crypto/HashProvider.js';
import { toHex, utf8Encode } from '../../encoding/bytes.js';

export type MqttHmac = 'sha256' | 'sha1';
export const MQTT_HMACS: readonly MqttHmac[] = ['sha256', 'sha1'];
/** The password suffix naming each HMAC. */
export const MQTT_PASSWORD_SUFFIX: Record<MqttHmac, string> = { sha256: 'hmacsha256', sha1: 'hmacsha1' };

/** hex(HMAC(decoded PSK, username)) — the part of the password before ";". */
export function computeMqttSignature(hmac: MqttHmac, pskBytes: Uint8Array, username: string, crypto: HashProvider): string {
  return toHex(crypto.hmac(hmac, pskBytes, utf8Encode(username)));
}

export const buildMqttPassword = (signature: string, hmac: MqttHmac): string => `${signature};${MQTT_PASSWORD_SUFFIX[hmac]}`;
