import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HashProvider } from '../../crypto/HashProvider.js';
import { nobleHashProvider } from '../../crypto/nobleHashProvider.js';
import { deriveSigningKey, SigningKeyCache } from './deriveSigningKey.js';
import { toHex } from '../../encoding/bytes.js';

const KEY_A = 'keyCacheCanaryA000000000000000000';
const KEY_B = 'keyCacheCanaryB000000000000000000';

test('entries are keyed by a fingerprint of the SecretKey, never the key itself', () => {
  const cache = new SigningKeyCache();
  const keys = cache.get(KEY_A, '2026-12-01', 'iotcloud', nobleHashProvider);
  assert.equal(keys.hex.secretSigning, toHex(deriveSigningKey(KEY_A, '2026-12-01', 'iotcloud', nobleHashProvider).secretSigning));
  assert.equal(cache.size, 1);
  for (const cacheKey of cache.cacheKeys()) assert.equal(cacheKey.includes(KEY_A), false);
  assert.equal(cache.get(KEY_A, '2026-12-01', 'iotcloud', nobleHashProvider), keys, 'a hit returns the cached entry');
});

test("forget drops one key's entries (every date and service), clear drops all", () => {
  const cache = new SigningKeyCache();
  cache.get(KEY_A, '2026-12-01', 'iotcloud', nobleHashProvider);
  cache.get(KEY_A, '2026-12-02', 'trro', nobleHashProvider);
  const b = cache.get(KEY_B, '2026-12-01', 'iotcloud', nobleHashProvider);
  cache.forget(KEY_A);
  assert.equal(cache.size, 1);
  assert.equal(cache.get(KEY_B, '2026-12-01', 'iotcloud', nobleHashProvider), b);
  cache.forget('never-cached');
  assert.equal(cache.size, 1);
  cache.clear();
  assert.equal(cache.size, 0);
});

test('forget reaches entries made with another hash provider', () => {
  const other: HashProvider = { ...nobleHashProvider, name: 'other' };
  const cache = new SigningKeyCache();
  cache.get(KEY_A, '2026-12-01', 'iotcloud', nobleHashProvider);
  cache.get(KEY_A, '2026-12-01', 'iotcloud', other);
  assert.equal(cache.size, 2);
  cache.forget(KEY_A);
  assert.equal(cache.size, 0);
});

test('bounded: the oldest entry goes first', () => {
  const cache = new SigningKeyCache(2);
  cache.get(KEY_A, '2026-12-01', 'iotcloud', nobleHashProvider);
  cache.get(KEY_A, '2026-12-02', 'iotcloud', nobleHashProvider);
  cache.get(KEY_A, '2026-12-03', 'iotcloud', nobleHashProvider);
  assert.equal(cache.size, 2);
});
