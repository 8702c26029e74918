import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildHttpRequest, importRequest, toCurl, toRawHttp, type ApiRequest, type SignatureScheme } from '@iot-devkit/core';
import { parseCurl } from '../../core/src/capture/parseCurl.js';
import { parseRawHttp } from '../../core/src/capture/parseRawHttp.js';
import { ALNUM, createRandom, UNICODE } from '../support/random.js';

// import(export(r)) must sign to the same signature: the exported text carries everything the signature covers.
const credentials = { secretId: 'AKIDroundTripFake', secretKey: 'roundTripFakeSecretKey' };
const SEED = 4242;

function randomRequest(random: ReturnType<typeof createRandom>): ApiRequest {
  const method = random.pick(['POST', 'GET'] as const);
  const params: Record<string, unknown> = { ProductId: random.string(ALNUM, 10, 10), DeviceName: random.string(UNICODE, 1, 20) };
  // GET carries only text, so typed values are the POST JSON body's business.
  if (method === 'POST') Object.assign(params, { ShadowVersion: random.int(0, 99), State: JSON.stringify({ desired: { t: random.string(UNICODE, 0, 30) } }) });
  if (random.next() < 0.5) params['DeviceNames'] = Array.from({ length: random.int(1, 12) }, () => random.string(UNICODE, 1, 8));
  return {
    service: 'iotcloud',
    version: '2021-04-08',
    action: random.pick(['UpdateDeviceShadow', 'DescribeDevices', 'PublishMessage']),
    params,
    method,
    ...(random.next() < 0.7 ? { region: random.pick(['ap-guangzhou', 'ap-shanghai-fsi']) } : {}),
    ...(random.next() < 0.3 ? { endpoint: 'http://127.0.0.1:9180/' } : {}),
  };
}

for (const [format, exportText, parse] of [
  ['curl', toCurl, parseCurl],
  ['raw HTTP', toRawHttp, parseRawHttp],
] as const) {
  test(`${format}: 300 random requests, TC3 and v1, import(export(r)) signs to the same signature`, () => {
    const random = createRandom(SEED);
    for (let i = 0; i < 300; i++) {
      const request = randomRequest(random);
      const scheme: SignatureScheme =
        request.method === 'POST' && random.next() < 0.7 ? 'TC3-HMAC-SHA256' : random.pick(['TC3-HMAC-SHA256', 'HmacSHA1', 'HmacSHA256'] as const);
      const options = { credentials, timestamp: 1_700_000_000 + i, scheme, nonce: 1 + i };
      const original = buildHttpRequest(request, options);
      const parsed = parse(exportText(original));
      assert.ok(parsed.ok, `case ${i}: ${parsed.ok ? '' : parsed.error}`);
      const imported = importRequest(parsed.request, 'iotcloud');
      assert.ok(imported.ok, `case ${i}: ${imported.ok ? '' : imported.error}`);
      const again = buildHttpRequest(imported.request, options);
      // Raw HTTP has no scheme: the parser may guess https for http, which the signature does not cover.
      assert.equal(again.url.replace(/^https?:/, ''), original.url.replace(/^https?:/, ''), `case ${i} url`);
      assert.equal(again.body, original.body, `case ${i} body`);
      assert.equal(again.signing.signature, original.signing.signature, `case ${i} (seed ${SEED}, ${format}, ${scheme})`);
    }
  });
}

test('import refuses what is not an API 3.0 call, saying what was expected', () => {
  const parsed = parseRawHttp('POST / HTTP/1.1\r\nHost: iotcloud.tencentcloudapi.com\r\nContent-Type: application/json\r\n\r\n{}');
  assert.ok(parsed.ok);
  const result = importRequest(parsed.request);
  assert.deepEqual(result, { ok: false, error: 'request: neither an X-TC-Action header (TC3) nor Action and Version parameters (v1) were found' });
});

test('import refuses, naming the parameter, a query that would lose a value or allocate without bound, and JSON nested past the limit', () => {
  const headers = [
    { name: 'Host', value: 'iotcloud.tencentcloudapi.com' },
    { name: 'X-TC-Action', value: 'DescribeDevices' },
    { name: 'X-TC-Version', value: '2021-04-08' },
  ];
  const get = (query: string) => importRequest({ method: 'GET', url: `https://iotcloud.tencentcloudapi.com/?${query}`, headers, body: '' });
  assert.deepEqual(get('ProductId=P&DeviceNames.99999999=x'), {
    ok: false,
    error: 'DeviceNames.99999999: an array index from 0 to 1: 2 parameters are given, so a higher index leaves a gap',
  });
  assert.deepEqual(get('Attribute=1&Attribute.Tags=2'), { ok: false, error: 'Attribute: one value; it is also given as Attribute.Tags' });
  const v1 = importRequest({
    method: 'GET',
    url: 'https://iotcloud.tencentcloudapi.com/?Action=DescribeDevices&Version=2021-04-08&DeviceNames.0=a&DeviceNames.2=c&Offset=0',
    headers: [],
    body: '',
  });
  assert.deepEqual(v1, { ok: false, error: 'DeviceNames.1: a value: the indexes of DeviceNames must run 0, 1, 2… without gaps' });
  const deep = importRequest({ method: 'POST', url: 'https://iotcloud.tencentcloudapi.com/', headers, body: '['.repeat(5000) + ']'.repeat(5000) });
  assert.equal(deep.ok, false);
  assert.match((deep as { error: string }).error, /^body: nested more than \d+ levels deep/);
});
