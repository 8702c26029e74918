import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { test } from 'node:test';
import { toHex } from '../encoding/bytes.js';
import { keyedHmacKernel } from './keyedHmacKernel.js';

const digest = (algorithm: string) => (data: Uint8Array) => new Uint8Array(createHash(algorithm).update(data).digest());

test('the kernel equals node:crypto HMAC-SHA256 and HMAC-SHA1 at every message length around the block and padding edges', () => {
  for (const algorithm of ['sha256', 'sha1'] as const)
    for (const key of [new Uint8Array(32).fill(9), new Uint8Array(0), new Uint8Array(64).map((_, i) => i), new Uint8Array(100).fill(0xff)]) {
      const keyed = keyedHmacKernel(algorithm, key, digest(algorithm));
      for (let n = 0; n <= 200; n++) {
        const data = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff);
        assert.equal(toHex(keyed.mac(data)), createHmac(algorithm, key).update(data).digest('hex'), `${algorithm} key ${key.length}, message ${n}`);
      }
      assert.equal(toHex(keyed.mac('签名 TC3')), createHmac(algorithm, key).update('签名 TC3', 'utf8').digest('hex'), 'a string is hashed as UTF-8');
    }
});

test('the kernel with a prefix equals HMAC over prefix + message, for prefixes shorter and longer than a block', () => {
  const key = new Uint8Array(32).fill(5);
  for (const algorithm of ['sha256', 'sha1'] as const)
    for (const length of [0, 1, 63, 64, 65, 130, 300]) {
      const prefix = new Uint8Array(length).map((_, i) => (i * 7) & 0xff);
      const keyed = keyedHmacKernel(algorithm, key, digest(algorithm), prefix);
      for (const message of ['', '1796150316&Version=2021-04-08', 'x'.repeat(70)])
        assert.equal(
          toHex(keyed.mac(message)),
          createHmac(algorithm, key).update(prefix).update(message).digest('hex'),
          `${algorithm} prefix ${length}, message ${message.length}`,
        );
    }
});

test('the kernel keeps a block schedule only while the block is unchanged: same-length messages differing in any one block', () => {
  for (const algorithm of ['sha256', 'sha1'] as const) {
    const key = new Uint8Array(32).fill(1);
    const keyed = keyedHmacKernel(algorithm, key, digest(algorithm));
    const base = new Uint8Array(150).map((_, i) => (i * 13) & 0xff);
    for (let round = 0; round < 40; round++) {
      const data = base.slice();
      const at = (round * 37) % data.length;
      data[at] = data[at]! ^ (1 + round);
      assert.equal(toHex(keyed.mac(data)), createHmac(algorithm, key).update(data).digest('hex'), `${algorithm} round ${round}`);
      assert.equal(toHex(keyed.mac(base)), createHmac(algorithm, key).update(base).digest('hex'), `${algorithm} back to the base, round ${round}`);
    }
  }
});
