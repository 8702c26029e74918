import { buildBearerAuthorization, readMxchipTokenResponse } from '../../credentials/mxchip/bearerAuthorization.js';
import { buildMxchipTokenRequest, type MxchipTokenRequestInput } from '../../credentials/mxchip/buildMxchipTokenRequest.js';
import { mxchipTokenState, type MxchipCachedToken } from '../../credentials/mxchip/mxchipTokenState.js';
import { SigningInputError } from '../../signing/SigningInputError.js';
import type { AuthScheme, HttpResponse } from './AuthScheme.js';

// meta.code 10100 (token expired) and 10101 (token wrong): the two answers a fresh token can fix.
const STALE_TOKEN_CODES = new Set([10100, 10101]);

function metaCode(response: HttpResponse): number | undefined {
  try {
    const code = (JSON.parse(response.body) as { meta?: { code?: unknown } }).meta?.code;
    return typeof code === 'number' ? code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * MXCHIP v3: an OAuth2 client_credentials token, fetched on first use, cached for its expires_in (refreshed a
 * little early), and dropped when the server answers 10100/10101 so the one retry fetches a new one.
 */
export function mxchipBearerAuth(client: MxchipTokenRequestInput): AuthScheme & { cachedToken(): MxchipCachedToken | undefined } {
  let token: MxchipCachedToken | undefined;
  return {
    name: 'MXCHIP Bearer',
    cachedToken: () => token,
    async authorize(request, context) {
      if (token === undefined || mxchipTokenState(token, context.now()).shouldRefresh) {
        const tokenRequest = buildMxchipTokenRequest(client);
        const response = await context.transport({ method: 'POST', url: tokenRequest.url, headers: tokenRequest.headers, body: tokenRequest.body });
        let parsed: unknown;
        try {
          parsed = JSON.parse(response.body);
        } catch {
          throw new SigningInputError('token response', `JSON from ${tokenRequest.url} (HTTP ${response.status})`);
        }
        token = readMxchipTokenResponse(parsed, context.now());
      }
      return { ...request, headers: { ...request.headers, ...buildBearerAuthorization(token.accessToken).headers } };
    },
    shouldRetry(response) {
      const code = metaCode(response);
      if (code === undefined || !STALE_TOKEN_CODES.has(code)) return false;
      token = undefined;
      return true;
    },
  };
}
