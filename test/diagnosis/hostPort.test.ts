import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildHttpRequest, diagnose, parseCurl, toCurl } from '@iot-devkit/core';

// curl sends Host with the port for a non-default port; a correct request to a local emulator must diagnose as a match.
test('a correct curl to 127.0.0.1:9180, which carries no Host header, is a match', () => {
  const credentials = { secretId: 'AKIDportTestFake', secretKey: 'portTestFakeSecretKey' };
  const signed = buildHttpRequest(
    { service: 'iotcloud', version: '2021-04-08', action: 'DescribeProducts', params: { Offset: 0, Limit: 10 }, endpoint: 'http://127.0.0.1:9180/' },
    { credentials, timestamp: Math.floor(Date.now() / 1000) },
  );
  const parsed = parseCurl(toCurl(signed));
  assert.ok(parsed.ok);
  assert.ok(!parsed.request.headers.some((h) => h.name.toLowerCase() === 'host'), 'toCurl leaves Host to curl');
  const verdict = diagnose({ request: parsed.request, secretKey: credentials.secretKey, service: 'iotcloud' });
  assert.equal(verdict.match, true, verdict.explanation.en);
});
