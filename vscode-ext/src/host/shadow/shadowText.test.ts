import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseShadowData, prepareShadowUpdate, type ShadowDocument } from '@iot-devkit/core';
import { changedDesired, compareWithLatest, patchPaths, reapplyEdit, renderShadow, renderShadowDelta } from './shadowText.js';

const base: ShadowDocument = {
  state: { desired: { color: 'red', brightness: 40, mode: 'auto' }, reported: { color: 'red', brightness: 10 } },
  metadata: { desired: { color: { timestamp: 1 } }, reported: { color: { timestamp: 1 } } },
  version: 5,
  timestamp: 1,
};

describe('shadow text', () => {
  it('renders the payload the core reads back unchanged', () => {
    const parsed = parseShadowData(renderShadow(base));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.shadow, base);
  });

  it('shows the delta: desired the device has not reported yet', () => {
    assert.deepEqual(JSON.parse(renderShadowDelta(base)), { delta: { brightness: 40, mode: 'auto' }, inSync: false, version: 5 });
    const synced = { ...base, state: { desired: { a: 1 }, reported: { a: 1 } } };
    assert.deepEqual(JSON.parse(renderShadowDelta(synced)), { delta: {}, inSync: true, version: 5 });
  });

  it('re-applies my desired edits (changed, added, removed) on a newer shadow, keeping theirs', () => {
    const mine = renderShadow({ ...base, state: { ...base.state, desired: { color: 'green', brightness: 40, fan: 'on' } } });
    const latest: ShadowDocument = {
      ...base,
      state: { desired: { color: 'red', brightness: 80, mode: 'auto' }, reported: { color: 'blue', brightness: 10 } },
      version: 6,
      timestamp: 2,
    };
    const result = reapplyEdit(base, mine, latest);
    assert.ok(result.ok);
    assert.deepEqual(result.shadow.state.desired, { color: 'green', brightness: 80, fan: 'on' });
    assert.deepEqual(result.shadow.state.reported, latest.state.reported);
    assert.equal(result.shadow.version, 6);
    // Saved against the latest, it sends only my change, at the latest version.
    const update = prepareShadowUpdate({ productId: 'P1', deviceName: 'd', editedText: result.text, original: latest });
    assert.ok(update.ok);
    assert.deepEqual(update.params, {
      ProductId: 'P1',
      DeviceName: 'd',
      State: JSON.stringify({ desired: { mode: null, color: 'green', fan: 'on' } }),
      ShadowVersion: 6,
    });
  });

  it('says why it cannot re-apply an invalid version', () => {
    const result = reapplyEdit(base, '{"state": ', base);
    assert.ok(!result.ok);
    assert.match(result.reason, /not valid JSON/);
  });

  it('compares a conflict desired first, where only my desired change differs', () => {
    // I changed mode and removed brightness; meanwhile someone set color and the device reported.
    const mine = renderShadow({ ...base, state: { ...base.state, desired: { color: 'red', mode: 'eco' } } });
    const latest: ShadowDocument = {
      state: { desired: { color: 'blue', brightness: 40, mode: 'auto' }, reported: { color: 'blue', brightness: 40 } },
      metadata: { desired: { color: { timestamp: 9 } }, reported: { color: { timestamp: 9 } } },
      version: 7,
      timestamp: 9,
    };
    const comparison = compareWithLatest(base, mine, latest);
    assert.ok(comparison.ok);
    const left = comparison.latest.split('\n');
    const right = comparison.yours.split('\n');
    assert.equal(left[1], '  "desired": {', 'desired leads');
    assert.deepEqual(Object.keys(JSON.parse(comparison.yours)), ['desired', 'reported', 'version', 'metadata', 'timestamp']);
    // The lines that differ are my desired change only: not reported, metadata, version or timestamps.
    const differing = right.filter((line) => !left.includes(line));
    assert.deepEqual(differing, ['    "mode": "eco"']);
    assert.ok(left.includes('    "brightness": 40,') && !comparison.yours.includes('"brightness": 40,'), 'the removed key is missing on my side');
    // What the conflict message names as changed on the cloud: their desired keys, not mine.
    assert.deepEqual(changedDesired(base, latest), ['color']);
  });

  it('names nested changes by path', () => {
    assert.deepEqual(patchPaths({ a: { b: 1, c: null }, d: {} }), ['a.b', 'a.c (removed)', 'd']);
  });
});
