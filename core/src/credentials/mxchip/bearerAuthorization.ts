import { maskSecret } from '../../signing/maskSecret.js';
import { SigningInputError } from '../../signing/SigningInputError.js';
import type { LocalizedText, SigningStep } from '../../signing/SigningStep.js';
import { finding, type CredentialFinding, type CredentialVerification } from '../CredentialVerification.js';
import { checkUnixSeconds } from '../unixTime.js';
import { mxchipTokenState, type MxchipCachedToken } from './mxchipTokenState.js';

export const BEARER_AUTHORIZATION_RULE: { title: LocalizedText; rule: LocalizedText } = {
  title: { en: 'Authorization header', zh: 'Authorization 请求头' },
  rule: {
    en: '"Bearer " + access_token from the token response, on every v3 open API call (token shown masked).',
    zh: '"Bearer " + token 接口返回的 access_token，每个 v3 接口请求都要携带（此处掩码显示）。',
  },
};

export interface BearerAuthorization {
  /** To send; contains the token, so never log it (the step shows it masked). */
  readonly headers: Readonly<Record<string, string>>;
  readonly steps: readonly SigningStep<'authorization'>[];
}

export function buildBearerAuthorization(accessToken: string): BearerAuthorization {
  if (typeof accessToken !== 'string' || accessToken.trim() === '')
    throw new SigningInputError('accessToken', 'the access_token of the token response (it was empty)');
  if (/\s/.test(accessToken)) throw new SigningInputError('accessToken', 'an access_token without whitespace (copied with a trailing newline?)');
  return {
    headers: { Authorization: `Bearer ${accessToken}` },
    steps: [{ id: 'authorization', ...BEARER_AUTHORIZATION_RULE, value: `Authorization: Bearer ${maskSecret(accessToken)}` }],
  };
}

/** Reads the token endpoint's answer into a cache entry; a failed answer names the field that is missing. */
export function readMxchipTokenResponse(body: unknown, obtainedAt: number): MxchipCachedToken & { readonly tokenType: string; readonly scope?: string } {
  const meta = (body as { meta?: { code?: unknown } } | null)?.meta;
  if (typeof meta?.code === 'number' && meta.code !== 0)
    throw new SigningInputError('meta.code', `0 (success); the response has ${meta.code}, so it holds no token`);
  const data = (body as { data?: Record<string, unknown> } | null)?.data;
  if (typeof data !== 'object' || data === null) throw new SigningInputError('data', 'an object with access_token, token_type, expires_in');
  const { access_token: accessToken, token_type: tokenType, expires_in: expiresIn, scope } = data;
  if (typeof accessToken !== 'string' || accessToken === '') throw new SigningInputError('data.access_token', 'a non-empty string');
  if (tokenType !== 'Bearer') throw new SigningInputError('data.token_type', `"Bearer" (the doc's fixed value), got ${JSON.stringify(tokenType)}`);
  if (typeof expiresIn !== 'number' || !Number.isInteger(expiresIn) || expiresIn <= 0)
    throw new SigningInputError('data.expires_in', `a positive whole number of seconds, got ${JSON.stringify(expiresIn)}`);
  return { accessToken, tokenType, expiresIn, obtainedAt: checkUnixSeconds(obtainedAt, 'obtainedAt'), ...(typeof scope === 'string' ? { scope } : {}) };
}

export interface CapturedMxchipAuthorization {
  /** The Authorization header value as sent. */
  readonly authorization: string;
  /** The token the client believes it holds, when known: checked for identity and expiry. */
  readonly token?: MxchipCachedToken;
  readonly now: number;
}

/** The MXCHIP counterpart of verify: is this Authorization header well formed, the right token, and unexpired? */
export function verifyMxchipAuthorization(captured: CapturedMxchipAuthorization): CredentialVerification<'authorization'> {
  if (typeof captured.authorization !== 'string' || captured.authorization === '')
    throw new SigningInputError('authorization', 'the Authorization header value as sent (it was empty)');
  const findings: CredentialFinding[] = [];
  const match = /^Bearer (\S+)$/i.exec(captured.authorization);
  const sent = match?.[1];
  if (!match) {
    const shown = maskSecret(captured.authorization);
    findings.push(
      finding(
        'malformed-token',
        'authorization',
        `The header must be "Bearer <access_token>" (one space, no quotes), found "${shown}". The server answers meta.code 10101.`,
        `请求头应为 "Bearer <access_token>"（一个空格，无引号），实际为 "${shown}"，服务端会返回 meta.code 10101。`,
      ),
    );
  }
  if (captured.token) {
    if (sent !== undefined && sent !== captured.token.accessToken) {
      findings.push(
        finding(
          'wrong-token',
          'authorization',
          `The header carries ${maskSecret(sent)}, not the cached access_token ${maskSecret(captured.token.accessToken)}: meta.code 10101.`,
          `请求头中的 token（${maskSecret(sent)}）与缓存的 access_token（${maskSecret(captured.token.accessToken)}）不同，会返回 meta.code 10101。`,
        ),
      );
    }
    const state = mxchipTokenState(captured.token, captured.now);
    if (!state.valid)
      findings.push(
        finding('expired', 'token', `The token ${state.summary}.`, `token 已过期（${-state.secondsLeft} 秒前），请求会返回 meta.code 10100，请重新获取。`),
      );
  }
  const steps = [{ id: 'authorization' as const, ...BEARER_AUTHORIZATION_RULE, value: `Authorization: Bearer ${sent ? maskSecret(sent) : '(unreadable)'}` }];
  return { ok: findings.length === 0, findings, steps };
}
