import type { HashProvider } from '../../crypto/HashProvider.js';
import { nobleHashProvider } from '../../crypto/nobleHashProvider.js';
import { SigningInputError } from '../../signing/SigningInputError.js';
import type { SigningStep } from '../../signing/SigningStep.js';
import { decodeBase64Key } from '../decodeBase64Key.js';
import { checkNotPast, checkUnixSeconds } from '../unixTime.js';
import { buildBrokerHost, buildMqttClientId, buildMqttUsername, CONNID_PATTERN, TENCENT_MQTT_PORT } from './buildMqttUsername.js';
import { buildMqttPassword, computeMqttSignature, MQTT_HMACS, type MqttHmac } from './computeMqttPassword.js';
import { DEVICE_CREDENTIAL_RULES, DEVICE_CREDENTIAL_STEP_IDS, type DeviceCredentialStepId } from './deviceCredentialRules.js';
import { checkDeviceName, checkProductId, DEVICE_PSK_DOC_NOTE } from './deviceIdentity.js';
import { generateConnId } from './generateConnId.js';

/** How long a generated password stays valid when no expiry is given. Our choice; the SDKs pick their own. */
export const DEFAULT_DEVICE_CREDENTIAL_LIFETIME = 3600;

export interface DeviceCredentialRequest {
  readonly productId: string;
  readonly deviceName: string;
  /** DevicePsk as CreateDevice returns it: base64 text. */
  readonly devicePsk: string;
  /** Seconds since the Unix epoch; needed to default the expiry and to refuse one already past. */
  readonly now: number;
  /** Unix time in seconds; defaults to now + DEFAULT_DEVICE_CREDENTIAL_LIFETIME. */
  readonly expiry?: number;
  /** Default sha256. */
  readonly hmac?: MqttHmac;
  /** Pin the connid (to reproduce a captured username); otherwise drawn from `random`. */
  readonly connid?: string;
  readonly random?: () => number;
  /** Reproduce a credential whose expiry is past (for comparison) instead of refusing it. */
  readonly allowPastExpiry?: boolean;
}

export interface DeviceCredentials {
  readonly clientId: string;
  readonly username: string;
  readonly password: string;
  /** The hex HMAC inside the password. */
  readonly signature: string;
  readonly connid: string;
  readonly expiry: number;
  readonly hmac: MqttHmac;
  readonly host: string;
  readonly port: number;
  readonly steps: readonly SigningStep<DeviceCredentialStepId>[];
}

export interface DeviceCredentialOptions {
  readonly crypto?: HashProvider;
}

/** Tencent IoT Hub MQTT CONNECT credentials for key (PSK) authentication, every step returned. */
export function signDeviceCredentials(request: DeviceCredentialRequest, options: DeviceCredentialOptions = {}): DeviceCredentials {
  const crypto = options.crypto ?? nobleHashProvider;
  const productId = checkProductId(request.productId);
  const deviceName = checkDeviceName(request.deviceName);
  const pskBytes = decodeBase64Key(request.devicePsk, 'devicePsk', DEVICE_PSK_DOC_NOTE);
  const now = checkUnixSeconds(request.now, 'now');
  const hmac = request.hmac ?? 'sha256';
  if (!MQTT_HMACS.includes(hmac)) throw new SigningInputError('hmac', `"sha256" or "sha1", got ${JSON.stringify(hmac)}`);
  const expiry = request.expiry === undefined ? now + DEFAULT_DEVICE_CREDENTIAL_LIFETIME : checkUnixSeconds(request.expiry, 'expiry');
  if (!request.allowPastExpiry) checkNotPast(expiry, now, 'expiry');
  const connid = request.connid ?? generateConnId(request.random);
  if (typeof connid !== 'string' || !CONNID_PATTERN.test(connid)) throw new SigningInputError('connid', `5 letters or digits, got ${JSON.stringify(connid)}`);

  const clientId = buildMqttClientId(productId, deviceName);
  const username = buildMqttUsername(clientId, connid, expiry);
  const signature = computeMqttSignature(hmac, pskBytes, username, crypto);
  const password = buildMqttPassword(signature, hmac);
  const host = buildBrokerHost(productId);
  const values: Record<DeviceCredentialStepId, string> = {
    clientId,
    username,
    devicePskBytes: `${pskBytes.length} bytes`,
    signature,
    password,
    broker: `${host}:${TENCENT_MQTT_PORT}`,
  };
  const steps = DEVICE_CREDENTIAL_STEP_IDS.map((id) => ({ id, ...DEVICE_CREDENTIAL_RULES[id], value: values[id] }));
  return { clientId, username, password, signature, connid, expiry, hmac, host, port: TENCENT_MQTT_PORT, steps };
}
