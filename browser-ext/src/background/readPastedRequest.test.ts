import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildHttpRequest, toCurl, type HttpRequest } from '@iot-devkit/core';
import { readPastedRequest } from './readPastedRequest.js';

// Made-up credentials, never a real account's.
const CREDENTIALS = { secretId: 'AKIDmadeUpForPasteTests0000000000000', secretKey: 'madeUpSecretKeyForPasteTests0000' };
const EMULATOR = 'http://127.0.0.1:9180/';
const PARAMS = { ProductId: 'ABCDE12345', DeviceName: 'thermostat-1' };

/** A curl command as the TC3 signer writes it (with Authorization), an hour old. */
const signedCurl = (action: string) =>
  toCurl(
    buildHttpRequest(
      { service: 'iotcloud', version: '2021-04-08', action, region: 'ap-guangzhou', params: PARAMS, endpoint: EMULATOR },
      { credentials: CREDENTIALS, timestamp: 1_700_000_000 },
    ),
  );

/** A hand-written curl: no Authorization, so nothing in it says which service it is for. */
const handCurl = (headers: Record<string, string>, url = EMULATOR, body = JSON.stringify(PARAMS)) =>
  toCurl({ method: 'POST', url, headers: { 'Content-Type': 'application/json', ...headers }, body } as HttpRequest);

test('a signed curl of a catalog action is understood as the call it makes', () => {
  const pasted = readPastedRequest(signedCurl('DescribeDevice'));
  assert.equal(pasted.status, 'understood');
  assert.ok(pasted.status === 'understood' && pasted.request.kind === 'action');
  assert.deepEqual(
    { ...pasted.request, params: { ...pasted.request.params } },
    {
      kind: 'action',
      service: 'iotcloud',
      version: '2021-04-08',
      action: 'DescribeDevice',
      region: 'ap-guangzhou',
      params: PARAMS,
      method: 'POST',
      endpoint: EMULATOR,
    },
  );
});

test('an unsigned curl to a local emulator: the catalog says which service its action belongs to', () => {
  const pasted = readPastedRequest(handCurl({ 'X-TC-Action': 'DescribeDevice', 'X-TC-Version': '2021-04-08' }));
  assert.ok(pasted.status === 'understood' && pasted.request.kind === 'action', JSON.stringify(pasted));
  assert.equal(pasted.request.service, 'iotcloud');
  assert.equal(pasted.request.action, 'DescribeDevice');
});

test('an action the catalog does not know is refused with the nearest names, signed or not (issue 12: DescribeDeviceShadows)', () => {
  for (const text of [signedCurl('DescribeDeviceShadows'), handCurl({ 'X-TC-Action': 'DescribeDeviceShadows', 'X-TC-Version': '2021-04-08' })]) {
    const pasted = readPastedRequest(text);
    assert.ok(pasted.status === 'notUnderstood', JSON.stringify(pasted));
    assert.equal(pasted.reason, 'unknownAction');
    assert.equal(pasted.action, 'DescribeDeviceShadows');
    assert.equal(pasted.nearest[0], 'DescribeDeviceShadow');
  }
  // The parameters read come back, so the Action form shows this paste rather than the call before it.
  const signed = readPastedRequest(signedCurl('DescribeDeviceShadows'));
  assert.ok(signed.status === 'notUnderstood');
  assert.deepEqual({ ...signed.params }, PARAMS);
});

test('a v1 request names its action in the query: an unknown one is refused too', () => {
  const pasted = readPastedRequest("curl 'https://iotcloud.tencentcloudapi.com/?Action=DescribeDevicez&Version=2018-06-14&ProductId=ABCDE12345'");
  assert.ok(pasted.status === 'notUnderstood', JSON.stringify(pasted));
  assert.equal(pasted.reason, 'unknownAction');
  assert.equal(pasted.action, 'DescribeDevicez');
  assert.ok(pasted.nearest.includes('DescribeDevice'), pasted.nearest.join());
});

test('a request naming no action is refused, whether it goes to the emulator or the Tencent domain', () => {
  for (const text of [handCurl({}), handCurl({ 'X-TC-Version': '2021-04-08' }), "curl -X POST https://iotcloud.tencentcloudapi.com/ -d '{}'"]) {
    const pasted = readPastedRequest(text);
    assert.ok(pasted.status === 'notUnderstood', `${text}: ${JSON.stringify(pasted)}`);
    assert.equal(pasted.reason, 'noAction', text);
    assert.deepEqual(pasted.nearest, []);
  }
});

test('OneNET and MXCHIP requests are sent as pasted: their credentials are not per-request signatures', () => {
  const onenet = readPastedRequest("curl -X PUT 'http://api.onenet.hk.chinamobile.com/keys/k1' -H 'api-key: madeUpOneNetKey'");
  assert.ok(onenet.status === 'understood' && onenet.request.kind === 'raw', JSON.stringify(onenet));
  assert.equal(onenet.request.headers['api-key'], 'madeUpOneNetKey');
  const mxchip = readPastedRequest("curl -X POST 'http://127.0.0.1:8080/v3/open_api/token/' -H 'Content-Type: application/json' -d '{\"app_id\":\"a\"}'");
  assert.ok(mxchip.status === 'understood' && mxchip.request.kind === 'raw', JSON.stringify(mxchip));
});

test('an API 3.0 marker wins over a vendor look: such a paste is never sent as it stands', () => {
  const pasted = readPastedRequest(handCurl({ 'api-key': 'madeUp', 'X-TC-Action': 'DescribeDeviceShadows', 'X-TC-Version': '2021-04-08' }));
  assert.equal(pasted.status, 'notUnderstood');
});

test("text that is no request at all is refused with the reader's own words", () => {
  const pasted = readPastedRequest('hello, this is not a request');
  assert.ok(pasted.status === 'notUnderstood');
  assert.equal(pasted.reason, 'unreadable');
  assert.notEqual(pasted.detail, '');
});
