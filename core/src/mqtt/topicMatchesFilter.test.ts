import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidTopicFilter, topicMatchesFilter } from './topicMatchesFilter.js';

test('an exact filter matches only its own topic', () => {
  assert.ok(topicMatchesFilter('P1/dev1/event', 'P1/dev1/event'));
  assert.ok(!topicMatchesFilter('P1/dev1/event', 'P1/dev1/data'));
  assert.ok(!topicMatchesFilter('P1/dev1/event', 'P1/dev1/event/x'));
  assert.ok(!topicMatchesFilter('P1/dev1/event', 'P1/dev1'));
  assert.ok(!topicMatchesFilter('P1/dev1/event', 'p1/dev1/event'), 'levels compare case-sensitively');
});

test('+ matches exactly one level, including an empty one', () => {
  assert.ok(topicMatchesFilter('P1/+/event', 'P1/dev1/event'));
  assert.ok(topicMatchesFilter('P1/+/event', 'P1//event'));
  assert.ok(!topicMatchesFilter('P1/+/event', 'P1/a/b/event'));
  assert.ok(!topicMatchesFilter('P1/+', 'P1'));
  assert.ok(topicMatchesFilter('+/+/+', 'P1/dev1/data'));
});

test('# matches the parent level and everything below it', () => {
  assert.ok(topicMatchesFilter('P1/#', 'P1'));
  assert.ok(topicMatchesFilter('P1/#', 'P1/dev1'));
  assert.ok(topicMatchesFilter('P1/#', 'P1/dev1/event/deep'));
  assert.ok(!topicMatchesFilter('P1/#', 'P2/dev1'));
  assert.ok(topicMatchesFilter('#', 'P1/dev1/event'));
  assert.ok(topicMatchesFilter('P1/+/#', 'P1/dev1/event'));
});

test('wildcard-first filters do not match $ topics; a spelled-out $ level does', () => {
  assert.ok(!topicMatchesFilter('#', '$shadow/operation/P1/dev1'));
  assert.ok(!topicMatchesFilter('+/operation/P1/dev1', '$shadow/operation/P1/dev1'));
  assert.ok(topicMatchesFilter('$shadow/operation/+/+', '$shadow/operation/P1/dev1'));
  assert.ok(topicMatchesFilter('$shadow/#', '$shadow/operation/result/P1/dev1'));
});

test('malformed filters and wildcard topics match nothing', () => {
  for (const bad of ['', 'P1/#/event', 'P1/dev#', 'P1/de+v/event', 'a/\u0000']) {
    assert.ok(!isValidTopicFilter(bad), bad);
    assert.ok(!topicMatchesFilter(bad, 'P1/dev1/event'), bad);
  }
  assert.ok(!topicMatchesFilter('P1/+/event', 'P1/+/event'), 'a topic with a wildcard is not a topic');
  assert.ok(!topicMatchesFilter('#', ''));
  assert.ok(isValidTopicFilter('P1/+/#'));
});

test('empty levels are levels', () => {
  assert.ok(topicMatchesFilter('a/+', 'a/'));
  assert.ok(topicMatchesFilter('a//b', 'a//b'));
  assert.ok(topicMatchesFilter('a/', 'a/'));
  assert.ok(!topicMatchesFilter('a', 'a/'));
  assert.ok(!topicMatchesFilter('a/', 'a'));
  assert.ok(topicMatchesFilter('+/+', '/x'));
  assert.ok(!topicMatchesFilter('a/#x', 'a/b'));
  assert.ok(!topicMatchesFilter('a/b/+x', 'a/b/c'));
});

test('it agrees with a level-by-level reading of MQTT 3.1.1 §4.7 on generated filters and topics', () => {
  // The spec read the plain way (split into levels), as the independent answer for the one-pass matcher.
  const byLevels = (filter: string, topic: string): boolean => {
    if (!isValidTopicFilter(filter) || topic === '' || /[+#]/.test(topic) || topic.includes('\u0000')) return false;
    const f = filter.split('/');
    const t = topic.split('/');
    if (topic.startsWith('$') && (f[0] === '+' || f[0] === '#')) return false;
    for (let i = 0; i < f.length; i++) {
      if (f[i] === '#') return true;
      if (i >= t.length || (f[i] !== '+' && f[i] !== t[i])) return false;
    }
    return f.length === t.length;
  };
  const parts = ['a', 'b', '', '+', '#', '$s', 'a+', '#b'];
  let seed = 7;
  const pick = () => parts[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % parts.length]!;
  for (let i = 0; i < 20_000; i++) {
    const filter = Array.from({ length: 1 + (i % 4) }, pick).join('/');
    const topic = Array.from({ length: 1 + ((i >> 2) % 4) }, () => pick().replace(/[+#]/g, 'c')).join('/');
    assert.equal(topicMatchesFilter(filter, topic), byLevels(filter, topic), `${filter} vs ${topic}`);
  }
});

test('a long filter against a long topic answers in one pass', () => {
  const topic = Array.from({ length: 50_000 }, (_, i) => `l${i}`).join('/');
  assert.ok(topicMatchesFilter(topic.replace(/l\d+$/, '#'), topic));
  assert.ok(!topicMatchesFilter(`${'+/'.repeat(49_999)}x`, topic));
});
