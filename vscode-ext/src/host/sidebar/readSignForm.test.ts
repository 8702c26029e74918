import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signTc3 } from '@iot-devkit/core';
import type { SignForm } from '../../protocol.js';
import { readSignForm } from './readSignForm.js';

const form: SignForm = {
  method: 'post',
  url: 'https://iotcloud.tencentcloudapi.com/',
  headers: 'Content-Type: application/json\n\nX-TC-Action:  DescribeDeviceShadow \r\nX-TC-Version: 2021-04-08',
  body: '{"ProductId":"ABCDE12345","DeviceName":"abc"}',
  timestamp: ' 1551113065 ',
  service: '',
  signedHeaders: '',
};

describe('readSignForm', () => {
  it('turns the typed form into a TC3 request the core signs like the doc example', () => {
    const reading = readSignForm(form);
    assert.ok(reading.ok);
    assert.equal(reading.request.method, 'POST');
    assert.deepEqual(reading.request.headers, { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeDeviceShadow', 'X-TC-Version': '2021-04-08' });
    assert.equal(reading.request.timestamp, 1551113065);
    const signed = signTc3({ ...reading.request, secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE' });
    assert.equal(signed.credentialScope, '2019-02-25/iotcloud/tc3_request');
  });

  it('keeps signed headers and service when given, and drops the body of a GET', () => {
    const reading = readSignForm({ ...form, method: 'GET', service: 'cvm', signedHeaders: 'Content-Type; Host,X-TC-Action' });
    assert.ok(reading.ok);
    assert.deepEqual(reading.request.signedHeaders, ['content-type', 'host', 'x-tc-action']);
    assert.equal(reading.request.service, 'cvm');
    assert.equal(reading.request.body, undefined);
  });

  for (const [change, field, pattern] of [
    [{ method: 'PUT' }, 'method', /GET or POST/],
    [{ url: 'iotcloud.tencentcloudapi.com' }, 'url', /absolute URL/],
    [{ headers: 'Content-Type application/json' }, 'headers', /line 1: expected "Name: value"/],
    [{ headers: 'Bad Name: x' }, 'headers', /not a header name/],
    [{ timestamp: '2019-02-25' }, 'timestamp', /Unix seconds/],
    [{ service: 'IoT Cloud' }, 'service', /lowercase service name/],
  ] as const) {
    it(`names the field when ${field} is wrong (${JSON.stringify(change)})`, () => {
      const reading = readSignForm({ ...form, ...change });
      assert.ok(!reading.ok);
      assert.equal(reading.field, field);
      assert.match(reading.message, pattern);
      assert.ok(reading.message.startsWith(`${field}: `));
    });
  }
});
