import type { LocalizedText } from '../../signing/SigningStep.js';

/** Step ids of Tencent IoT Hub device key authentication (MQTT CONNECT), in computing order. */
export const DEVICE_CREDENTIAL_STEP_IDS = ['clientId', 'username', 'devicePskBytes', 'signature', 'password', 'broker', 'shape'] as const;
export type DeviceCredentialStepId = (typeof DEVICE_CREDENTIAL_STEP_IDS)[number];

/** Paraphrasing Tencent IoT Hub's device-side key authentication, as the device SDKs implement it. */
export const DEVICE_CREDENTIAL_RULES: Record<DeviceCredentialStepId, { title: LocalizedText; rule: LocalizedText }> = {
  clientId: {
    title: { en: 'MQTT client id', zh: 'MQTT 客户端 ID (ClientId)' },
    rule: { en: 'ProductId + DeviceName, concatenated with nothing between them.', zh: '产品 ID 与设备名称直接拼接：ProductId + DeviceName。' },
  },
  username: {
    title: { en: 'MQTT username', zh: 'MQTT 用户名 (UserName)' },
    rule: {
      en: 'ClientId;sdkappid;connid;expiry — sdkappid 12010126 (docs, Java/Android SDKs) or 21010406 (C and Python SDKs), connid 5 random letters or digits, expiry a Unix time in seconds after which the broker refuses the password, or a "never" value (2147483647, or the C SDKs\' LONG_MAX).',
      zh: '${ClientId};${sdkappid};${connid};${expiry}：sdkappid 为 12010126（文档、Java/Android SDK）或 21010406（C 与 Python SDK），connid 为 5 位随机字母或数字，expiry 为签名过期的 Unix 时间（秒），或“永不过期”的值（2147483647，或 C SDK 的 LONG_MAX）。',
    },
  },
  devicePskBytes: {
    title: { en: 'Device PSK, base64-decoded', zh: '设备密钥 base64 解码' },
    rule: {
      en: 'DevicePsk is base64 text; the HMAC key is the bytes it decodes to, not the text itself (value hidden, only its length is shown).',
      zh: 'DevicePsk 为 base64 编码的字符串；HMAC 的密钥是其解码后的字节，而不是字符串本身（此处不显示密钥，只显示长度）。',
    },
  },
  signature: {
    title: { en: 'Signature', zh: '签名' },
    rule: {
      en: 'Lowercase hex of HMAC-SHA256 (or HMAC-SHA1) over the username, keyed by the decoded PSK.',
      zh: '以解码后的设备密钥为 key，对用户名做 HMAC-SHA256（或 HMAC-SHA1），结果为小写十六进制。',
    },
  },
  password: {
    title: { en: 'MQTT password', zh: 'MQTT 密码 (Password)' },
    rule: {
      en: 'Signature + ";hmacsha256" (or ";hmacsha1"): the suffix names the HMAC the broker must use.',
      zh: '签名 + ";hmacsha256"（或 ";hmacsha1"），后缀告诉服务端使用哪种 HMAC 算法。',
    },
  },
  shape: {
    title: { en: 'Credential shape', zh: '凭证格式' },
    rule: {
      en: 'Which official device SDK sends a username and password of this shape (its sdkappid, its kind of expiry, its HMAC); the broker accepts each of them.',
      zh: '哪个官方设备 SDK 会生成这种格式的用户名与密码（sdkappid、expiry 的写法、HMAC 算法）；服务端对这些格式都接受。',
    },
  },
  broker: {
    title: { en: 'Broker', zh: '接入地址' },
    rule: {
      en: '${ProductId}.iotcloud.tencentdevices.com, port 1883 (MQTT over TCP with key authentication).',
      zh: '${ProductId}.iotcloud.tencentdevices.com，端口 1883（密钥认证的 MQTT 接入）。',
    },
  },
};
