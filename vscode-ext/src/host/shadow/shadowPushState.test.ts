import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shadowPushState } from './shadowPushState.js';

const read = '{"version": 5, "desired": 18}';
const edited = '{"version": 5, "desired": 2}';
const reloaded = '{"version": 6, "desired": 2}';

describe('what the shadow editor says about its text', () => {
  it('as read, until the text differs from the cloud copy', () => {
    assert.deepEqual(shadowPushState({ text: read, baseText: read, baseVersion: 5 }), { kind: 'asRead', version: 5 });
    assert.deepEqual(shadowPushState({ text: edited, baseText: read, baseVersion: 5 }), { kind: 'notPushed', baseVersion: 5 });
  });

  it('pushed: the text sent (before the editor reloads) and the cloud copy it reloads to', () => {
    const lastPush = { text: edited, version: 6 };
    assert.deepEqual(shadowPushState({ text: edited, baseText: reloaded, baseVersion: 6, lastPush }), { kind: 'pushed', version: 6 });
    assert.deepEqual(shadowPushState({ text: reloaded, baseText: reloaded, baseVersion: 6, lastPush }), { kind: 'pushed', version: 6 });
    // Typing again after the push: not pushed any more.
    assert.deepEqual(shadowPushState({ text: reloaded.replace('2', '3'), baseText: reloaded, baseVersion: 6, lastPush }), {
      kind: 'notPushed',
      baseVersion: 6,
    });
  });

  it('a conflict wins over everything: nothing is pushed until it is resolved', () => {
    assert.deepEqual(shadowPushState({ text: edited, baseText: read, baseVersion: 5, conflictLatestVersion: 7 }), {
      kind: 'conflict',
      readVersion: 5,
      latestVersion: 7,
    });
  });
});
