import type { CapturedRequest } from '@iot-devkit/core';
import { sdkSign } from '../support/tencentSdk.js';

/**
 * A POST to iotcloud the official SDK signed (sign3: its Content-Type verbatim, the URL's hostname without port,
 * content-type;host), sent with the given headers and body: a client's mistake is what differs between the two.
 */
export function sdkSignedTc3(options: {
  secretId: string;
  secretKey: string;
  timestamp: number;
  body: string;
  signedContentType?: string;
  sent: readonly [string, string][];
  sentBody?: string;
}): CapturedRequest {
  const authorization = sdkSign.sign3({
    method: 'POST',
    url: 'https://iotcloud.tencentcloudapi.com/',
    payload: Buffer.from(options.body),
    timestamp: options.timestamp,
    service: 'iotcloud',
    secretId: options.secretId,
    secretKey: options.secretKey,
    headers: { 'Content-Type': options.signedContentType ?? 'application/json' },
  });
  return {
    method: 'POST',
    url: 'https://iotcloud.tencentcloudapi.com/',
    headers: [...options.sent.map(([name, value]) => ({ name, value })), { name: 'Authorization', value: authorization }],
    body: options.sentBody ?? options.body,
  };
}
