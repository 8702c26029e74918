import { SigningInputError } from '../../signing/SigningInputError.js';
import type { AuthScheme } from './AuthScheme.js';

/** OneNET's plain `api-key` header (seed 002): no signature, the key itself authenticates. */
export function oneNetApiKeyAuth(apiKey: string): AuthScheme {
  if (typeof apiKey !== 'string' || apiKey.trim() === '') throw new SigningInputError('apiKey', 'a OneNET API key (it was empty)');
  return {
    name: 'OneNET api-key',
    authorize: async (request) => ({ ...request, headers: { ...request.headers, 'api-key': apiKey } }),
  };
}
