import type { LocalizedText } from '../SigningStep.js';

/** The TC3-HMAC-SHA256 step ids, in signing order. Stable: diagnosis output and the CLI's JSON use them. */
export const TC3_STEP_IDS = [
  'hashedRequestPayload',
  'canonicalRequest',
  'credentialScope',
  'hashedCanonicalRequest',
  'stringToSign',
  'secretDate',
  'secretService',
  'secretSigning',
  'signature',
  'authorization',
] as const;
export type Tc3StepId = (typeof TC3_STEP_IDS)[number];

/** Titles and rules, paraphrasing 签名方法 v3 (shared/seeds/001, "签名版本 v3 签名过程"). */
export const TC3_RULES: Record<Tc3StepId, { title: LocalizedText; rule: LocalizedText }> = {
  hashedRequestPayload: {
    title: { en: 'Hashed request payload', zh: 'HashedRequestPayload 请求正文哈希' },
    rule: {
      en: 'Lowercase(HexEncode(SHA256(body))) over the exact bytes sent; a GET request hashes the empty string.',
      zh: 'Lowercase(HexEncode(Hash.SHA256(RequestPayload)))，对实际发送的请求正文逐字节计算；GET 请求的正文固定为空字符串。',
    },
  },
  canonicalRequest: {
    title: { en: 'Canonical request', zh: 'CanonicalRequest 规范请求串' },
    rule: {
      en: 'Method \\n URI (/) \\n query string (POST: empty) \\n canonical headers (name:value, lowercased, trimmed, sorted by name, each ending in \\n) \\n signed header names joined by ; \\n hashed payload.',
      zh: 'HTTPRequestMethod \\n CanonicalURI \\n CanonicalQueryString \\n CanonicalHeaders \\n SignedHeaders \\n HashedRequestPayload；头部 key 和 value 统一转成小写并去掉首尾空格，按 key 的 ASCII 升序拼接为 key:value\\n。',
    },
  },
  credentialScope: {
    title: { en: 'Credential scope', zh: 'CredentialScope 凭证范围' },
    rule: {
      en: 'Date/service/tc3_request, where Date is the UTC (UTC+0) date of X-TC-Timestamp and service matches the domain (iotcloud for iotcloud.tencentcloudapi.com).',
      zh: 'Date/service/tc3_request；Date 必须由 X-TC-Timestamp 按 UTC+0 计算得到，service 必须与调用的产品域名一致。',
    },
  },
  hashedCanonicalRequest: {
    title: { en: 'Hashed canonical request', zh: 'HashedCanonicalRequest 规范请求串哈希' },
    rule: { en: 'Lowercase(HexEncode(SHA256(CanonicalRequest))).', zh: 'Lowercase(HexEncode(Hash.SHA256(CanonicalRequest)))。' },
  },
  stringToSign: {
    title: { en: 'String to sign', zh: 'StringToSign 待签名字符串' },
    rule: {
      en: 'TC3-HMAC-SHA256 \\n timestamp \\n credential scope \\n hashed canonical request.',
      zh: 'Algorithm \\n RequestTimestamp \\n CredentialScope \\n HashedCanonicalRequest。',
    },
  },
  secretDate: {
    title: { en: 'Derived key SecretDate', zh: '派生密钥 SecretDate' },
    rule: { en: 'HMAC_SHA256("TC3" + SecretKey, Date), shown as hex.', zh: 'HMAC_SHA256("TC3" + SecretKey, Date)，以十六进制显示。' },
  },
  secretService: {
    title: { en: 'Derived key SecretService', zh: '派生密钥 SecretService' },
    rule: { en: 'HMAC_SHA256(SecretDate, service).', zh: 'HMAC_SHA256(SecretDate, Service)。' },
  },
  secretSigning: {
    title: { en: 'Derived key SecretSigning', zh: '派生密钥 SecretSigning' },
    rule: { en: 'HMAC_SHA256(SecretService, "tc3_request").', zh: 'HMAC_SHA256(SecretService, "tc3_request")。' },
  },
  signature: {
    title: { en: 'Signature', zh: 'Signature 签名' },
    rule: { en: 'HexEncode(HMAC_SHA256(SecretSigning, StringToSign)).', zh: 'HexEncode(HMAC_SHA256(SecretSigning, StringToSign))。' },
  },
  authorization: {
    title: { en: 'Authorization header', zh: 'Authorization 头部' },
    rule: {
      en: 'TC3-HMAC-SHA256 Credential=SecretId/CredentialScope, SignedHeaders=…, Signature=…',
      zh: "Algorithm + ' ' + 'Credential=' + SecretId + '/' + CredentialScope + ', ' + 'SignedHeaders=' + SignedHeaders + ', ' + 'Signature=' + Signature",
    },
  },
};
