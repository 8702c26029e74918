import type { LocalizedText } from '../../signing/SigningStep.js';

/** Step ids of Tencent IoT Hub device key authentication (MQTT CONNECT), in computing order. */
export const DEVICE_CREDENTIAL_STEP_IDS = ['clientId', 'username', 'devicePskBytes', 'signature', 'password', 'broker'] as const;
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
      en: 'ClientId;12010126;connid;expiry — 12010126 is the fixed SDK app id, connid 5 random letters or digits, expiry a Unix time in seconds after which the broker refuses the password.',
      zh: '${ClientId};12010126;${connid};${expiry}：12010126 为固定的 sdkappid，connid 为 5 位随机字母或数字，expiry 为签名过期的 Unix 时间（秒）。',
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
  broker: {
    title: { en: 'Broker', zh: '接入地址' },
    rule: {
      en: '${ProductId}.iotcloud.tencentdevices.com, port 1883 (MQTT over TCP with key authentication).',
      zh: '${ProductId}.iotcloud.tencentdevices.com，端口 1883（密钥认证的 MQTT 接入）。',
    },
  },
};
