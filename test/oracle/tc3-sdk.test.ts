import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeMultipartBody, percentEncode, signTc3 } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';
import { ALNUM, createRandom, UNICODE, type Random } from '../support/random.js';
import { sdkSign } from '../support/tencentSdk.js';

const SEED = 20261123;
const HOSTS = [
  'iotcloud.tencentcloudapi.com',
  'iotcloud.ap-guangzhou.tencentcloudapi.com',
  'trro.tencentcloudapi.com',
  'iotcloud.ap-shanghai-fsi.tencentcloudapi.com',
];
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8'];

/** A timestamp in the first 8 hours after a UTC midnight: where a local-time date goes wrong in UTC+8. */
function earlyUtcTimestamp(random: Random): number {
  const day = random.int(17000, 21000) * 86400;
  return day + random.int(0, 8 * 3600 - 1);
}

function randomJsonValue(random: Random, depth: number): unknown {
  const kind = random.int(0, depth > 2 ? 3 : 5);
  if (kind === 0) return random.string(UNICODE, 0, 24);
  if (kind === 1) return random.int(-1e6, 1e6);
  if (kind === 2) return random.pick([true, false, null]);
  if (kind === 3) return random.next() * 1000;
  if (kind === 4) return Array.from({ length: random.int(0, 4) }, () => randomJsonValue(random, depth + 1));
  return Object.fromEntries(Array.from({ length: random.int(0, 4) }, () => [random.string(ALNUM, 1, 10), randomJsonValue(random, depth + 1)]));
}

/** Bodies as developers send them: compact, spaced, and with non-ASCII escaped as \uXXXX (Python's json.dumps). */
function randomBody(random: Random): string {
  const value = { ProductId: random.string(ALNUM, 10, 10), Data: randomJsonValue(random, 0) };
  const style = random.int(0, 2);
  if (style === 0) return JSON.stringify(value);
  if (style === 1) return JSON.stringify(value, null, random.int(1, 4));
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function credentials(random: Random) {
  return { secretId: 'AKID' + random.string(ALNUM, 32, 32), secretKey: random.string(ALNUM + '+/=', 32, 32) };
}

test('TC3 POST JSON: 1,000 randomized requests match the official SDK byte for byte', () => {
  const random = createRandom(SEED);
  for (let i = 0; i < 1000; i++) {
    const host = random.pick(HOSTS);
    const body = randomBody(random);
    const timestamp = earlyUtcTimestamp(random);
    const { secretId, secretKey } = credentials(random);
    const contentType = random.pick(CONTENT_TYPES);
    const service = host.split('.')[0]!;
    const expected = sdkSign.sign3({
      method: 'POST',
      url: `https://${host}/`,
      payload: Buffer.from(body, 'utf8'),
      timestamp,
      service,
      secretId,
      secretKey,
      headers: { 'Content-Type': contentType },
    });
    const ours = signTc3(
      {
        method: 'POST',
        url: `https://${host}/`,
        headers: { 'Content-Type': contentType, 'X-TC-Action': 'UpdateDeviceShadow' },
        body,
        timestamp,
        secretId,
        secretKey,
      },
      { crypto: random.next() < 0.5 ? nodeHashProvider : undefined },
    );
    assert.equal(ours.authorization, expected, `case ${i} (seed ${SEED}): body ${JSON.stringify(body).slice(0, 80)}`);
  }
});

test('TC3 GET with query strings: 500 randomized requests match the official SDK', () => {
  const random = createRandom(SEED + 1);
  for (let i = 0; i < 500; i++) {
    const host = random.pick(HOSTS);
    const params = Array.from({ length: random.int(1, 6) }, (_, n) => [`${random.string(ALNUM, 1, 8)}.${n}`, random.string(UNICODE, 0, 16)] as const);
    const query = params.map(([k, v]) => `${k}=${percentEncode(v)}`).join('&');
    const timestamp = earlyUtcTimestamp(random);
    const { secretId, secretKey } = credentials(random);
    const url = `https://${host}/?${query}`;
    const contentType = 'application/x-www-form-urlencoded';
    const expected = sdkSign.sign3({
      method: 'GET',
      url,
      payload: '',
      timestamp,
      service: host.split('.')[0]!,
      secretId,
      secretKey,
      headers: { 'Content-Type': contentType },
    });
    const ours = signTc3({ method: 'GET', url, headers: { 'Content-Type': contentType }, timestamp, secretId, secretKey });
    assert.equal(ours.authorization, expected, `case ${i} (seed ${SEED + 1}): ${url.slice(0, 100)}`);
  }
});

test('TC3 multipart/form-data: hashed as the official SDK hashes it', () => {
  const random = createRandom(SEED + 2);
  for (let i = 0; i < 100; i++) {
    const boundary = '--------------------------' + random.string('0123456789', 24, 24);
    const fields: Record<string, string | Buffer> = {};
    for (let n = 0; n < random.int(1, 4); n++) {
      fields[random.string(ALNUM, 1, 10)] =
        random.next() < 0.5 ? random.string(UNICODE, 0, 40) : Buffer.from(Array.from({ length: random.int(0, 64) }, () => random.int(0, 255)));
    }
    const timestamp = earlyUtcTimestamp(random);
    const { secretId, secretKey } = credentials(random);
    const contentType = `multipart/form-data; boundary=${boundary}`;
    const expected = sdkSign.sign3({
      method: 'POST',
      url: 'https://iotcloud.tencentcloudapi.com/',
      payload: fields,
      timestamp,
      service: 'iotcloud',
      secretId,
      secretKey,
      multipart: true,
      boundary,
      headers: {},
    });
    const body = encodeMultipartBody(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : new Uint8Array(v)])), boundary);
    const ours = signTc3({
      method: 'POST',
      url: 'https://iotcloud.tencentcloudapi.com/',
      headers: { 'Content-Type': contentType },
      body,
      timestamp,
      secretId,
      secretKey,
    });
    assert.equal(ours.authorization, expected, `case ${i} (seed ${SEED + 2})`);
  }
});
