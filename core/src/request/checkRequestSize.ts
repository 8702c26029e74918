import { utf8Encode } from '../encoding/bytes.js';
import type { HttpRequest, SignatureScheme } from './ApiRequest.js';

/** The doc's size limits (请求结构): GET 32 KB; POST 1 MB with v1, 10 MB with TC3. */
export const REQUEST_SIZE_LIMITS = { getMaxBytes: 32 * 1024, postV1MaxBytes: 1024 * 1024, postTc3MaxBytes: 10 * 1024 * 1024 } as const;

/** Undefined when the request fits; otherwise a message naming the limit and the fix. */
export function checkRequestSize(request: HttpRequest, scheme: SignatureScheme): string | undefined {
  if (request.method === 'GET') {
    const size = utf8Encode(request.url).length;
    if (size > REQUEST_SIZE_LIMITS.getMaxBytes)
      return `request: a GET request is limited to 32 KB and this one is ${(size / 1024).toFixed(1)} KB; send it as POST (TC3 allows 10 MB)`;
    return undefined;
  }
  const size = utf8Encode(request.body).length;
  const limit = scheme === 'TC3-HMAC-SHA256' ? REQUEST_SIZE_LIMITS.postTc3MaxBytes : REQUEST_SIZE_LIMITS.postV1MaxBytes;
  if (size > limit)
    return `body: a POST body signed with ${scheme} is limited to ${limit / 1024 / 1024} MB and this one is ${(size / 1024 / 1024).toFixed(2)} MB`;
  return undefined;
}
