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

test('a long filter against a long topic answers in one pass', () => {
  const topic = Array.from({ length: 50_000 }, (_, i) => `l${i}`).join('/');
  assert.ok(topicMatchesFilter(topic.replace(/l\d+$/, '#'), topic));
  assert.ok(!topicMatchesFilter(`${'+/'.repeat(49_999)}x`, topic));
});
