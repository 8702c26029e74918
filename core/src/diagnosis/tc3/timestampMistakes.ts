import { utcDateOf } from '../../signing/tc3/buildCredentialScope.js';
import type { Tc3Candidate } from './Tc3Candidate.js';

// A client that reads the clock twice (once for the header, once for signing) is off by a second or a few;
// a slow step between the two (a token fetch, a retry) by up to a minute.
const NEAR_SECONDS = 60;

/** The string to sign carries another timestamp than X-TC-Timestamp: read twice, or in milliseconds. */
export const timestampMismatch: Tc3Candidate = {
  id: 'timestamp-mismatch',
  *variants({ base, timestamp }) {
    const candidates: { signed: string; date: string; en: string; zh: string }[] = [];
    for (let d = 1; d <= NEAR_SECONDS; d++) {
      for (const t of [timestamp - d, timestamp + d]) {
        if (t < 0) continue;
        candidates.push({
          signed: String(t),
          date: utcDateOf(t),
          en: `${t} (${t > timestamp ? '+' : '−'}${d} s): the clock was read twice`,
          zh: `${t}（相差 ${d} 秒）：时间被读取了两次`,
        });
      }
    }
    candidates.push({
      signed: String(timestamp * 1000),
      date: base.date,
      en: `${timestamp * 1000}, the same time in milliseconds`,
      zh: `${timestamp * 1000}，即同一时间的毫秒值`,
    });
    if (timestamp > 1e11)
      candidates.push({
        signed: String(Math.floor(timestamp / 1000)),
        date: utcDateOf(Math.floor(timestamp / 1000)),
        en: `${Math.floor(timestamp / 1000)} seconds while the header carries milliseconds`,
        zh: `${Math.floor(timestamp / 1000)} 秒，而头部发送的是毫秒`,
      });
    for (const c of candidates) {
      yield {
        parts: { ...base, timestamp: c.signed, date: base.date === utcDateOf(timestamp) ? c.date : base.date },
        detail: {
          en: `X-TC-Timestamp is ${timestamp}, but the string to sign used ${c.en}.`,
          zh: `X-TC-Timestamp 为 ${timestamp}，但待签名字符串使用的是 ${c.zh}。`,
        },
      };
    }
  },
};
