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

test('keyedHmac equals hmac in both providers, for short, block-sized and long keys, called repeatedly', () => {
  const node = nodeCryptoHashProvider(crypto);
  // 128 and 129 bytes: SHA-384/512 hash 128-byte blocks, so a key of 65 to 128 bytes is padded there, not hashed.
  const keys: (Uint8Array | string)[] = [
    'TC3key',
    new Uint8Array(64).fill(7),
    'k'.repeat(65),
    new Uint8Array(128).fill(3),
    'k'.repeat(129),
    new Uint8Array(200).map((_, i) => i),
  ];
  for (const algorithm of ['md5', 'sha1', 'sha256', 'sha384', 'sha512'] as const)
    for (const key of keys)
      for (const provider of [node, nobleHashProvider]) {
        const keyed = provider.keyedHmac(algorithm, key);
        const prefixed = provider.keyedHmac(algorithm, key, new TextEncoder().encode('GETcvm.api.qcloud.com/v2/index.php?Action='.repeat(3)));
        for (const data of ['TC3-HMAC-SHA256\n1796150316\n', '', '签名 '.repeat(40), new Uint8Array([0, 255])]) {
          const reference = toHex(
            crypto
              .createHmac(algorithm, typeof key === 'string' ? Buffer.from(key) : key)
              .update(data)
              .digest(),
          );
          const withPrefix = crypto
            .createHmac(algorithm, typeof key === 'string' ? Buffer.from(key) : key)
            .update('GETcvm.api.qcloud.com/v2/index.php?Action='.repeat(3));
          assert.equal(toHex(prefixed.mac(data)), toHex(withPrefix.update(data).digest()), `${provider.name} ${algorithm} with a prefix`);
          assert.equal(toHex(keyed.mac(data)), reference, `${provider.name} ${algorithm} key ${key.length}`);
          assert.equal(toHex(keyed.mac(data)), reference, `${provider.name} ${algorithm}: a second call gives the same`);
        }
      }
});
