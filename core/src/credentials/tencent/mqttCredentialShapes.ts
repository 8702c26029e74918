import type { MqttHmac } from './computeMqttPassword.js';

// The username/password shapes Tencent's own device SDKs put in MQTT CONNECT (key authentication). The broker
// accepts all of them, so a verifier that knows only the documented `clientId;12010126;connid;<Unix seconds>`
// calls working devices malformed. Each shape below names the SDK file it was read from.

/** The sdkappid (2nd username part) each SDK family sends. */
export const MQTT_SDK_APP_IDS = ['12010126', '21010406'] as const;
export type MqttSdkAppId = (typeof MQTT_SDK_APP_IDS)[number];
/** The documented value, also the Java/Android SDKs' (TXMqttConstants.APPID). */
export const DEFAULT_MQTT_SDK_APP_ID: MqttSdkAppId = '12010126';

export const isMqttSdkAppId = (value: string): value is MqttSdkAppId => (MQTT_SDK_APP_IDS as readonly string[]).includes(value);

/**
 * How the 4th username part reads:
 * - unix-seconds: a 10-digit (or shorter) Unix time, the documented form;
 * - int-max: 2147483647 — Java's Integer.MAX_VALUE, and C's LONG_MAX where long is 32 bits (most MCUs): "never";
 * - long-max: 9223372036854775807 — C's LONG_MAX where long is 64 bits;
 * - long-max-cut: 92233720368547758 — the 64-bit LONG_MAX cut to 17 digits by a username buffer sized for 20
 *   characters of expiry and separators (explorer C SDK, qcloud_iot_mqtt_sign);
 * - unix-milliseconds: 13 digits, the connect time in milliseconds (the Python hub SDK), far future when read as seconds.
 */
export type MqttExpiryShape = 'unix-seconds' | 'int-max' | 'long-max' | 'long-max-cut' | 'unix-milliseconds';

export const NEVER_EXPIRY_TEXTS = { 'int-max': '2147483647', 'long-max': '9223372036854775807', 'long-max-cut': '92233720368547758' } as const;

export interface MqttExpiry {
  /** As written in the username. */
  readonly text: string;
  readonly shape: MqttExpiryShape;
  /** When the broker starts refusing the password, in Unix seconds; absent when that is beyond any clock. */
  readonly expiresAt?: number;
}

/** Reads the username's expiry part; undefined when it is none of the shapes above. Linear: anchored digit tests only. */
export function readMqttExpiry(text: string): MqttExpiry | undefined {
  for (const [shape, never] of Object.entries(NEVER_EXPIRY_TEXTS)) {
    if (text === never) return shape === 'int-max' ? { text, shape: 'int-max', expiresAt: 2_147_483_647 } : { text, shape: shape as MqttExpiryShape };
  }
  if (/^\d{1,10}$/.test(text)) return { text, shape: 'unix-seconds', expiresAt: Number(text) };
  if (/^1\d{12}$/.test(text)) return { text, shape: 'unix-milliseconds' };
  return undefined;
}

export const MQTT_EXPIRY_LABELS: Record<MqttExpiryShape, string> = {
  'unix-seconds': 'Unix seconds',
  'int-max': 'INT_MAX (never)',
  'long-max': 'LONG_MAX, 64-bit (never)',
  'long-max-cut': 'LONG_MAX cut to 17 digits (never)',
  'unix-milliseconds': 'Unix milliseconds (never, read as seconds)',
};

export interface MqttCredentialShape {
  /** The SDK, named as its repository is. */
  readonly name: string;
  readonly sdkAppId: MqttSdkAppId;
  readonly expiries: readonly MqttExpiryShape[];
  readonly hmacs: readonly MqttHmac[];
}

export const MQTT_CREDENTIAL_SHAPES: readonly MqttCredentialShape[] = [
  // Tencent IoT Hub docs, "device key authentication": clientId;12010126;connid;expiry, hmacsha256 or hmacsha1.
  { name: 'documented', sdkAppId: '12010126', expiries: ['unix-seconds'], hmacs: ['sha256', 'sha1'] },
  // tencentyun/iot-device-java hub/hub-device-java/.../core/mqtt/TXMqttConnection.java connect(): Integer.MAX_VALUE
  // with automatic reconnect, else now + 600; explorer-device-android TXMqttConnection.java: mExpiredTime defaults to
  // Integer.MAX_VALUE. Both HmacSha256 + ";hmacsha256", APPID "12010126" (TXMqttConstants.java).
  { name: 'iot-device-java', sdkAppId: '12010126', expiries: ['int-max', 'unix-seconds'], hmacs: ['sha256'] },
  // tencentyun/qcloud-iot-sdk-embedded-c sdk_src/protocol/mqtt/mqtt_client_connect.c: QCLOUD_IOT_DEVICE_SDK_APPID
  // "21010406" (qcloud_iot_common.h); LONG_MAX when MAX_ACCESS_EXPIRE_TIMEOUT is 0 (the default), its buffer sized
  // from the digits so nothing is cut; utils_hmac_sha1 + ";hmacsha1".
  { name: 'qcloud-iot-sdk-embedded-c', sdkAppId: '21010406', expiries: ['long-max', 'int-max', 'unix-seconds'], hmacs: ['sha1'] },
  // tencentyun/qcloud-iot-explorer-sdk-embedded-c sdk_src/protocol/mqtt/mqtt_client_connect.c and
  // tencentyun/qcloud_iot_mqtt_sign qcloud-mqtt-sign.c: the same, but the buffer is clientId + 8 + 6 + 20, which leaves
  // 17 digits for a 19-digit LONG_MAX (its readme shows "…;5AiF2;92233720368547758").
  {
    name: 'qcloud-iot-explorer-sdk-embedded-c / qcloud_iot_mqtt_sign',
    sdkAppId: '21010406',
    expiries: ['long-max-cut', 'int-max', 'unix-seconds'],
    hmacs: ['sha1'],
  },
  // tencentyun/iot-device-python hub/protocol/protocol.py _generate_pwss(): ";21010406;", str(int(round(time.time() * 1000))),
  // hashlib.sha1 + ";hmacsha1".
  { name: 'iot-device-python', sdkAppId: '21010406', expiries: ['unix-milliseconds'], hmacs: ['sha1'] },
];

/** The SDKs that send exactly this combination, in table order (empty: each part is one an SDK uses, not together). */
export const matchMqttCredentialShapes = (sdkAppId: string, expiry: MqttExpiryShape, hmac: MqttHmac): readonly MqttCredentialShape[] =>
  MQTT_CREDENTIAL_SHAPES.filter((shape) => shape.sdkAppId === sdkAppId && shape.expiries.includes(expiry) && shape.hmacs.includes(hmac));

/** One line naming the shape: who sends it, then its parts. Proper names and values only, the same in both languages. */
export function describeMqttCredentialShape(sdkAppId: string, expiry: MqttExpiry, hmac: MqttHmac): string {
  const names = matchMqttCredentialShapes(sdkAppId, expiry.shape, hmac).map((shape) => shape.name);
  const parts = `sdkappid ${sdkAppId} · expiry ${expiry.text} = ${MQTT_EXPIRY_LABELS[expiry.shape]} · hmac${hmac}`;
  return `${names.length > 0 ? names.join(', ') : 'no single SDK (each part is one an SDK sends)'} — ${parts}`;
}
