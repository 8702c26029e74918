import { nobleHashProvider, signDeviceCredentials, signOneNetToken, verifyDeviceCredentials, verifyOneNetToken } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';
import { fmt, measureMicros } from './measure.js';

/** Device-side credentials: one generation, a right verify, and the worst verify (every mistake retried, none matches). */
export async function bench(): Promise<string[]> {
  const now = 1_700_000_000;
  const psk = Buffer.from('benchOnlyMadeUpK').toString('base64');
  const key = Buffer.from('benchOnlyMadeUpOneNetAccessKey!!').toString('base64');
  const iterations = 3000;
  const lines = [`Device credentials (median of 7 rounds x ${iterations})`];
  for (const crypto of [nodeHashProvider, nobleHashProvider]) {
    const mqtt = signDeviceCredentials({ productId: 'ABCDE12345', deviceName: 'dev_1', devicePsk: psk, now, connid: 'a1B2c' }, { crypto });
    const token = signOneNetToken({ res: 'products/123456/devices/dev-01', et: now + 3600, method: 'sha256', key, now }, { crypto });
    const wrongPassword = 'f'.repeat(64) + ';hmacsha256';
    const wrongToken = token.token.replace(/sign=.*$/, 'sign=' + encodeURIComponent(Buffer.alloc(32, 1).toString('base64')));
    const rows: [string, () => unknown][] = [
      ['MQTT sign', () => signDeviceCredentials({ productId: 'ABCDE12345', deviceName: 'dev_1', devicePsk: psk, now, connid: 'a1B2c' }, { crypto })],
      ['MQTT verify, right', () => verifyDeviceCredentials({ username: mqtt.username, password: mqtt.password, devicePsk: psk, now }, { crypto })],
      [
        'MQTT verify, no mistake matches (4 HMACs)',
        () => verifyDeviceCredentials({ username: mqtt.username, password: wrongPassword, devicePsk: psk, now }, { crypto }),
      ],
      ['OneNET sign', () => signOneNetToken({ res: 'products/123456/devices/dev-01', et: now + 3600, method: 'sha256', key, now }, { crypto })],
      ['OneNET verify, right', () => verifyOneNetToken({ token: token.token, key, now }, { crypto })],
      ['OneNET verify, no mistake matches (all retries)', () => verifyOneNetToken({ token: wrongToken, key, now }, { crypto })],
    ];
    for (const [label, fn] of rows) lines.push(`  ${`${label} [${crypto.name}]`.padEnd(64)} ${fmt(measureMicros(fn, iterations)).padStart(10)}`);
  }
  return lines;
}
