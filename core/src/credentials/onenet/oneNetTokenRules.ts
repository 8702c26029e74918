import type { LocalizedText } from '../../signing/SigningStep.js';

/** Step ids of the OneNET security token, in computing order. */
export const ONENET_TOKEN_STEP_IDS = ['res', 'keyBytes', 'stringToSign', 'sign', 'token'] as const;
export type OneNetTokenStepId = (typeof ONENET_TOKEN_STEP_IDS)[number];

export const ONENET_TOKEN_RULES: Record<OneNetTokenStepId, { title: LocalizedText; rule: LocalizedText }> = {
  res: {
    title: { en: 'Resource (res)', zh: '访问资源 res' },
    rule: {
      en: 'products/{product id} for a product-level token, products/{product id}/devices/{device name} for one device.',
      zh: '产品级为 products/{pid}，设备级为 products/{pid}/devices/{device_name}。',
    },
  },
  keyBytes: {
    title: { en: 'Access key, base64-decoded', zh: '访问密钥 base64 解码' },
    rule: {
      en: 'The key is base64 text; the HMAC key is the bytes it decodes to (value hidden, only its length is shown).',
      zh: 'key 为 base64 编码的字符串；HMAC 的密钥是其解码后的字节（此处不显示密钥，只显示长度）。',
    },
  },
  stringToSign: {
    title: { en: 'String to sign', zh: '签名原文 StringForSignature' },
    rule: {
      en: 'et + "\\n" + method + "\\n" + res + "\\n" + version, all raw (not URL-encoded).',
      zh: 'et + "\\n" + method + "\\n" + res + "\\n" + version，各值为原始值（不做 URL 编码）。',
    },
  },
  sign: {
    title: { en: 'Sign', zh: '签名 sign' },
    rule: {
      en: 'base64(HMAC-<method>(decoded key, string to sign)), method md5, sha1 or sha256.',
      zh: 'base64(HMAC-<method>(解码后的 key, 签名原文))，method 取 md5、sha1 或 sha256。',
    },
  },
  token: {
    title: { en: 'Token', zh: 'token' },
    rule: {
      en: 'version=…&res=…&et=…&method=…&sign=…, every value URL-encoded once (RFC 3986): res\'s "/" becomes %2F, sign\'s "+", "/", "=" become %2B, %2F, %3D.',
      zh: 'version=…&res=…&et=…&method=…&sign=…，每个参数值做一次 URL 编码（RFC 3986）：res 中的 "/" 变为 %2F，sign 中的 "+"、"/"、"=" 变为 %2B、%2F、%3D。',
    },
  },
};
