import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { test } from 'node:test';
import { toHex } from '../encoding/bytes.js';
import { nobleHashProvider } from './nobleHashProvider.js';
import { nodeCryptoHashProvider } from './nodeCryptoHashProvider.js';

test('node:crypto behind the HashProvider gives the same digests as the default @noble/hashes', () => {
  const node = nodeCryptoHashProvider(crypto);
  assert.equal(node.name, 'node:crypto');
  const key = new Uint8Array([1, 2, 3, 250]);
  for (const algorithm of ['md5', 'sha1', 'sha256'] as const)
    for (const data of ['', 'TC3-HMAC-SHA256 签名', new Uint8Array([0, 255, 128])]) {
      assert.equal(toHex(node.hash(algorithm, data)), toHex(nobleHashProvider.hash(algorithm, data)), `${algorithm} hash`);
      assert.equal(toHex(node.hmac(algorithm, key, data)), toHex(nobleHashProvider.hmac(algorithm, key, data)), `${algorithm} hmac`);
      assert.equal(toHex(node.hmac(algorithm, 'TC3key', data)), toHex(nobleHashProvider.hmac(algorithm, 'TC3key', data)), `${algorithm} hmac, string key`);
    }
});
