import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readShadowMessage } from './deviceShadowMessages.js';
import { followShadowDelta } from './followShadowDelta.js';
import { formatShadowDelta, formatShadowRejection } from './shadowMessages.js';

const read = (text: string) => {
  const message = readShadowMessage(text);
  assert.ok(message, text);
  return message;
};

test('a delta push is applied and reported back, and its version is kept', () => {
  const decision = followShadowDelta(read(formatShadowDelta({ targetTemperature: 24 }, 7, 1)), 3, true);
  assert.deepEqual(decision, { version: 7, report: { targetTemperature: 24 } });
});

test('without --follow-delta the device only learns the version', () => {
  assert.deepEqual(followShadowDelta(read(formatShadowDelta({ mode: 'eco' }, 5, 1)), 2, false), { version: 5 });
});

test("a get's pending delta (payload.state.delta) is reported; a get in sync reports nothing", () => {
  const pending = JSON.stringify({ type: 'get', result: 0, payload: { state: { reported: { t: 20 }, desired: { t: 22 }, delta: { t: 22 } }, version: 4 } });
  assert.deepEqual(followShadowDelta(read(pending), 0, true), { version: 4, report: { t: 22 } });
  const inSync = JSON.stringify({ type: 'get', result: 0, payload: { state: { reported: { t: 22 }, desired: { t: 22 } }, version: 4 } });
  assert.deepEqual(followShadowDelta(read(inSync), 0, true), { version: 4 });
});

test('an older version never lowers the one kept; an update result reports nothing', () => {
  const update = JSON.stringify({ type: 'update', result: 0, payload: { state: { reported: { t: 22 } }, version: 2 } });
  assert.deepEqual(followShadowDelta(read(update), 9, true), { version: 9 });
});

test('a refused request is named and nothing is reported', () => {
  const rejected = read(formatShadowRejection('update', 409, 'version conflict', undefined, 'tok', 1));
  assert.deepEqual(followShadowDelta(rejected, 3, true), { version: 3, refused: { type: 'update', result: 409 } });
});
