import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tabIndexAfterKey } from './tablistKeys.js';

test('arrows wrap around, Home and End go to the ends, other keys are left to the page', () => {
  assert.equal(tabIndexAfterKey('ArrowRight', 0, 4), 1);
  assert.equal(tabIndexAfterKey('ArrowRight', 3, 4), 0);
  assert.equal(tabIndexAfterKey('ArrowLeft', 0, 4), 3);
  assert.equal(tabIndexAfterKey('Home', 2, 4), 0);
  assert.equal(tabIndexAfterKey('End', 0, 4), 3);
  assert.equal(tabIndexAfterKey('Enter', 0, 4), undefined);
  assert.equal(tabIndexAfterKey('ArrowRight', -1, 4), 1, 'no selection: counted from the first');
  assert.equal(tabIndexAfterKey('ArrowRight', 0, 0), undefined);
});
