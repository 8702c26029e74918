import { DEMO_CREDENTIAL, maskSecret, signTc3, signV1 } from '@iot-devkit/core';
import type { Command } from '../Command.js';
import { formatSteps } from '../formatSteps.js';
import { nodeHashProvider } from '../nodeHashProvider.js';

// The emulator's made-up demo pair: it signs, and the local emulator accepts it, but no cloud account has it.
const { secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY } = DEMO_CREDENTIAL;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Sign a demo DescribeDeviceShadow request and print every step (no account needed)',
  usage: 'Usage: iot-devkit demo\n\nSigns a demo iotcloud request with made-up keys, with TC3-HMAC-SHA256 and with v1, and prints every step.',
  async run(context) {
    const timestamp = context.now();
    const tc3 = signTc3(
      {
        method: 'POST',
        url: 'https://iotcloud.tencentcloudapi.com/',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'X-TC-Action': 'DescribeDeviceShadow',
          'X-TC-Version': '2021-04-08',
          'X-TC-Region': 'ap-guangzhou',
        },
        body: JSON.stringify({ ProductId: 'DEMO000001', DeviceName: 'thermostat-1' }),
        timestamp,
        secretId: DEMO_SECRET_ID,
        secretKey: DEMO_SECRET_KEY,
        signedHeaders: ['content-type', 'host', 'x-tc-action'],
      },
      { crypto: nodeHashProvider },
    );
    const v1 = signV1(
      {
        algorithm: 'HmacSHA256',
        method: 'GET',
        host: 'iotcloud.tencentcloudapi.com',
        path: '/',
        params: {
          Action: 'DescribeDeviceShadow',
          Version: '2021-04-08',
          Region: 'ap-guangzhou',
          ProductId: 'DEMO000001',
          DeviceName: 'thermostat-1',
          SecretId: DEMO_SECRET_ID,
          Timestamp: timestamp,
          Nonce: 11886,
          SignatureMethod: 'HmacSHA256',
        },
        secretKey: DEMO_SECRET_KEY,
      },
      nodeHashProvider,
    );
    context.out(
      [
        'IoT Devkit demo — DescribeDeviceShadow on iotcloud 2021-04-08, signed with made-up keys',
        `SecretId ${DEMO_SECRET_ID}, SecretKey ${maskSecret(DEMO_SECRET_KEY)}`,
        '',
        '== TC3-HMAC-SHA256 (signature v3) ==',
        formatSteps(tc3.steps),
        '',
        '== Signature v1 (HmacSHA256, GET) ==',
        formatSteps(v1.steps),
        '',
        'Next: `npx iot-devkit sign --help` signs your own request; `npx iot-devkit --help` lists every command.',
      ].join('\n'),
    );
    return 0;
  },
};
