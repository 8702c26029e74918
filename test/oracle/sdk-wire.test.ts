import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { diagnose, findHeader, signTc3, signV1, type V1Algorithm } from '@iot-devkit/core';
import { SdkCommonClient } from '../support/tencentSdk.js';

// What the official SDK really puts on the wire, captured by a server on 127.0.0.1 and re-signed by the core.
interface Captured {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}
const captured: Captured[] = [];
const server = createServer(async (req: IncomingMessage, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
  captured.push({ method: req.method ?? '', url: req.url ?? '', headers, body: Buffer.concat(chunks).toString('utf8') });
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ Response: { RequestId: 'captured' } }));
});
let endpoint = '';
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

const secretId = 'AKIDwireTestOnlyNotARealKey000000';
const secretKey = 'wireTestOnlyNotARealSecretKey000';

function client(signMethod: string, reqMethod: 'GET' | 'POST') {
  return new SdkCommonClient(endpoint, '2021-04-08', {
    credential: { secretId, secretKey },
    region: 'ap-guangzhou',
    profile: { signMethod, httpProfile: { protocol: 'http://', endpoint, reqMethod } },
  });
}

for (const reqMethod of ['POST', 'GET'] as const) {
  test(`TC3 ${reqMethod}: the core reproduces the Authorization the SDK sent`, async () => {
    captured.length = 0;
    await client('TC3-HMAC-SHA256', reqMethod).request('DescribeDeviceShadow', {
      ProductId: 'ABCDEFGHIJ',
      DeviceName: '设备-1',
      Tags: [{ Tag: 'a b', Value: 'x&y' }],
    });
    const sent = captured[0]!;
    const authorization = findHeader(sent.headers, 'authorization')!;
    // Pointed at a custom endpoint, the SDK signs the host name without the port (while sending Host with it)
    // and takes the service from the endpoint's first label: "127" here. Sign the way it did.
    const ours = signTc3({
      method: sent.method,
      url: `http://127.0.0.1${sent.url}`,
      headers: { 'Content-Type': findHeader(sent.headers, 'content-type')! },
      body: sent.body,
      timestamp: Number(findHeader(sent.headers, 'x-tc-timestamp')),
      secretId,
      secretKey,
      service: endpoint.split('.')[0],
    });
    assert.equal(ours.authorization, authorization);
  });
}

for (const algorithm of ['HmacSHA1', 'HmacSHA256'] as V1Algorithm[]) {
  test(`v1 ${algorithm} GET: the core reproduces the Signature the SDK sent`, async () => {
    captured.length = 0;
    await client(algorithm, 'GET').request('DescribeDevices', { ProductId: 'ABCDEFGHIJ', Offset: 0, Limit: 10, DeviceNames: ['a', 'b*c', '未命名'] });
    const sent = captured[0]!;
    const params = Object.fromEntries(new URLSearchParams(sent.url.slice(sent.url.indexOf('?') + 1)));
    const { Signature: sentSignature, ...signed } = params;
    const ours = signV1({ algorithm, method: 'GET', host: endpoint, path: '/', params: signed, secretKey });
    assert.equal(ours.signature, sentSignature);
    // The diagnosis agrees: the SDK's v1 request to a custom endpoint (host signed with its port) is correct.
    const verdict = diagnose({
      request: {
        method: 'GET',
        url: `http://${endpoint}${sent.url}`,
        headers: Object.entries(sent.headers).map(([name, value]) => ({ name, value })),
        body: '',
      },
      secretKey,
    });
    assert.equal(verdict.match, true, verdict.explanation.en);
  });
}
