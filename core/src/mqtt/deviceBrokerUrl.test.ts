import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deviceBrokerUrl } from './deviceBrokerUrl.js';

test('the cloud profile connects to the product broker over TLS', () => {
  assert.deepEqual(deviceBrokerUrl({ productId: 'ABCDE12345' }), { ok: true, url: 'mqtts://ABCDE12345.iotcloud.tencentdevices.com:8883', target: 'cloud' });
  assert.equal(
    (deviceBrokerUrl({ productId: 'ABCDE12345', apiEndpoint: 'https://iotcloud.ap-guangzhou.tencentcloudapi.com' }) as { url: string }).url,
    'mqtts://ABCDE12345.iotcloud.tencentdevices.com:8883',
  );
});

test("an emulator profile connects to the endpoint's host on 1883; an explicit broker wins", () => {
  assert.deepEqual(deviceBrokerUrl({ productId: 'P', apiEndpoint: 'http://127.0.0.1:9180' }), { ok: true, url: 'mqtt://127.0.0.1:1883', target: 'endpoint' });
  assert.deepEqual(deviceBrokerUrl({ productId: 'P', apiEndpoint: 'http://127.0.0.1:9180', mqttBroker: 'mqtt://127.0.0.1:41883' }), {
    ok: true,
    url: 'mqtt://127.0.0.1:41883',
    target: 'explicit',
  });
});

test('a bad broker URL is named', () => {
  const read = deviceBrokerUrl({ productId: 'P', mqttBroker: 'http://x' });
  assert.equal(read.ok, false);
  assert.match((read as { message: string }).message, /^mqttBroker: a URL such as mqtt:\/\//);
});

test('the endpoint host is read without a URL parser: IPv6 and a bad endpoint', () => {
  assert.equal((deviceBrokerUrl({ productId: 'P', apiEndpoint: 'http://[::1]:9180/' }) as { url: string }).url, 'mqtt://[::1]:1883');
  assert.deepEqual(deviceBrokerUrl({ productId: 'P', apiEndpoint: 'ftp://x' }), { ok: false, message: 'endpoint: an http:// or https:// URL, got "ftp://x"' });
});
