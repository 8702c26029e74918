import type { LocalizedText } from '../signing/SigningStep.js';

// The device-side and other vendors' credential schemes as data: the VS Code sidebar and the browser popup render
// one form from these definitions and hand the values to runCredentialScheme, so a new field is a line here,
// not a change in two UIs.

export const CREDENTIAL_SCHEME_IDS = ['mqtt-device', 'onenet-token', 'onenet-api-key', 'mxchip-token'] as const;
export type CredentialSchemeId = (typeof CREDENTIAL_SCHEME_IDS)[number];
export type CredentialMode = 'sign' | 'verify';

export interface CredentialField {
  /** Key in the values handed to runCredentialScheme. */
  readonly name: string;
  readonly label: LocalizedText;
  /**
   * A secret (PSK, key, or a captured password or token, which work as credentials until they expire): typed
   * into a password field, never kept in a persistent draft or history, shown masked.
   */
  readonly secret?: boolean;
  readonly required: boolean;
  /** The modes the field belongs to. */
  readonly modes: readonly CredentialMode[];
  /** A fixed set of values (rendered as a select); the first is the default. */
  readonly options?: readonly string[];
  /** Example or format, shown as the placeholder. */
  readonly placeholder: string;
}

export interface CredentialScheme {
  readonly id: CredentialSchemeId;
  readonly title: LocalizedText;
  /** Modes offered; the first is the default. */
  readonly modes: readonly CredentialMode[];
  readonly fields: readonly CredentialField[];
}

const both: readonly CredentialMode[] = ['sign', 'verify'];

export const CREDENTIAL_SCHEMES: readonly CredentialScheme[] = [
  {
    id: 'mqtt-device',
    title: { en: 'Tencent IoT Hub device MQTT (key authentication)', zh: '腾讯云物联网通信设备 MQTT（密钥认证）' },
    modes: both,
    fields: [
      // Verify needs the device too: it checks the username names this device, not just that the HMAC is right.
      { name: 'productId', label: { en: 'ProductId', zh: '产品 ID' }, required: true, modes: both, placeholder: 'ABCDE12345' },
      { name: 'deviceName', label: { en: 'DeviceName', zh: '设备名称' }, required: true, modes: both, placeholder: 'thermostat-1' },
      {
        name: 'devicePsk',
        label: { en: 'DevicePsk (base64)', zh: '设备密钥 DevicePsk（base64）' },
        secret: true,
        required: true,
        modes: both,
        placeholder: 'as CreateDevice returned it',
      },
      {
        name: 'expiry',
        label: { en: 'Expiry (Unix seconds, or never)', zh: '过期时间（Unix 秒，或 never）' },
        required: false,
        modes: ['sign'],
        placeholder: 'default: now + 3600; never = 2147483647',
      },
      {
        name: 'sdkAppId',
        label: { en: 'sdkappid', zh: 'sdkappid' },
        required: false,
        modes: ['sign'],
        // 12010126: docs and Java/Android SDKs; 21010406: C and Python SDKs (mqttCredentialShapes.ts).
        options: ['12010126', '21010406'],
        placeholder: '12010126',
      },
      { name: 'hmac', label: { en: 'HMAC', zh: 'HMAC 算法' }, required: false, modes: ['sign'], options: ['sha256', 'sha1'], placeholder: 'sha256' },
      { name: 'connid', label: { en: 'connid', zh: 'connid' }, required: false, modes: ['sign'], placeholder: '5 letters or digits (default: random)' },
      {
        name: 'username',
        label: { en: 'Captured username', zh: '抓到的 username' },
        required: true,
        modes: ['verify'],
        placeholder: 'ABCDE12345dev;12010126;AbC12;1700000000',
      },
      {
        name: 'password',
        label: { en: 'Captured password', zh: '抓到的 password' },
        secret: true,
        required: true,
        modes: ['verify'],
        placeholder: '<hex>;hmacsha256',
      },
      {
        name: 'clientId',
        label: { en: 'Captured client id (optional)', zh: '抓到的 ClientId（可选）' },
        required: false,
        modes: ['verify'],
        placeholder: 'ABCDE12345thermostat-1',
      },
    ],
  },
  {
    id: 'onenet-token',
    title: { en: 'OneNET security token', zh: 'OneNET 安全鉴权 token' },
    modes: both,
    fields: [
      { name: 'res', label: { en: 'res', zh: 'res（资源）' }, required: true, modes: ['sign'], placeholder: 'products/123456/devices/dev-1' },
      { name: 'et', label: { en: 'et (expiry, Unix seconds)', zh: 'et（过期时间，Unix 秒）' }, required: true, modes: ['sign'], placeholder: '1924905600' },
      {
        name: 'method',
        label: { en: 'method', zh: 'method（签名方法）' },
        required: true,
        modes: ['sign'],
        options: ['sha256', 'sha1', 'md5'],
        placeholder: 'sha256',
      },
      {
        name: 'key',
        label: { en: 'Access key (base64)', zh: '访问密钥 key（base64）' },
        secret: true,
        required: true,
        modes: both,
        placeholder: 'the product or device key',
      },
      {
        name: 'token',
        label: { en: 'Captured token', zh: '抓到的 token' },
        secret: true,
        required: true,
        modes: ['verify'],
        placeholder: 'version=2018-10-31&res=…&et=…&method=…&sign=…',
      },
      {
        name: 'expectedRes',
        label: { en: 'Expected res (optional)', zh: '预期的 res（可选）' },
        required: false,
        modes: ['verify'],
        placeholder: 'products/123456/devices/dev-1',
      },
    ],
  },
  {
    id: 'onenet-api-key',
    title: { en: 'OneNET api-key header (PUT /keys/{key})', zh: 'OneNET api-key 请求头（PUT /keys/{key}）' },
    modes: ['sign'],
    fields: [
      {
        name: 'apiKey',
        label: { en: 'API key', zh: 'APIKey' },
        secret: true,
        required: true,
        modes: ['sign'],
        placeholder: 'the key that authenticates the call',
      },
      {
        name: 'keyToUpdate',
        label: { en: 'Key to update (optional)', zh: '要更新的 apikey（可选）' },
        secret: true,
        required: false,
        modes: ['sign'],
        placeholder: 'default: the API key itself',
      },
    ],
  },
  {
    id: 'mxchip-token',
    title: { en: 'MXCHIP v3 open API (client_credentials, Bearer)', zh: '庆科 v3 开放接口（client_credentials，Bearer）' },
    modes: both,
    fields: [
      { name: 'clientId', label: { en: 'Accesskey ID', zh: 'Accesskey ID' }, required: true, modes: ['sign'], placeholder: 'from the MXCHIP console' },
      {
        name: 'clientSecret',
        label: { en: 'Accesskey Secret', zh: 'Accesskey Secret' },
        secret: true,
        required: true,
        modes: ['sign'],
        placeholder: 'from the MXCHIP console',
      },
      {
        name: 'baseUrl',
        label: { en: 'API base URL (optional)', zh: 'API 地址（可选）' },
        required: false,
        modes: ['sign'],
        placeholder: 'https://api.example.com',
      },
      {
        name: 'authorization',
        label: { en: 'Authorization header sent', zh: '发送的 Authorization 头' },
        secret: true,
        required: true,
        modes: ['verify'],
        placeholder: 'Bearer <access_token>',
      },
      {
        name: 'accessToken',
        label: { en: 'access_token held (optional)', zh: '持有的 access_token（可选）' },
        secret: true,
        required: false,
        modes: ['verify'],
        placeholder: 'from the token response',
      },
      {
        name: 'obtainedAt',
        label: { en: 'Token obtained at (Unix seconds, optional)', zh: '获取 token 的时间（Unix 秒，可选）' },
        required: false,
        modes: ['verify'],
        placeholder: '1700000000',
      },
      {
        name: 'expiresIn',
        label: { en: 'expires_in (seconds, optional)', zh: 'expires_in（秒，可选）' },
        required: false,
        modes: ['verify'],
        placeholder: '604800',
      },
    ],
  },
];

export function findCredentialScheme(id: string): CredentialScheme | undefined {
  return CREDENTIAL_SCHEMES.find((scheme) => scheme.id === id);
}

/** The fields a form shows for a scheme in a mode, in order. */
export const credentialFieldsOf = (scheme: CredentialScheme, mode: CredentialMode): readonly CredentialField[] =>
  scheme.fields.filter((field) => field.modes.includes(mode));
