import { utcDateOf } from '../../signing/tc3/buildCredentialScope.js';
import type { LocalizedText } from '../../signing/SigningStep.js';
import type { Tc3Candidate } from './Tc3Candidate.js';

const MIN_OFFSET = -12 * 60;
const MAX_OFFSET = 14 * 60;

/** The local dates a timestamp falls on across real UTC offsets (−12:00…+14:00, quarter hours), each with its offset range in minutes. */
export function localDatesOf(timestamp: number): Map<string, { from: number; to: number }> {
  const dates = new Map<string, { from: number; to: number }>();
  const secondOfDay = ((timestamp % 86400) + 86400) % 86400;
  // Walked by day index rather than formatting 105 dates: this runs on every diagnosis.
  for (let offset = MIN_OFFSET; offset <= MAX_OFFSET; offset += 15) {
    const day = Math.floor((secondOfDay + offset * 60) / 86400);
    const date = utcDateOf(timestamp + day * 86400);
    const range = dates.get(date);
    if (range) range.to = offset;
    else dates.set(date, { from: offset, to: offset });
    // Jump to the last offset of this day (the next iteration starts the next day, if any).
    const lastOfDay = Math.floor(((day + 1) * 86400 - secondOfDay - 1) / 60 / 15) * 15;
    if (lastOfDay > offset) {
      const to = Math.min(lastOfDay, MAX_OFFSET);
      dates.get(date)!.to = to;
      offset = to;
    }
  }
  return dates;
}

const offsetText = (minutes: number) =>
  `UTC${minutes < 0 ? '−' : '+'}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Why a credential date is the local one: which offsets give it, and the doc's point that such a client fails only
 * in the hours when the local date and the UTC date differ (00:00–08:00 in UTC+8).
 */
export function localDateDetail(timestamp: number, signedDate: string): LocalizedText | undefined {
  const range = localDatesOf(timestamp).get(signedDate);
  const utcDate = utcDateOf(timestamp);
  if (range === undefined || signedDate === utcDate) return undefined;
  const ahead = range.to > 0;
  // UTC+8 is the doc's example (and most of this API's users); otherwise the nearest whole-hour offset in range.
  const example = ahead
    ? range.from <= 480 && range.to >= 480
      ? 480
      : Math.max(60, Math.ceil(range.from / 60) * 60)
    : Math.min(-60, Math.floor(range.to / 60) * 60);
  const local = new Date((timestamp + example * 60) * 1000).toISOString().slice(11, 16);
  const window = ahead ? `between 00:00 and ${clock(example)}` : `between ${clock(24 * 60 + example)} and 24:00`;
  const windowZh = ahead ? `00:00 至 ${clock(example)} 之间` : `${clock(24 * 60 + example)} 至 24:00 之间`;
  return {
    en: `The credential date is ${signedDate}, but X-TC-Timestamp ${timestamp} is ${utcDate} in UTC. ${signedDate} is the local date at that instant for offsets ${offsetText(range.from)} to ${offsetText(range.to)}, e.g. ${offsetText(example)} where it was ${signedDate} ${local}. A client making this mistake in ${offsetText(example)} fails only ${window} local time, and works the rest of the day.`,
    zh: `凭证日期为 ${signedDate}，但 X-TC-Timestamp ${timestamp} 的 UTC 日期是 ${utcDate}。${signedDate} 是该时刻在 ${offsetText(range.from)} 至 ${offsetText(range.to)} 时区的本地日期，例如 ${offsetText(example)} 当时为 ${signedDate} ${local}。在 ${offsetText(example)} 犯此错误的程序只在本地时间 ${windowZh} 失败，其余时间正常。`,
  };
}

/** The date signed was the local date while the Authorization shows the UTC one (or the other way round): try each local date. */
export const localDateNotUtc: Tc3Candidate = {
  id: 'local-date-not-utc',
  *variants({ base, timestamp }) {
    for (const date of localDatesOf(timestamp).keys()) {
      const detail = localDateDetail(timestamp, date);
      if (date !== base.date && detail) yield { parts: { ...base, date }, detail };
    }
  },
};
