import { createRequire } from 'node:module';

// The official Tencent Cloud Node SDK is the signing oracle: code nobody on this team wrote.
const require = createRequire(import.meta.url);

interface SdkSign {
  sign(secretKey: string, signStr: string, signMethod: 'HmacSHA1' | 'HmacSHA256'): string;
  sign3(args: {
    method: string;
    url: string;
    payload: unknown;
    timestamp: number;
    service: string;
    secretId: string;
    secretKey: string;
    multipart?: boolean;
    boundary?: string;
    headers: Record<string, string>;
  }): string;
}

export const sdkSign: SdkSign = require('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js').default;

interface SdkCommonClientCtor {
  new (
    endpoint: string,
    version: string,
    config: Record<string, unknown>,
  ): {
    request(action: string, params: Record<string, unknown>): Promise<unknown>;
    formatSignString(params: Record<string, unknown>): string;
  };
}
export const SdkCommonClient: SdkCommonClientCtor = require('tencentcloud-sdk-nodejs-common').CommonClient;
