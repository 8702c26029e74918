import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseProfileId } from './chooseProfileId.js';

const profiles = [{ id: 'first' }, { id: 'second' }];

test('the chosen profile is kept while it exists', () => {
  assert.equal(chooseProfileId('second', profiles), 'second');
});

test("a first run's empty choice and a deleted profile's id fall back to the first profile", () => {
  assert.equal(chooseProfileId('', profiles), 'first');
  assert.equal(chooseProfileId('deleted-since', profiles), 'first');
  assert.equal(chooseProfileId('', [{ id: 'only' }]), 'only');
});

test('with no profile at all there is nothing to choose', () => {
  assert.equal(chooseProfileId('', []), '');
  assert.equal(chooseProfileId('deleted-since', []), '');
});
