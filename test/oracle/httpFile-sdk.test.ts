import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHttpFile, percentEncode, runHttpFile, type HttpFileRunEvent } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';
import { ALNUM, createRandom, UNICODE } from '../support/random.js';
import { sdkSign } from '../support/tencentSdk.js';

// A request written in a .http file and signed from its TC3 form must carry the Authorization the official
// SDK computes for the same method, URL, Content-Type and body bytes: parsing, variables and header handling
// may not change a byte of what is signed.
const SEED = 20261201;
const HOSTS = ['iotcloud.tencentcloudapi.com', 'iotcloud.ap-guangzhou.tencentcloudapi.com', 'trro.tencentcloudapi.com'];

interface Signed {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly body: string;
  readonly contentType: string;
  readonly timestamp: number;
  readonly secretId: string;
  readonly secretKey: string;
}

/** The official SDK's Authorization for the same request: service from the host, as the SDK takes it. */
const sdkAuthorization = (r: Signed) =>
  sdkSign.sign3({
    method: r.method,
    url: r.url,
    payload: r.method === 'GET' ? '' : Buffer.from(r.body, 'utf8'),
    timestamp: r.timestamp,
    service: new URL(r.url).hostname.split('.')[0]!,
    secretId: r.secretId,
    secretKey: r.secretKey,
    headers: { 'Content-Type': r.contentType },
  });

async function signedFrom(text: string, env: Record<string, string>, timestamp: number) {
  const run = runHttpFile(parseHttpFile(text), {
    processEnv: env,
    resolveCredentials: () => 'no profile in this test',
    transport: () => Promise.reject(new Error('a dry run sends nothing')),
    now: () => timestamp,
    clock: () => 0,
    random: () => 0.5,
    crypto: nodeHashProvider,
    dryRun: true,
  });
  const events: HttpFileRunEvent[] = [];
  for await (const event of run.events) events.push(event);
  const prepared = events[0];
  assert.ok(prepared?.kind === 'prepared', JSON.stringify(events[0]).slice(0, 400));
  return prepared.prepared;
}

test('POST: 300 randomized .http requests (multi-line bodies, variables, Unicode) carry the official SDK signature', async () => {
  const random = createRandom(SEED);
  for (let i = 0; i < 300; i++) {
    const host = random.pick(HOSTS);
    const secretId = 'AKID' + random.string(ALNUM, 32, 32);
    const secretKey = random.string(ALNUM, 32, 32);
    const device = random.string(UNICODE.replace(/[\n"\\{}]/g, ''), 1, 12);
    const note = random.string(UNICODE.replace(/[\n"\\{}]/g, ''), 0, 20);
    const timestamp = random.int(17000, 21000) * 86400 + random.int(0, 86399);
    const contentType = random.pick(['application/json', 'application/json; charset=utf-8']);
    const indent = ' '.repeat(random.int(0, 4));
    const bodyTemplate = `{\n${indent}"ProductId": "{{product}}",\n${indent}"DeviceName": ${JSON.stringify(device)},\n${indent}"Note": ${JSON.stringify(note)}\n}`;
    const product = random.string(ALNUM, 10, 10);
    const text = [
      `@product = ${product}`,
      `# @name r${i}`,
      `POST https://${host}/ HTTP/1.1`,
      'Authorization: TC3 {{$processEnv SID}} {{$processEnv SKEY}}',
      `Content-Type: ${contentType}`,
      'X-TC-Action: DescribeDevice',
      'X-TC-Version: 2021-04-08',
      '',
      bodyTemplate,
      '',
    ].join('\n');
    const prepared = await signedFrom(text, { SID: secretId, SKEY: secretKey }, timestamp);
    const body = bodyTemplate.replace('{{product}}', product);
    assert.equal(prepared.outgoing.body, body);
    const expected = sdkAuthorization({ method: 'POST', url: `https://${host}/`, body, contentType, timestamp, secretId, secretKey });
    assert.equal(prepared.outgoing.headers['Authorization'], expected, `case ${i} (seed ${SEED})`);
  }
});

test('GET: 200 randomized .http requests with query continuation lines carry the official SDK signature', async () => {
  const random = createRandom(SEED + 1);
  for (let i = 0; i < 200; i++) {
    const host = random.pick(HOSTS);
    const secretId = 'AKID' + random.string(ALNUM, 32, 32);
    const secretKey = random.string(ALNUM, 32, 32);
    const timestamp = random.int(17000, 21000) * 86400 + random.int(0, 86399);
    const params = Array.from({ length: random.int(1, 4) }, (_, n) => `${random.string(ALNUM, 1, 8)}${n}=${percentEncode(random.string(UNICODE, 0, 12))}`);
    const text = [
      `GET https://${host}/`,
      `    ?${params[0]}`,
      ...params.slice(1).map((p) => `    &${p}`),
      'Authorization: TC3 {{$processEnv SID}} {{$processEnv SKEY}} service:' + host.split('.')[0],
      'Content-Type: application/x-www-form-urlencoded',
      'X-TC-Action: DescribeDevices',
      'X-TC-Version: 2021-04-08',
    ].join('\n');
    const prepared = await signedFrom(text, { SID: secretId, SKEY: secretKey }, timestamp);
    const url = `https://${host}/?${params.join('&')}`;
    assert.equal(prepared.outgoing.url, url);
    const expected = sdkAuthorization({ method: 'GET', url, body: '', contentType: 'application/x-www-form-urlencoded', timestamp, secretId, secretKey });
    assert.equal(prepared.outgoing.headers['Authorization'], expected, `case ${i} (seed ${SEED + 1}): ${url.slice(0, 100)}`);
  }
});
