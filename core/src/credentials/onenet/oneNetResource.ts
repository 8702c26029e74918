import { SigningInputError } from '../../signing/SigningInputError.js';

/** products/{pid} or products/{pid}/devices/{device name}; ids without "/" and not empty. */
export const ONENET_RES_PATTERN = /^products\/[^/\s]+(\/devices\/[^/\s]+)?$/;

export function checkOneNetResource(res: unknown, field = 'res'): string {
  if (typeof res !== 'string' || res === '') throw new SigningInputError(field, 'products/{pid} or products/{pid}/devices/{device name} (it was empty)');
  if (!ONENET_RES_PATTERN.test(res))
    throw new SigningInputError(field, `products/{pid} or products/{pid}/devices/{device name}, raw (not URL-encoded), got ${JSON.stringify(res)}`);
  return res;
}
