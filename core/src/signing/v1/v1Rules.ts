import type { LocalizedText } from '../SigningStep.js';

export const V1_STEP_IDS = ['sortedParams', 'stringToSign', 'signature', 'query'] as const;
export type V1StepId = (typeof V1_STEP_IDS)[number];

/** Paraphrasing 签名方法 (v1), shared/seeds/001 sections 2.1–3. */
export const V1_RULES: Record<V1StepId, { title: LocalizedText; rule: LocalizedText }> = {
  sortedParams: {
    title: { en: 'Sorted parameters', zh: '对参数排序并拼接请求字符串' },
    rule: {
      en: 'All parameters sorted by name in ASCII order (InstanceIds.12 before InstanceIds.2), joined as name=value with &; values raw, not URL-encoded.',
      zh: '所有请求参数按参数名的 ASCII 码升序排序（InstanceIds.2 排在 InstanceIds.12 后面），格式化为“参数名称=参数值”并用 & 拼接；参数值为原始值而非 url 编码后的值。',
    },
  },
  stringToSign: {
    title: { en: 'String to sign', zh: '签名原文字符串' },
    rule: { en: 'METHOD + host + path + ? + request string (method uppercase).', zh: '请求方法 + 请求主机 + 请求路径 + ? + 请求字符串（方法为全大写）。' },
  },
  signature: {
    title: { en: 'Signature', zh: '签名串' },
    rule: {
      en: 'Base64(HMAC-SHA1 or HMAC-SHA256(SecretKey, string to sign)); HmacSHA256 is used only when SignatureMethod=HmacSHA256 is sent.',
      zh: 'Base64(HMAC-SHA1 或 HMAC-SHA256(SecretKey, 签名原文字符串))；只有指定 SignatureMethod 为 HmacSHA256 时服务端才用 HmacSHA256 验证。',
    },
  },
  query: {
    title: { en: 'Encoded request', zh: '签名串编码后的请求参数' },
    rule: {
      en: 'Every value, Signature included, percent-encoded once (RFC 3986, uppercase hex); names and = are not encoded.',
      zh: '所有参数值（包括 Signature）做一次 URL 编码（RFC 3986，十六进制大写），参数键和 = 不编码；不要重复编码。',
    },
  },
};
