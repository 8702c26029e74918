import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alphaOf, contrastOn } from './contrast.js';

test('WCAG ratios of known pairs, and translucent text composited over its background first', () => {
  assert.equal(contrastOn('rgb(0, 0, 0)', 'rgb(255, 255, 255)').toFixed(1), '21.0');
  assert.equal(contrastOn('#767676', '#ffffff').toFixed(2), '4.54');
  // Half-transparent black over white is mid grey, far below black's 21:1.
  assert.ok(Math.abs(contrastOn('rgba(0, 0, 0, 0.5)', 'rgb(255, 255, 255)') - contrastOn('rgb(128, 128, 128)', 'rgb(255, 255, 255)')) < 0.05);
  assert.throws(() => contrastOn('#000', 'rgba(0, 0, 0, 0)'), /opaque/);
  assert.equal(alphaOf('rgba(1, 2, 3, 0.25)'), 0.25);
});
