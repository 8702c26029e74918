import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DIAGNOSIS_CAUSES, diagnose, parseCurl, parseRawHttp, SigningInputError, signTc3, signV1, toCurl } from '@iot-devkit/core';
import { createRandom, UNICODE } from '../support/random.js';

// Mutated captures all the way through parse → diagnose: a diagnosis or a SigningInputError naming the field,
// never another exception; every verdict well-formed. Seeded.
const SEED = 1551113065;
const KEY = 'fuzzOnlyMadeUpSecretKey000000000';
const BODY = '{"ProductId":"ABCDEFGHIJ","DeviceName":"温度计","Ids":[1,2]}';
const signed = signTc3({ method: 'POST', url: 'https://iotcloud.tencentcloudapi.com/', headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeDevice' }, body: BODY, timestamp: 1551113065, secretId: 'AKIDfuzzOnly', secretKey: KEY, signedHeaders: ['content-type', 'host', 'x-tc-action'] });
const CURL = toCurl({ method: 'POST', url: 'https://iotcloud.tencentcloudapi.com/', headers: signed.headers, body: BODY });
const v1 = signV1({ algorithm: 'HmacSHA256', method: 'GET', host: 'iotcloud.tencentcloudapi.com', params: { Action: 'DescribeDevices', Nonce: 1, SecretId: 'AKIDfuzzOnly', SignatureMethod: 'HmacSHA256', Timestamp: 1551113065, 'Names.0': '设 备' }, secretKey: KEY });
const RAW = `GET /?${v1.query} HTTP/1.1\r\nHost: iotcloud.tencentcloudapi.com\r\n\r\n`;
const NASTY = ["'", '"', '\\', '\n', ';', ',', '=', '/', ' ', '%', '&', '+', 'TC3', 'Signature=', 'x-tc-timestamp: 99999999999999', 'SignatureMethod=HmacSHA1&'];

test('2,000 mutated curl and raw captures: parse → diagnose gives a verdict or a SigningInputError, never a crash', () => {
  const random = createRandom(SEED);
  const counts = { verdict: 0, refused: 0 };
  for (let i = 0; i < 2000; i++) {
    const [text, parse] = i % 2 === 0 ? [CURL, parseCurl] : [RAW, parseRawHttp];
    let mutated = text;
    for (let n = random.int(1, 3); n > 0; n--) {
      const at = random.int(0, mutated.length);
      const op = random.int(0, 2);
      mutated = op === 0 ? mutated.slice(0, at) + mutated.slice(at + random.int(1, 5)) : mutated.slice(0, at) + (op === 1 ? random.pick(NASTY) : random.string(UNICODE, 1, 4)) + mutated.slice(at);
    }
    const parsed = parse(mutated);
    if (!parsed.ok) continue;
    try {
      const d = diagnose({ request: parsed.request, secretKey: KEY, ...(random.next() < 0.3 ? { sentAt: 1551113065 + random.int(-900, 900) } : {}), ...(random.next() < 0.2 ? { errorCode: random.pick(['AuthFailure.SignatureExpire', 'AuthFailure.TokenFailure', 'AuthFailure.SignatureFailure']) } : {}) });
      assert.equal(typeof d.match, 'boolean');
      assert.ok(d.cause === null || DIAGNOSIS_CAUSES.includes(d.cause), `run ${i}`);
      assert.ok(d.explanation.en.length > 0 && d.explanation.zh.length > 0);
      assert.ok(!JSON.stringify(d).includes(KEY), `run ${i}: the key leaked`);
      counts.verdict++;
    } catch (error) {
      assert.ok(error instanceof SigningInputError, `run ${i} (seed ${SEED}) threw ${String(error)} for ${JSON.stringify(mutated).slice(0, 200)}`);
      assert.match(error.message, /^[\w.]+: /);
      counts.refused++;
    }
  }
  assert.ok(counts.verdict > 400, JSON.stringify(counts));
});
