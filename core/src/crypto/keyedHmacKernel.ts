import type { KeyedHmac } from './HashProvider.js';

// FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
// prettier-ignore
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
// FIPS 180-4 §5.3.3: the initial hash value.
const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/** SHA-256's message schedule: w[16..63] from w[0..15]. */
function expand(w: Int32Array): void {
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15]!;
    const y = w[t - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
  }
}

/**
 * SHA-256's 64 rounds over an expanded schedule, added into state. Eight rounds per pass with the working variables'
 * names rotated instead of moved (as OpenSSL's sha256 ROUND macros do): each round writes only d and h of its own
 * naming, which took a tenth off the timestamp search (test/bench/diagnose.bench.ts).
 */
function rounds(state: Int32Array, w: Int32Array): void {
  let a = state[0]!,
    b = state[1]!,
    c = state[2]!,
    d = state[3]!,
    e = state[4]!,
    f = state[5]!,
    g = state[6]!,
    h = state[7]!;
  let t1: number;
  for (let t = 0; t < 64; t += 8) {
    // round t + 0: FIPS 180-4's a b c d e f g h are here a b c d e f g h
    t1 = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + K[t + 0]! + w[t + 0]!) | 0;
    d = (d + t1) | 0;
    h = (t1 + (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    // round t + 1: FIPS 180-4's a b c d e f g h are here h a b c d e f g
    t1 = (g + (((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) + ((d & e) ^ (~d & f)) + K[t + 1]! + w[t + 1]!) | 0;
    c = (c + t1) | 0;
    g = (t1 + (((h >>> 2) | (h << 30)) ^ ((h >>> 13) | (h << 19)) ^ ((h >>> 22) | (h << 10))) + ((h & a) ^ (h & b) ^ (a & b))) | 0;
    // round t + 2: FIPS 180-4's a b c d e f g h are here g h a b c d e f
    t1 = (f + (((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) + ((c & d) ^ (~c & e)) + K[t + 2]! + w[t + 2]!) | 0;
    b = (b + t1) | 0;
    f = (t1 + (((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) + ((g & h) ^ (g & a) ^ (h & a))) | 0;
    // round t + 3: FIPS 180-4's a b c d e f g h are here f g h a b c d e
    t1 = (e + (((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) + ((b & c) ^ (~b & d)) + K[t + 3]! + w[t + 3]!) | 0;
    a = (a + t1) | 0;
    e = (t1 + (((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) + ((f & g) ^ (f & h) ^ (g & h))) | 0;
    // round t + 4: FIPS 180-4's a b c d e f g h are here e f g h a b c d
    t1 = (d + (((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) + ((a & b) ^ (~a & c)) + K[t + 4]! + w[t + 4]!) | 0;
    h = (h + t1) | 0;
    d = (t1 + (((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) + ((e & f) ^ (e & g) ^ (f & g))) | 0;
    // round t + 5: FIPS 180-4's a b c d e f g h are here d e f g h a b c
    t1 = (c + (((h >>> 6) | (h << 26)) ^ ((h >>> 11) | (h << 21)) ^ ((h >>> 25) | (h << 7))) + ((h & a) ^ (~h & b)) + K[t + 5]! + w[t + 5]!) | 0;
    g = (g + t1) | 0;
    c = (t1 + (((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) + ((d & e) ^ (d & f) ^ (e & f))) | 0;
    // round t + 6: FIPS 180-4's a b c d e f g h are here c d e f g h a b
    t1 = (b + (((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) + ((g & h) ^ (~g & a)) + K[t + 6]! + w[t + 6]!) | 0;
    f = (f + t1) | 0;
    b = (t1 + (((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) + ((c & d) ^ (c & e) ^ (d & e))) | 0;
    // round t + 7: FIPS 180-4's a b c d e f g h are here b c d e f g h a
    t1 = (a + (((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) + ((f & g) ^ (~f & h)) + K[t + 7]! + w[t + 7]!) | 0;
    e = (e + t1) | 0;
    a = (t1 + (((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) + ((b & c) ^ (b & d) ^ (c & d))) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/** SHA-1's message schedule (FIPS 180-4 §6.1.2): w[16..79] from w[0..15]. */
function expandSha1(w: Int32Array): void {
  for (let t = 16; t < 80; t++) {
    const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!;
    w[t] = (x << 1) | (x >>> 31);
  }
}

/**
 * SHA-1's 80 rounds over an expanded schedule, added into the 5 words of state: four passes of 20, one per round
 * function (FIPS 180-4 §4.1.1), so no round chooses its function.
 */
function roundsSha1(state: Int32Array, w: Int32Array): void {
  let a = state[0]!,
    b = state[1]!,
    c = state[2]!,
    d = state[3]!,
    e = state[4]!;
  let temp: number;
  for (let t = 0; t < 20; t++) {
    temp = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + 0x5a827999 + e + w[t]!) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = temp;
  }
  for (let t = 20; t < 40; t++) {
    temp = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w[t]!) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = temp;
  }
  for (let t = 40; t < 60; t++) {
    temp = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc + e + w[t]!) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = temp;
  }
  for (let t = 60; t < 80; t++) {
    temp = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0xca62c1d6 + e + w[t]!) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = temp;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
}
const SHA1_IV = new Int32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);

/** The two big-endian Merkle–Damgård hashes a timestamp search repeats: their compression, initial state and size. */
const KERNELS = {
  sha256: { expand, rounds, iv: IV, words: 8, schedule: 64 },
  sha1: { expand: expandSha1, rounds: roundsSha1, iv: SHA1_IV, words: 5, schedule: 80 },
} as const;
export type KernelAlgorithm = keyof typeof KERNELS;

/** Loads the 64 bytes at offset big-endian into w[0..15]. */
function load(w: Int32Array, p: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const o = offset + i * 4;
    w[i] = (p[o]! << 24) | (p[o + 1]! << 16) | (p[o + 2]! << 8) | p[o + 3]!;
  }
}

/**
 * HMAC-SHA256 or HMAC-SHA1 (RFC 2104) with the key's two padded blocks compressed once: each message then costs its own blocks
 * plus one outer block, with no allocation but the 32-byte result. Written here rather than taken from a library
 * because neither node:crypto (an object and a native call per step, ~4 µs) nor @noble/hashes (a clone, buffers)
 * lets a search of 260 000 short strings under one key stay under the diagnosis's time budget. Checked against
 * node:crypto in keyedHmacKernel.test.ts.
 */
export function keyedHmacKernel(
  algorithm: KernelAlgorithm,
  key: Uint8Array,
  hash: (data: Uint8Array) => Uint8Array,
  prefix: Uint8Array = new Uint8Array(0),
): KeyedHmac {
  const { expand, rounds, iv, words, schedule } = KERNELS[algorithm];
  const compress = (state: Int32Array, block: Int32Array) => {
    expand(block);
    rounds(state, block);
  };
  const k = key.length > 64 ? hash(key) : key;
  const w = new Int32Array(schedule);
  const padded = (byte: number) => {
    const block = new Uint8Array(64).fill(byte);
    for (let i = 0; i < k.length; i++) block[i] = k[i]! ^ byte;
    const state = iv.slice();
    load(w, block, 0);
    compress(state, w);
    return state;
  };
  const inner = padded(0x36);
  const outer = padded(0x5c);
  // The prefix's whole blocks go into the inner state once; its remainder starts every message.
  const whole = prefix.length - (prefix.length % 64);
  for (let offset = 0; offset < whole; offset += 64) {
    load(w, prefix, offset);
    compress(inner, w);
  }
  const tail = prefix.subarray(whole);
  const state = new Int32Array(words);
  const encoder = new TextEncoder();
  // The padded message, kept while messages keep their length (a search's do): only the message bytes are rewritten.
  let message = new Uint8Array(0);
  let paddedFor = -1;
  // Each message block's expanded schedule, kept while the block's words stay: in a timestamp search only the block
  // holding the timestamp changes, and the schedule is a third of a compression's work.
  let schedules: Int32Array[] = [];
  return {
    mac(input) {
      const data = typeof input === 'string' ? encoder.encode(input) : input;
      const n = tail.length + data.length;
      if (n !== paddedFor) {
        // 0x80 after the message, zeros, and the bit length (key block and prefix included) in the last 8 bytes.
        message = new Uint8Array((Math.floor((n + 8) / 64) + 1) * 64);
        message.set(tail);
        message[n] = 0x80;
        const bits = (n + 64 + whole) * 8;
        const view = new DataView(message.buffer);
        view.setUint32(message.length - 8, Math.floor(bits / 0x100000000));
        view.setUint32(message.length - 4, bits >>> 0);
        paddedFor = n;
        schedules = Array.from({ length: message.length / 64 }, () => new Int32Array(schedule));
      }
      message.set(data, tail.length);
      state.set(inner);
      for (let block = 0; block < schedules.length; block++) {
        const kept = schedules[block]!;
        // kept[16] is 0 only before the first expansion (a schedule word is almost never 0; if it is, it is recomputed).
        let same = kept[16] !== 0;
        for (let i = 0, o = block * 64; i < 16; i++, o += 4) {
          const word = (message[o]! << 24) | (message[o + 1]! << 16) | (message[o + 2]! << 8) | message[o + 3]!;
          if (kept[i] !== word) {
            kept[i] = word;
            same = false;
          }
        }
        if (!same) expand(kept);
        rounds(state, kept);
      }
      // The outer message is the inner digest: one block, after the opad block.
      for (let i = 0; i < words; i++) w[i] = state[i]!;
      w[words] = 0x80000000 | 0;
      for (let i = words + 1; i < 15; i++) w[i] = 0;
      w[15] = (64 + words * 4) * 8;
      state.set(outer);
      compress(state, w);
      const out = new Uint8Array(words * 4);
      for (let i = 0; i < words; i++) {
        const v = state[i]!;
        out[i * 4] = v >>> 24;
        out[i * 4 + 1] = (v >>> 16) & 0xff;
        out[i * 4 + 2] = (v >>> 8) & 0xff;
        out[i * 4 + 3] = v & 0xff;
      }
      return out;
    },
  };
}
