import { maskSecret } from '../signing/maskSecret.js';
import type { DiagnosisCauseId, DiagnosisFinding } from './DiagnosisCause.js';
import { findingOf } from './findingOf.js';

/** Facts about a request that name a cause without any re-signing: the server's code, the token, the clocks. */
export interface EvidenceFacts {
  /** The request's timestamp (X-TC-Timestamp, v1 Timestamp), when it has one. */
  readonly timestamp?: number;
  readonly sentAt?: number;
  readonly errorCode?: string;
  readonly tokenName: 'X-TC-Token' | 'Token';
  readonly hasToken: boolean;
  /** The SecretId the request carries (Credential= or the SecretId parameter). */
  readonly secretId?: string;
  readonly secretKey: string;
}

const MAX_SKEW = 300;
const iso = (seconds: number) =>
  Number.isFinite(seconds) && Math.abs(seconds) < 8.64e12 ? new Date(seconds * 1000).toISOString().replace('.000', '') : 'an impossible date';

function duration(seconds: number): string {
  const s = Math.abs(seconds);
  if (s >= 86400 * 2) return `${Math.round(s / 86400)} days`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : `${m} min ${s % 60} s`;
}

/** Why a skew happened, when its size gives it away: milliseconds, or a time zone's worth of hours. */
function skewHint(timestamp: number, skew: number): { en: string; zh: string } {
  if (timestamp > 1e11) return { en: ' X-TC-Timestamp looks like milliseconds; the API wants seconds.', zh: ' 时间戳看起来是毫秒；接口要求秒。' };
  const quarterHours = Math.round(skew / 900);
  if (quarterHours !== 0 && Math.abs(skew - quarterHours * 900) <= 120) {
    const offset = `${skew > 0 ? '+' : '-'}${String(Math.floor(Math.abs(quarterHours) / 4)).padStart(2, '0')}:${String((Math.abs(quarterHours) % 4) * 15).padStart(2, '0')}`;
    return {
      en: ` It is a time zone's worth (${offset}): the timestamp was probably computed from local time as if it were UTC (e.g. time.mktime on a UTC struct, or a local DateTime without its offset).`,
      zh: ` 相差恰好是一个时区（${offset}）：时间戳很可能是把本地时间当作 UTC 计算的（例如对 UTC 时间结构调用 time.mktime，或丢失了时区偏移的本地 DateTime）。`,
    };
  }
  return { en: '', zh: '' };
}

function clockSkew(facts: EvidenceFacts): DiagnosisFinding | undefined {
  const { timestamp, sentAt, errorCode } = facts;
  if (timestamp === undefined) return undefined;
  if (sentAt !== undefined && Math.abs(timestamp - sentAt) > MAX_SKEW) {
    const skew = timestamp - sentAt;
    const hint = skewHint(timestamp, skew);
    return findingOf('clock-skew', 'sent-time', {
      en: `The request's timestamp ${timestamp} (${iso(timestamp)}) is ${duration(skew)} ${skew > 0 ? 'ahead of' : 'behind'} the time it was sent (${sentAt}, ${iso(sentAt)}).${hint.en}`,
      zh: `请求时间戳 ${timestamp}（${iso(timestamp)}）比发送时间（${sentAt}，${iso(sentAt)}）${skew > 0 ? '快' : '慢'}了 ${duration(skew)}。${hint.zh}`,
    });
  }
  if (timestamp > 1e11) {
    return findingOf('clock-skew', 'request', {
      en: `The timestamp ${timestamp} is in milliseconds (${iso(timestamp / 1000)} if read as ms); the server reads seconds.`,
      zh: `时间戳 ${timestamp} 是毫秒值；服务端按秒解析。`,
    });
  }
  if (errorCode === 'AuthFailure.SignatureExpire') {
    return findingOf('clock-skew', 'server-error-code', {
      en: `The server answered AuthFailure.SignatureExpire: its clock and the request's timestamp ${timestamp} (${iso(timestamp)}) are more than five minutes apart${sentAt !== undefined ? ", although the sent time you gave is close to it — the sending machine's clock is off too" : ''}. The signature itself is not checked before this.`,
      zh: `服务端返回 AuthFailure.SignatureExpire：服务器时间与请求时间戳 ${timestamp}（${iso(timestamp)}）相差超过五分钟${sentAt !== undefined ? '；您给出的发送时间与之接近，说明发送端的系统时间本身也不准' : ''}。服务端在此之前不会校验签名本身。`,
    });
  }
  return undefined;
}

function tokenFinding(facts: EvidenceFacts): DiagnosisFinding | undefined {
  const code = facts.errorCode;
  const keyCodes = ['AuthFailure.TokenFailure', 'AuthFailure.InvalidSecretId', 'AuthFailure.SecretIdNotFound'];
  if (code === undefined || !keyCodes.includes(code)) return undefined;
  if (!facts.hasToken) {
    return findingOf('temporary-key-without-token', 'server-error-code', {
      en: `The server answered ${code} and the request carries no ${facts.tokenName}. If ${facts.secretId ?? 'the SecretId'} is a TmpSecretId (from STS GetFederationToken/AssumeRole or a CAM role), the server needs its Token to find it; if it is a long-term key, it was deleted, disabled, or mistyped.`,
      zh: `服务端返回 ${code}，且请求未携带 ${facts.tokenName}。若 ${facts.secretId ?? 'SecretId'} 是临时密钥 TmpSecretId（来自 STS GetFederationToken/AssumeRole 或 CAM 角色），服务端需要其 Token 才能识别；若是长期密钥，则可能已被删除、禁用或填写有误。`,
    });
  }
  if (code === 'AuthFailure.TokenFailure' || code === 'AuthFailure.InvalidSecretId') {
    return findingOf('long-term-key-with-token', 'server-error-code', {
      en: `The server answered ${code} and the request carries ${facts.tokenName}: either ${facts.secretId ?? 'the SecretId'} is a long-term key, which must not carry a token, or the token expired or was issued with another TmpSecretId.`,
      zh: `服务端返回 ${code}，且请求携带了 ${facts.tokenName}：要么 ${facts.secretId ?? 'SecretId'} 是长期密钥（不能携带 Token），要么 Token 已过期或属于另一个 TmpSecretId。`,
    });
  }
  return undefined;
}

function swappedKeys(facts: EvidenceFacts): DiagnosisFinding | undefined {
  if (facts.secretId === undefined || facts.secretId.trim() !== facts.secretKey.trim()) return undefined;
  return findingOf('secret-id-key-swapped', 'request', {
    en: `The request carries the SecretKey (${maskSecret(facts.secretKey)}) where the SecretId belongs: it went over the wire in clear.`,
    zh: `请求在应放 SecretId 的位置放了 SecretKey（${maskSecret(facts.secretKey)}），它已以明文随请求发出。`,
  });
}

/** Findings from facts alone, in the order the server meets them (key and token before time), and what was checked. */
export function evidenceFindings(facts: EvidenceFacts): { findings: DiagnosisFinding[]; checked: DiagnosisCauseId[] } {
  const findings = [swappedKeys(facts), tokenFinding(facts), clockSkew(facts)].filter((f): f is DiagnosisFinding => f !== undefined);
  const checked: DiagnosisCauseId[] = ['secret-id-key-swapped', 'clock-skew'];
  if (facts.errorCode !== undefined) checked.push('temporary-key-without-token', 'long-term-key-with-token');
  return { findings, checked };
}
