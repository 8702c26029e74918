import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskSecret } from './maskSecret.js';

test('a SecretKey shows its first 4 characters only', () => {
  assert.equal(maskSecret('Gu5t9xGARNpq86cd98joQYCN3EXAMPLE'), 'Gu5t****');
});

test('a short secret shows nothing of itself', () => {
  for (const secret of ['a', 'abcd', 'abcdefgh', 'abcdefghijk']) assert.equal(maskSecret(secret), '****');
  assert.equal(maskSecret(''), '');
});
