import { diagnose, nobleHashProvider, signTc3, signV1, type CapturedRequest, type DiagnosisInput } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';
import { measureMicros } from './measure.js';

const KEY = 'benchOnlyNotARealSecretKey000000';
const OTHER_KEY = 'benchOnlyAnotherMadeUpKey0000000';

/**
 * The worst case of a diagnosis: a request signed with a key the developer did not give, so no candidate reproduces
 * it and every known mistake is tried. One TC3 request with a ~1 KB JSON body, one v1 GET with 20 parameters.
 */
function worstCaseInputs(): { tc3: DiagnosisInput; v1: DiagnosisInput } {
  const body = JSON.stringify({
    ProductId: 'ABCDEFGHIJ',
    DeviceName: '温度计-1',
    State: JSON.stringify({ desired: { pad: 'x'.repeat(850), 温度: 22 } }),
    ShadowVersion: 3,
  });
  const signed = signTc3({
    method: 'POST',
    url: 'https://iotcloud.tencentcloudapi.com/',
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'X-TC-Action': 'UpdateDeviceShadow',
      'X-TC-Version': '2021-04-08',
      'X-TC-Region': 'ap-guangzhou',
    },
    body,
    timestamp: 1551113065,
    secretId: 'AKIDbenchOnlyNotARealKey',
    secretKey: OTHER_KEY,
    signedHeaders: ['content-type', 'host', 'x-tc-action'],
  });
  const tc3: CapturedRequest = {
    method: 'POST',
    url: 'https://iotcloud.tencentcloudapi.com/',
    headers: Object.entries(signed.headers).map(([name, value]) => ({ name, value })),
    body,
  };
  const params: Record<string, string> = {
    Action: 'DescribeDevices',
    Nonce: '11886',
    SecretId: 'AKIDbenchOnlyNotARealKey',
    Timestamp: '1551113065',
    Version: '2021-04-08',
    Region: 'ap-guangzhou',
    ProductId: 'ABCDEFGHIJ',
  };
  for (let i = 0; i < 13; i++) params[`DeviceNames.${i}`] = `设备 ${i}`;
  const v1Signed = signV1({ algorithm: 'HmacSHA1', method: 'GET', host: 'iotcloud.tencentcloudapi.com', params, secretKey: OTHER_KEY });
  const v1: CapturedRequest = { method: 'GET', url: `https://iotcloud.tencentcloudapi.com/?${v1Signed.query}`, headers: [], body: '' };
  return { tc3: { request: tc3, secretKey: KEY }, v1: { request: v1, secretKey: KEY } };
}

export async function bench(): Promise<string[]> {
  const { tc3, v1 } = worstCaseInputs();
  const iterations = 100;
  const lines = [
    'Signature diagnosis, worst case (no candidate reproduces it, so every known mistake is tried), median of 7 rounds x 100 after a warm-up round',
  ];
  for (const [label, input] of [
    ['TC3, 1 KB JSON body', tc3],
    ['v1 GET, 20 parameters', v1],
  ] as const) {
    const variants = diagnose(input).variantsTried;
    for (const crypto of [nodeHashProvider, nobleHashProvider]) {
      const ms = measureMicros(() => diagnose(input, { crypto }), iterations) / 1000;
      lines.push(`  ${`${label}, ${crypto.name}`.padEnd(46)} ${ms.toFixed(2).padStart(7)} ms   ${variants} re-signings   (target < 20 ms)`);
    }
  }
  return lines;
}
