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

/** The same request with x-tc-timestamp signed: everything but the timestamp search, the figure "as today". */
function withoutTimestampSearch(input: DiagnosisInput): DiagnosisInput {
  const request = input.request;
  const auth = request.headers.find((h) => h.name === 'Authorization')!;
  return {
    ...input,
    request: {
      ...request,
      headers: request.headers.map((h) => (h === auth ? { ...h, value: h.value.replace('SignedHeaders=', 'SignedHeaders=x-tc-timestamp;') } : h)),
    },
  };
}

export async function bench(): Promise<string[]> {
  const { tc3, v1 } = worstCaseInputs();
  const lines = [
    'Signature diagnosis, worst case (no candidate reproduces it, so every known mistake is tried and every second a signed timestamp can be searched: TC3 the 50 hours a local credential date can span, v1 three whole days), median of 7 rounds after a warm-up round',
  ];
  for (const [label, input, iterations, target] of [
    ['TC3, 1 KB JSON body, 50-hour timestamp search', tc3, 3, { 'node:crypto': 300, '@noble/hashes': 1000 }],
    ['v1 GET, 20 parameters, 3-day timestamp search', v1, 3, { 'node:crypto': 300, '@noble/hashes': 1000 }],
    ['TC3, x-tc-timestamp signed (no search)', withoutTimestampSearch(tc3), 50, { 'node:crypto': 20, '@noble/hashes': 20 }],
  ] as const) {
    const variants = diagnose(input, { crypto: nodeHashProvider }).variantsTried;
    for (const crypto of [nodeHashProvider, nobleHashProvider]) {
      const ms = measureMicros(() => diagnose(input, { crypto }), iterations) / 1000;
      // This process's CPU time too: on the shared 2-core machine the wall time includes waiting for a core.
      const start = process.cpuUsage();
      for (let i = 0; i < iterations; i++) diagnose(input, { crypto });
      const used = process.cpuUsage(start);
      const cpu = (used.user + used.system) / 1000 / iterations;
      const goal = target[crypto.name as keyof typeof target];
      lines.push(
        `  ${`${label}, ${crypto.name}`.padEnd(66)} ${ms.toFixed(2).padStart(8)} ms wall ${cpu.toFixed(2).padStart(8)} ms CPU   ${String(variants).padStart(6)} signings   (target < ${goal} ms)`,
      );
    }
  }
  return lines;
}
