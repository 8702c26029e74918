import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signV1, type V1Algorithm } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';
import { ALNUM, createRandom, UNICODE } from '../support/random.js';
import { SdkCommonClient, sdkSign } from '../support/tencentSdk.js';

const SEED = 1465185768;

test('v1 HmacSHA1 and HmacSHA256: 1,000 randomized requests match the official SDK sign string and signature', () => {
  const random = createRandom(SEED);
  for (let i = 0; i < 1000; i++) {
    const algorithm: V1Algorithm = i % 2 === 0 ? 'HmacSHA1' : 'HmacSHA256';
    const method = random.pick(['GET', 'POST'] as const);
    const host = random.pick(['iotcloud.tencentcloudapi.com', 'cvm.tencentcloudapi.com', 'iotcloud.ap-guangzhou.tencentcloudapi.com']);
    const params: Record<string, string | number> = {
      Action: random.pick(['DescribeDevice', 'DescribeProducts', 'PublishMessage']),
      SecretId: 'AKID' + random.string(ALNUM, 32, 32),
      Timestamp: random.int(1e9, 2e9),
      Nonce: random.int(1, 65535),
      Version: '2021-04-08',
      SignatureMethod: algorithm,
    };
    // Indexed names stress ASCII order: Ids.12 must sort before Ids.2.
    for (let n = 0; n < random.int(0, 14); n++) params[`DeviceNames.${n}`] = random.string(UNICODE, 1, 12);
    const secretKey = random.string(ALNUM, 32, 32);
    const client = new SdkCommonClient(host, '2021-04-08', {
      credential: { secretId: 'x', secretKey },
      region: 'ap-guangzhou',
      profile: { signMethod: algorithm, httpProfile: { reqMethod: method } },
    });
    const expectedSignString = client.formatSignString(params);
    const ours = signV1({ algorithm, method, host, path: '/', params, secretKey }, random.next() < 0.5 ? nodeHashProvider : undefined);
    assert.equal(ours.stringToSign, expectedSignString, `case ${i} (seed ${SEED})`);
    assert.equal(ours.signature, sdkSign.sign(secretKey, expectedSignString, algorithm), `case ${i} (seed ${SEED})`);
    assert.equal(new URLSearchParams(ours.query).get('Signature'), ours.signature, 'the query carries the signature encoded exactly once');
  }
});
