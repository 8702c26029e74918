import type { LocalizedText } from '../../signing/SigningStep.js';

export interface MxchipMetaCode {
  readonly code: number;
  /** The doc's wording (shared/seeds/003), then what to do about it. */
  readonly meaning: LocalizedText;
  readonly action: LocalizedText;
  /** What is wrong with the Bearer token, for codes about it. */
  readonly tokenProblem?: 'expired' | 'wrong';
}

export const MXCHIP_META_CODES: Readonly<Record<number, MxchipMetaCode>> = {
  0: { code: 0, meaning: { en: 'Success.', zh: '成功。' }, action: { en: 'Nothing to do.', zh: '无需处理。' } },
  10000: {
    code: 10000,
    meaning: { en: 'Parameter error; meta.message says which.', zh: '参数错误，详情参考 Response 中的 message 字段。' },
    action: { en: 'Read meta.message and fix that parameter.', zh: '根据 meta.message 修正对应参数。' },
  },
  10050: {
    code: 10050,
    meaning: { en: 'Internal error.', zh: '内部错误。' },
    action: { en: 'Retry later; if it persists, report it to MXCHIP.', zh: '稍后重试；持续出现请联系庆科。' },
  },
  10100: {
    code: 10100,
    meaning: { en: 'Token expired ("token is expired").', zh: 'token 过期（"token is expired"）。' },
    action: {
      en: 'Request a new token (POST /v3/open_api/token/) and retry; refresh before obtainedAt + expires_in next time.',
      zh: '重新获取 token（POST /v3/open_api/token/）后重试；之后在 获取时间 + expires_in 之前刷新。',
    },
    tokenProblem: 'expired',
  },
  10101: {
    code: 10101,
    meaning: { en: 'Token wrong ("token is error").', zh: 'token 错误（"token is error"）。' },
    action: {
      en: 'Send exactly "Authorization: Bearer <access_token>" with the access_token from the token response (not client_secret, not token_type); request a new one if in doubt.',
      zh: '请求头应为 "Authorization: Bearer <access_token>"，使用 token 接口返回的 access_token（不是 client_secret）；不确定时重新获取。',
    },
    tokenProblem: 'wrong',
  },
};

export interface MxchipResponseExplanation {
  readonly code: number | undefined;
  readonly message: string | undefined;
  readonly known: MxchipMetaCode | undefined;
}

/** Reads {"meta":{"code":…,"message":…}} from any MXCHIP v3 response body and looks the code up. */
export function explainMxchipResponse(body: unknown): MxchipResponseExplanation {
  const meta = typeof body === 'object' && body !== null ? (body as { meta?: unknown }).meta : undefined;
  const code = typeof meta === 'object' && meta !== null && typeof (meta as { code?: unknown }).code === 'number' ? (meta as { code: number }).code : undefined;
  const message =
    typeof meta === 'object' && meta !== null && typeof (meta as { message?: unknown }).message === 'string'
      ? (meta as { message: string }).message
      : undefined;
  return { code, message, known: code === undefined ? undefined : MXCHIP_META_CODES[code] };
}
