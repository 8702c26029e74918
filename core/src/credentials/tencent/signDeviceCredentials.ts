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
import {
  DEFAULT_MQTT_SDK_APP_ID,
  describeMqttCredentialShape,
  isMqttSdkAppId,
  MQTT_SDK_APP_IDS,
  NEVER_EXPIRY_TEXTS,
  readMqttExpiry,
  type MqttExpiry,
  type MqttSdkAppId,
} from './mqttCredentialShapes.js';

/** How long a generated password stays valid when no expiry is given. Our choice; the SDKs pick their own. */
export const DEFAULT_DEVICE_CREDENTIAL_LIFETIME = 3600;

export interface DeviceCredentialRequest {
  readonly productId: string;
  readonly deviceName: string;
  /** DevicePsk as CreateDevice returns it: base64 text. */
  readonly devicePsk: string;
  /** Seconds since the Unix epoch; needed to default the expiry and to refuse one already past. */
  readonly now: number;
  /**
   * Unix time in seconds; defaults to now + DEFAULT_DEVICE_CREDENTIAL_LIFETIME. "never" is 2147483647, the value both
   * SDK families send for it (Java's Integer.MAX_VALUE, C's LONG_MAX where long is 32 bits); the 64-bit LONG_MAX texts
   * of the C SDKs (NEVER_EXPIRY_TEXTS) are taken as written, to reproduce such a username.
   */
  readonly expiry?: number | string;
  /** The username's 2nd part: 12010126 (default, documented) or 21010406 (the C and Python SDKs). */
  readonly sdkAppId?: string;
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
  /** When the password stops working, Unix seconds; absent for a 64-bit LONG_MAX (beyond any clock). */
  readonly expiry?: number;
  /** The expiry as the username writes it, and its shape. */
  readonly expiryPart: MqttExpiry;
  readonly sdkAppId: MqttSdkAppId;
  /** The device SDKs that send this shape, as the shape step names them. */
  readonly shape: string;
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
  const sdkAppId = request.sdkAppId ?? DEFAULT_MQTT_SDK_APP_ID;
  if (typeof sdkAppId !== 'string' || !isMqttSdkAppId(sdkAppId))
    throw new SigningInputError('sdkAppId', `an sdkappid the device SDKs send, ${MQTT_SDK_APP_IDS.join(' or ')}, got ${JSON.stringify(sdkAppId)}`);
  const expiryPart = readRequestedExpiry(request.expiry, now);
  if (!request.allowPastExpiry && expiryPart.expiresAt !== undefined) checkNotPast(expiryPart.expiresAt, now, 'expiry');
  const connid = request.connid ?? generateConnId(request.random);
  if (typeof connid !== 'string' || !CONNID_PATTERN.test(connid)) throw new SigningInputError('connid', `5 letters or digits, got ${JSON.stringify(connid)}`);

  const clientId = buildMqttClientId(productId, deviceName);
  const username = buildMqttUsername(clientId, connid, expiryPart.text, sdkAppId);
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
    shape: describeMqttCredentialShape(sdkAppId, expiryPart, hmac),
  };
  const steps = DEVICE_CREDENTIAL_STEP_IDS.map((id) => ({ id, ...DEVICE_CREDENTIAL_RULES[id], value: values[id] }));
  return {
    clientId,
    username,
    password,
    signature,
    connid,
    ...(expiryPart.expiresAt !== undefined ? { expiry: expiryPart.expiresAt } : {}),
    expiryPart,
    sdkAppId,
    shape: values.shape,
    hmac,
    host,
    port: TENCENT_MQTT_PORT,
    steps,
  };
}

/**
 * The expiry to write: Unix seconds as before (a lifetime or milliseconds refused with a hint — generation is where
 * those mistakes are made), "never", or one of the SDKs' never texts as written.
 */
function readRequestedExpiry(value: number | string | undefined, now: number): MqttExpiry {
  if (value === undefined)
    return { text: String(now + DEFAULT_DEVICE_CREDENTIAL_LIFETIME), shape: 'unix-seconds', expiresAt: now + DEFAULT_DEVICE_CREDENTIAL_LIFETIME };
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === 'never') return readMqttExpiry(NEVER_EXPIRY_TEXTS['int-max'])!;
    const never = Object.values(NEVER_EXPIRY_TEXTS).find((t) => t === text);
    if (never) return readMqttExpiry(never)!;
    if (!/^\d{1,15}$/.test(text)) throw new SigningInputError('expiry', `"never" or a Unix time in seconds such as 1700000000, got ${JSON.stringify(value)}`);
    return readRequestedExpiry(Number(text), now);
  }
  const seconds = checkUnixSeconds(value, 'expiry');
  return { text: String(seconds), shape: seconds === 2_147_483_647 ? 'int-max' : 'unix-seconds', expiresAt: seconds };
}
