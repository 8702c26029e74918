import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { mxchipBearerAuth, oneNetApiKeyAuth, sendWithAuth, tc3Auth, type Transport } from '@iot-devkit/core';
import { startVerifyingServer } from '../support/verifyingServer.js';

// Real HTTP on 127.0.0.1 through Node's fetch; only the servers are ours.
const transport: Transport = async (request) => {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, ...(request.body !== '' ? { body: request.body } : {}) });
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
};

// A stand-in MXCHIP server: issues tokens with a lifetime and answers 10100 (expired) / 10101 (wrong) like the doc.
let clock = 1_800_000_000;
let issued = 0;
const tokens = new Map<string, number>();
const log: string[] = [];
const mxchip = createServer(async (req: IncomingMessage, res: ServerResponse) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks).toString();
  res.setHeader('Content-Type', 'application/json');
  if (req.url === '/v3/open_api/token/') {
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials' || form.get('client_secret') !== 'mx-fake-secret')
      return res.end(JSON.stringify({ meta: { code: 10000, message: 'bad client' } }));
    const token = `tok-${++issued}`;
    tokens.set(token, clock + 60);
    log.push(`token ${token}`);
    return res.end(
      JSON.stringify({ meta: { code: 0, message: 'ok' }, data: { access_token: token, token_type: 'Bearer', expires_in: 60, scope: 'read write groups' } }),
    );
  }
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  log.push(`call ${token}`);
  const expiresAt = tokens.get(token);
  if (expiresAt === undefined) return res.end(JSON.stringify({ meta: { code: 10101, message: 'token wrong' } }));
  if (clock >= expiresAt) return res.end(JSON.stringify({ meta: { code: 10100, message: 'token expired' } }));
  return res.end(JSON.stringify({ meta: { code: 0, message: 'ok' }, data: { product_ids: ['p1'] } }));
});
let base = '';
before(async () => {
  await new Promise<void>((r) => mxchip.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(mxchip.address() as AddressInfo).port}`;
});
after(() => {
  mxchip.close();
  mxchip.closeAllConnections();
});

test('MXCHIP: token fetched once, cached for expires_in, refreshed early, and re-fetched once on 10100/10101', async () => {
  const scheme = mxchipBearerAuth({ clientId: 'mx-id', clientSecret: 'mx-fake-secret', baseUrl: base });
  const context = { transport, now: () => clock };
  const call = { method: 'GET' as const, url: `${base}/v3/open_api/products/`, headers: {}, body: '' };
  const ok = async () => JSON.parse((await sendWithAuth(call, scheme, context)).body).meta.code;

  assert.equal(await ok(), 0);
  assert.equal(await ok(), 0);
  assert.deepEqual(log.splice(0), ['token tok-1', 'call tok-1', 'call tok-1'], 'one token for two calls');

  clock += 55; // inside the refresh margin (a tenth of 60 s): refreshed before the server would say 10100
  assert.equal(await ok(), 0);
  assert.deepEqual(log.splice(0), ['token tok-2', 'call tok-2']);

  tokens.clear(); // the server forgets every token: 10101, one new token, one retry
  assert.equal(await ok(), 0);
  assert.deepEqual(log.splice(0), ['call tok-2', 'token tok-3', 'call tok-3']);

  // The server keeps refusing: exactly one retry, then the 10101 answer is returned as is.
  const refusing = mxchipBearerAuth({ clientId: 'mx-id', clientSecret: 'mx-fake-secret', baseUrl: base });
  const original = tokens.set.bind(tokens);
  tokens.set = () => tokens; // tokens are issued but never recognised
  const code = JSON.parse((await sendWithAuth(call, refusing, context)).body).meta.code;
  tokens.set = original;
  assert.equal(code, 10101);
  assert.equal(log.splice(0).filter((l) => l.startsWith('call')).length, 2);
});

test('MXCHIP: a refused token request is a clear error, not a crash', async () => {
  const scheme = mxchipBearerAuth({ clientId: 'mx-id', clientSecret: 'wrong', baseUrl: base });
  await assert.rejects(
    sendWithAuth({ method: 'GET', url: `${base}/x`, headers: {}, body: '' }, scheme, { transport, now: () => clock }),
    /meta\.code: 0 \(success\); the response has 10000/,
  );
});

test('OneNET api-key and Tencent TC3 as the same pluggable piece', async () => {
  const onenet = await oneNetApiKeyAuth('onenet-fake-key').authorize(
    { method: 'PUT', url: 'https://example.invalid/keys/k', headers: { 'Content-Type': 'application/json' }, body: '{}' },
    { transport, now: () => clock },
  );
  assert.equal(onenet.headers['api-key'], 'onenet-fake-key');

  const server = await startVerifyingServer('tc3-fake-secret');
  try {
    const scheme = tc3Auth({ secretId: 'AKIDfake', secretKey: 'tc3-fake-secret' }, 'iotcloud');
    const request = {
      method: 'POST' as const,
      url: server.endpoint,
      headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeProducts' },
      body: '{}',
    };
    let now = Math.floor(Date.now() / 1000);
    await sendWithAuth(request, scheme, { transport, now: () => now });
    now += 3600; // a replay an hour later carries a fresh timestamp and a fresh signature
    await sendWithAuth(request, scheme, { transport, now: () => now });
    assert.deepEqual(
      server.received.map((r) => r.verified),
      [true, true],
    );
    assert.notEqual(server.received[0]!.headers['x-tc-timestamp'], server.received[1]!.headers['x-tc-timestamp']);
  } finally {
    await server.close();
  }
});
