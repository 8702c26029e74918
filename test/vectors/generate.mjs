#!/usr/bin/env node
// Writes test/vectors/tc3/<case>/{request.json, canonical-request.txt, string-to-sign.txt, authorization.txt}.
// The expected values come from a reference written straight from the doc's Node.js sample (签名方法 v3,
// shared/seeds/001, "NodeJS"), using node:crypto, and never from the core, so the vectors are independent of it.
// Run once; the files are committed. Keys are made up.
import { createHash, createHmac } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';

const sha256 = (message, secret = '', encoding) => createHmac('sha256', secret).update(message).digest(encoding);
const getHash = (message) => createHash('sha256').update(message).digest('hex');
const getDate = (timestamp) => new Date(timestamp * 1000).toISOString().slice(0, 10);

function reference({ method, url, headers, body = '', timestamp, secretId, secretKey, signedHeaders = ['content-type', 'host'], service }) {
  const u = new URL(url);
  const lower = Object.fromEntries(Object.entries({ host: u.hostname, ...headers }).map(([k, v]) => [k.toLowerCase(), v]));
  const names = [...signedHeaders].sort();
  const canonicalHeaders = names.map((n) => `${n}:${String(lower[n]).trim().toLowerCase()}\n`).join('');
  const canonicalRequest = [
    method,
    '/',
    method === 'GET' ? u.search.slice(1) : '',
    canonicalHeaders,
    names.join(';'),
    getHash(method === 'GET' ? '' : body),
  ].join('\n');
  const date = getDate(timestamp);
  const credentialScope = `${date}/${service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', timestamp, credentialScope, getHash(canonicalRequest)].join('\n');
  const kDate = sha256(date, 'TC3' + secretKey);
  const kService = sha256(service, kDate);
  const kSigning = sha256('tc3_request', kService);
  const signature = sha256(stringToSign, kSigning, 'hex');
  const authorization = `TC3-HMAC-SHA256 Credential=${secretId}/${credentialScope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
  return { canonicalRequest, stringToSign, authorization };
}

const key = { secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE' };
const cases = {
  'doc-example-cvm': {
    method: 'POST',
    url: 'https://cvm.tencentcloudapi.com/',
    service: 'cvm',
    timestamp: 1551113065,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'X-TC-Action': 'DescribeInstances',
      'X-TC-Version': '2017-03-12',
      'X-TC-Region': 'ap-guangzhou',
    },
    body: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
    signedHeaders: ['content-type', 'host', 'x-tc-action'],
  },
  'iotcloud-post-raw-utf8': {
    method: 'POST',
    url: 'https://iotcloud.tencentcloudapi.com/',
    service: 'iotcloud',
    timestamp: 1700000000,
    headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'UpdateDeviceShadow', 'X-TC-Version': '2021-04-08' },
    body: '{"ProductId":"ABCDEFGHIJ","DeviceName":"温度计-1","State":"{\\"desired\\":{\\"温度\\":22}}","ShadowVersion":3}',
  },
  'iotcloud-get-query': {
    method: 'GET',
    url: 'https://iotcloud.tencentcloudapi.com/?DeviceNames.0=a%20b&DeviceNames.1=%E8%AE%BE%E5%A4%87&Limit=10&Offset=0&ProductId=ABCDEFGHIJ',
    service: 'iotcloud',
    timestamp: 1700000001,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-TC-Action': 'DescribeDevices' },
  },
  'utc-midnight-in-utc8': {
    method: 'POST',
    url: 'https://iotcloud.ap-guangzhou.tencentcloudapi.com/',
    service: 'iotcloud',
    timestamp: 1700000000 - (1700000000 % 86400) + 1800,
    headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeProducts', 'X-TC-Region': 'ap-guangzhou' },
    body: '{}',
    signedHeaders: ['content-type', 'host', 'x-tc-action', 'x-tc-region'],
  },
  'temporary-key-with-token': {
    method: 'POST',
    url: 'https://trro.tencentcloudapi.com/',
    service: 'trro',
    timestamp: 1700003600,
    headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'ModifyProjectSecMode', 'X-TC-Token': 'made-up-session-token' },
    body: '{"ProjectId":"p-1","SecMode":1,"Key":"0123456789abcdef0123456789abcdef"}',
  },
};

for (const [name, c] of Object.entries(cases)) {
  const dir = new URL(`./tc3/${name}/`, import.meta.url);
  mkdirSync(dir, { recursive: true });
  const request = {
    algorithm: 'TC3-HMAC-SHA256',
    method: c.method,
    url: c.url,
    headers: c.headers,
    body: c.body ?? '',
    timestamp: c.timestamp,
    ...key,
    ...(c.signedHeaders ? { signedHeaders: c.signedHeaders } : {}),
    service: c.service,
  };
  const expected = reference({ ...c, ...key });
  writeFileSync(new URL('request.json', dir), JSON.stringify(request, null, 2) + '\n');
  writeFileSync(new URL('canonical-request.txt', dir), expected.canonicalRequest);
  writeFileSync(new URL('string-to-sign.txt', dir), expected.stringToSign);
  writeFileSync(new URL('authorization.txt', dir), expected.authorization);
}
console.log(`wrote ${Object.keys(cases).length} TC3 vectors`);
