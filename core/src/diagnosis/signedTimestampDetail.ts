import type { LocalizedText } from '../signing/SigningStep.js';
import type { SignedTimestamp } from './searchSignedTimestamp.js';

function span(seconds: number): string {
  if (seconds < 600) return `${seconds} s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${seconds} s (${h > 0 ? `${h} h ${m} min` : `${m} min`}${s ? ` ${s} s` : ''})`;
}

/** Why two readings of the clock are this far apart, when the distance says it. */
function why(distance: number, sentLater: boolean): LocalizedText {
  if (distance >= 3600 && distance % 900 === 0)
    return {
      en: "a time zone's worth: one of the two was computed from local time as if it were UTC",
      zh: '恰好相差一个时区：其中一个是把本地时间当作 UTC 计算的',
    };
  if (distance <= 600)
    return sentLater
      ? {
          en: 'the clock was read twice (once to sign, again for the header), or a retry refreshed the header and kept the old signature',
          zh: '时间被读取了两次（签名一次、写头部又一次），或重试时刷新了头部却沿用了旧签名',
        }
      : { en: 'the clock was read twice (once for the header, again to sign)', zh: '时间被读取了两次（写头部一次、签名又一次）' };
  return {
    en: 'one of the two is a stale value (a timestamp computed once and reused, or cached with the signature)',
    zh: '其中一个是过时的值（只计算一次后被重复使用的时间戳，或与签名一起被缓存）',
  };
}

/** "signed at 1796150316, sent 1796150436: 120 s later — the clock was read twice", or the unit mismatch it is. */
export function signedTimestampDetail(name: string, sentText: string, sent: number, found: SignedTimestamp): LocalizedText {
  if (sentText !== String(sent)) {
    // The header itself is in milliseconds or has a fraction; `sent` is its whole seconds.
    const unit = sentText.includes('.') ? { en: 'seconds with a fraction', zh: '带小数的秒' } : { en: 'milliseconds', zh: '毫秒' };
    const same = found.seconds === sent;
    return {
      en: `${name} carries ${sentText}, in ${unit.en}; the signature was made with ${found.signed}${found.form === 'seconds' ? ', in whole seconds' : ''}${same ? ' — the same instant' : `, ${Math.abs(found.seconds - sent)} s apart`}: the header and the signer write the timestamp differently, and the server reads whole seconds.`,
      zh: `${name} 为 ${sentText}（${unit.zh}）；签名时使用的是 ${found.signed}${found.form === 'seconds' ? '（整数秒）' : ''}${same ? '，是同一时刻' : `，相差 ${Math.abs(found.seconds - sent)} 秒`}：头部与签名代码对时间戳的写法不同，而服务端按整数秒解析。`,
    };
  }
  if (found.form !== 'seconds') {
    const unit = found.form === 'milliseconds' ? { en: 'milliseconds', zh: '毫秒' } : { en: 'seconds with a fraction', zh: '带小数的秒' };
    const same = found.seconds === sent;
    return {
      en: `${name} is ${sentText} (whole seconds), but the signature was made with ${found.signed}, in ${unit.en}${same ? ' — the same instant' : `, ${Math.abs(found.seconds - sent)} s apart`}: the signer and the header write the timestamp differently.`,
      zh: `${name} 为 ${sentText}（整数秒），但签名时使用的是 ${found.signed}（${unit.zh}）${same ? '，是同一时刻' : `，相差 ${Math.abs(found.seconds - sent)} 秒`}：签名代码与写头部的代码对时间戳的写法不同。`,
    };
  }
  const distance = Math.abs(sent - found.seconds);
  const later = sent > found.seconds;
  const reason = why(distance, later);
  return {
    en: `${name} signed at ${found.signed}, sent ${sentText}: ${span(distance)} ${later ? 'later' : 'earlier'} — ${reason.en}.`,
    zh: `${name} 签名时为 ${found.signed}，发送的是 ${sentText}：${later ? '晚' : '早'}了 ${span(distance).replace(' s', ' 秒')} — ${reason.zh}。`,
  };
}
