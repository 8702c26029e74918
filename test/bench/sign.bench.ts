import { nobleHashProvider, signTc3, SigningKeyCache } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';
import { sdkSign } from '../support/tencentSdk.js';
import { fmt, measureMicrosInterleaved } from './measure.js';

/** TC3 signing of a 1 KB body: the core (node:crypto injected, and pure @noble/hashes) against the official SDK. */
export async function bench(): Promise<string[]> {
  const body = JSON.stringify({ ProductId: 'ABCDEFGHIJ', DeviceName: 'dev-1', State: JSON.stringify({ desired: { pad: 'x'.repeat(900) } }) }).slice(0, 1024);
  const common = {
    url: 'https://iotcloud.tencentcloudapi.com/',
    timestamp: 1551113065,
    secretId: 'AKIDbenchOnlyNotARealKey',
    secretKey: 'benchOnlyNotARealSecretKey',
  };
  const request = { ...common, method: 'POST', headers: { 'Content-Type': 'application/json' }, body };
  const payload = Buffer.from(body);
  const iterations = 5000;

  const { sdk, native, noble, nativeUncached, nobleUncached } = measureMicrosInterleaved(
    {
      sdk: () => sdkSign.sign3({ ...common, method: 'POST', payload, service: 'iotcloud', headers: { 'Content-Type': 'application/json' } }),
      // Default use: derived keys come from the shared cache (they change once a day per key and service).
      native: () => signTc3(request, { crypto: nodeHashProvider }),
      noble: () => signTc3(request, { crypto: nobleHashProvider }),
      // Worst case, like the SDK: all three keys derived on every call.
      nativeUncached: () => signTc3(request, { crypto: nodeHashProvider, keyCache: new SigningKeyCache() }),
      nobleUncached: () => signTc3(request, { crypto: nobleHashProvider, keyCache: new SigningKeyCache() }),
    },
    iterations,
  );
  const line = (label: string, micros: number, target?: string) =>
    `  ${label.padEnd(46)} ${fmt(micros).padStart(10)}   ${(micros / sdk).toFixed(2)}x SDK${target ? `   (target ${target})` : ''}`;
  return [
    `TC3 signing, 1 KB body, median of 7 interleaved rounds x ${iterations}`,
    `  ${'official tencentcloud-sdk-nodejs-common sign3'.padEnd(46)} ${fmt(sdk).padStart(10)}   1.00x SDK`,
    line('core + node:crypto (injected)', native, '<= 1.0x'),
    line('core + @noble/hashes (pure JS default)', noble, '<= 3x'),
    line('core + node:crypto, keys derived every call', nativeUncached),
    line('core + @noble/hashes, keys derived every call', nobleUncached),
  ];
}
