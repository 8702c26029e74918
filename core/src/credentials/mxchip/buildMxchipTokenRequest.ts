import { percentEncode } from '../../encoding/percentEncode.js';
import { maskSecret } from '../../signing/maskSecret.js';
import { SigningInputError } from '../../signing/SigningInputError.js';
import type { LocalizedText, SigningStep } from '../../signing/SigningStep.js';

export const MXCHIP_TOKEN_PATH = '/v3/open_api/token/';
export const MXCHIP_TOKEN_STEP_IDS = ['request', 'headers', 'body'] as const;
export type MxchipTokenStepId = (typeof MXCHIP_TOKEN_STEP_IDS)[number];

const RULES: Record<MxchipTokenStepId, { title: LocalizedText; rule: LocalizedText }> = {
  request: {
    title: { en: 'Token request', zh: '获取 token 请求' },
    rule: {
      en: 'POST /v3/open_api/token/ (shared/seeds/003); the doc names no host, so it is the MXCHIP API base URL you were given.',
      zh: 'POST /v3/open_api/token/（shared/seeds/003）；文档未给出域名，使用庆科提供的 API 地址。',
    },
  },
  headers: {
    title: { en: 'Headers', zh: '请求头' },
    rule: {
      en: 'The doc lists the parameters without a content type; OAuth2 client_credentials (RFC 6749 §4.4.2) sends them form-encoded.',
      zh: '文档只列出参数、未写明 Content-Type；OAuth2 client_credentials（RFC 6749 §4.4.2）以表单编码发送。',
    },
  },
  body: {
    title: { en: 'Body', zh: '请求体' },
    rule: {
      en: 'grant_type=client_credentials (fixed), client_id = Accesskey ID, client_secret = Accesskey Secret from the MXCHIP console (shown masked).',
      zh: 'grant_type 固定为 client_credentials，client_id 为庆科后台的 Accesskey ID，client_secret 为 Accesskey Secret（此处掩码显示）。',
    },
  },
};

export interface MxchipTokenRequestInput {
  /** Accesskey ID from the MXCHIP console. */
  readonly clientId: string;
  /** Accesskey Secret. */
  readonly clientSecret: string;
  /** e.g. https://api.example.com; without it the URL is the bare path. */
  readonly baseUrl?: string;
}

export interface MxchipTokenRequest {
  readonly method: 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** To send; contains client_secret, so never log it (the body step shows it masked). */
  readonly body: string;
  readonly steps: readonly SigningStep<MxchipTokenStepId>[];
}

function checkText(value: unknown, field: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new SigningInputError(field, `${what} (it was empty)`);
  if (/\s/.test(value)) throw new SigningInputError(field, `${what} without whitespace (copied with a trailing newline?)`);
  return value;
}

/** The OAuth2 client_credentials request of MXCHIP's v3 open API. */
export function buildMxchipTokenRequest(input: MxchipTokenRequestInput): MxchipTokenRequest {
  const clientId = checkText(input.clientId, 'clientId', 'the Accesskey ID from the MXCHIP console');
  const clientSecret = checkText(input.clientSecret, 'clientSecret', 'the Accesskey Secret from the MXCHIP console');
  let base = '';
  if (input.baseUrl !== undefined) {
    if (typeof input.baseUrl !== 'string' || !/^https?:\/\/[^/?#\s]+\/?$/.test(input.baseUrl))
      throw new SigningInputError('baseUrl', `an http(s) origin such as https://api.example.com, got ${JSON.stringify(input.baseUrl)}`);
    base = input.baseUrl.replace(/\/$/, '');
  }
  const url = base + MXCHIP_TOKEN_PATH;
  const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const form = (secret: string) => `grant_type=client_credentials&client_id=${percentEncode(clientId)}&client_secret=${secret}`;
  const body = form(percentEncode(clientSecret));
  const values: Record<MxchipTokenStepId, string> = {
    request: `POST ${url}`,
    headers: Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n'),
    body: form(maskSecret(clientSecret)),
  };
  const steps = MXCHIP_TOKEN_STEP_IDS.map((id) => ({ id, ...RULES[id], value: values[id] }));
  return { method: 'POST', url, headers, body, steps };
}
