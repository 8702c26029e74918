import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localDateDetail, localDatesOf } from './dateMistakes.js';

const bruteForce = (timestamp: number) => {
  const dates = new Map<string, { from: number; to: number }>();
  for (let offset = -720; offset <= 840; offset += 15) {
    const date = new Date((timestamp + offset * 60) * 1000).toISOString().slice(0, 10);
    const range = dates.get(date);
    if (range) range.to = offset;
    else dates.set(date, { from: offset, to: offset });
  }
  return [...dates];
};

test('local dates across −12:00…+14:00 equal a quarter-hour brute force, at day edges and at random', () => {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const timestamps = [0, 1, 86399, 86400, 1551113065, 1551052800, 1551052799, 1551139199, ...Array.from({ length: 5000 }, () => next() * 2)];
  for (const ts of timestamps) assert.deepEqual([...localDatesOf(ts)], bruteForce(ts), String(ts));
});

test("the doc's case: 1551113065 is 2019-02-26 from UTC+07:30 on, failing 00:00–08:00 in UTC+8", () => {
  assert.deepEqual(localDatesOf(1551113065).get('2019-02-26'), { from: 450, to: 840 });
  const detail = localDateDetail(1551113065, '2019-02-26');
  assert.match(detail?.en ?? '', /UTC\+08:00 where it was 2019-02-26 00:44.*between 00:00 and 08:00 local time/);
  assert.equal(localDateDetail(1551113065, '2019-02-25'), undefined, 'the UTC date is no mistake');
  assert.equal(localDateDetail(1551113065, '2019-03-01'), undefined, 'no time zone gives that date');
});

test('a western offset fails in the evening instead', () => {
  // 2019-02-25 03:30 UTC is still 2019-02-24 west of UTC−03:30.
  const detail = localDateDetail(1551065400, '2019-02-24');
  assert.match(detail?.en ?? '', /between \d\d:00 and 24:00 local time/);
});
