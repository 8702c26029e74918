import type { HashProvider } from '../../crypto/HashProvider.js';
import { signTc3 } from '../../signing/tc3/signTc3.js';
import type { Credentials } from '../ApiRequest.js';
import type { AuthScheme } from './AuthScheme.js';

/** Tencent Cloud API 3.0: signs the request as it stands with a fresh timestamp on every send (so replays work). */
export function tc3Auth(credentials: Credentials, service: string, crypto?: HashProvider): AuthScheme {
  return {
    name: 'TC3-HMAC-SHA256',
    async authorize(request, context) {
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([k]) => !/^(authorization|x-tc-timestamp)$/i.test(k)));
      const signed = signTc3(
        {
          method: request.method,
          url: request.url,
          headers,
          body: request.body,
          timestamp: context.now(),
          secretId: credentials.secretId,
          secretKey: credentials.secretKey,
          service,
          ...(credentials.token ? { token: credentials.token } : {}),
        },
        crypto ? { crypto } : {},
      );
      return { ...request, headers: signed.headers };
    },
  };
}
