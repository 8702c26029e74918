import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkShadowAddress, deltaPath, parseShadowPath, shadowPath } from './shadowUri.js';

describe('shadow URIs', () => {
  it('round-trips /<ProductId>/<DeviceName>.json', () => {
    const address = { productId: 'ABCDE12345', deviceName: 'dev_1:a-b' };
    assert.equal(shadowPath(address), '/ABCDE12345/dev_1:a-b.json');
    assert.deepEqual(parseShadowPath(shadowPath(address)), { ok: true, address });
    assert.equal(deltaPath(address), '/ABCDE12345/dev_1:a-b.delta.json');
    assert.equal(parseShadowPath(deltaPath(address)).ok, false, 'the editable shadow is never opened under the delta name');
  });

  it('names the wrong part', () => {
    assert.deepEqual(parseShadowPath('/ABCDE12345'), { ok: false, reason: 'path: expected /<ProductId>/<DeviceName>.json, got "/ABCDE12345"' });
    assert.match(checkShadowAddress({ productId: 'ABC-1', deviceName: 'd' })!, /^ProductId:/);
    assert.match(checkShadowAddress({ productId: 'ABC1', deviceName: 'a b' })!, /^DeviceName:/);
    assert.match(checkShadowAddress({ productId: 'ABC1', deviceName: 'x'.repeat(61) })!, /^DeviceName: 1-60/);
  });
});
