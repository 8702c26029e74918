import { randomFillSync } from 'node:crypto';

/**
 * node:crypto randomness drawn from a 4 KB pool refilled when spent: every API answer needs 16 random bytes
 * for its RequestId, and one system call per 256 answers instead of one per answer is measurable at
 * thousands of requests a second. Each call returns a fresh copy, never a view into the pool.
 */
export function pooledRandomBytes(poolSize = 4096): (length: number) => Uint8Array {
  const pool = Buffer.alloc(poolSize);
  let offset = poolSize;
  return (length) => {
    if (length > poolSize) return randomFillSync(Buffer.alloc(length));
    if (offset + length > poolSize) {
      randomFillSync(pool);
      offset = 0;
    }
    const out = Uint8Array.prototype.slice.call(pool, offset, offset + length);
    offset += length;
    return out;
  };
}
