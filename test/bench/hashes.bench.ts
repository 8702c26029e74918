import { createRequire } from 'node:module';
import { nobleHashProvider } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';
import { fmt, measureMicrosInterleaved } from './measure.js';

// Why @noble/hashes and not crypto-js (discontinued by its maintainer): the same HMAC-SHA256 chain, timed here.
const require = createRequire(import.meta.url);
const CryptoJS = require('crypto-js') as { HmacSHA256(message: string, key: unknown): unknown; SHA256(message: string): { toString(): string } };

export async function bench(): Promise<string[]> {
  const body = 'x'.repeat(1024);
  const iterations = 3000;
  // One TC3 signature's worth of hashing: payload + canonical request hashes, four HMACs.
  const chain = {
    'crypto-js 4.2.0 (discontinued)': () => {
      CryptoJS.SHA256(body).toString();
      CryptoJS.SHA256(body.slice(0, 300)).toString();
      const kDate = CryptoJS.HmacSHA256('2019-02-25', 'TC3key');
      const kService = CryptoJS.HmacSHA256('iotcloud', kDate);
      const kSigning = CryptoJS.HmacSHA256('tc3_request', kService);
      CryptoJS.HmacSHA256(body.slice(0, 150), kSigning);
    },
    '@noble/hashes (core default)': () => run(nobleHashProvider),
    'node:crypto (injected by Node hosts)': () => run(nodeHashProvider),
  };
  function run(p: typeof nobleHashProvider) {
    p.hash('sha256', body);
    p.hash('sha256', body.slice(0, 300));
    const kDate = p.hmac('sha256', 'TC3key', '2019-02-25');
    const kService = p.hmac('sha256', kDate, 'iotcloud');
    const kSigning = p.hmac('sha256', kService, 'tc3_request');
    p.hmac('sha256', kSigning, body.slice(0, 150));
  }
  // Interleaved rounds: these figures are read as ratios, which a sequential run skews by order and machine load.
  const results = Object.entries(measureMicrosInterleaved(chain, iterations));
  const noble = results[1]![1];
  return [
    `Hashing for one TC3 signature (2 SHA-256 + 4 HMAC-SHA256, 1 KB payload), median of 7 interleaved rounds x ${iterations}`,
    ...results.map(([label, micros]) => `  ${label.padEnd(40)} ${fmt(micros).padStart(10)}   ${(micros / noble).toFixed(2)}x @noble/hashes`),
  ];
}
