import { SigningInputError, V1_ALGORITHMS, type Tc3Request, type V1Request } from '@iot-devkit/core';

export type SignInput = { readonly scheme: 'tc3'; readonly request: Tc3Request } | { readonly scheme: 'v1'; readonly request: V1Request };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads one element of `iot-devkit sign` input. Field checks beyond the shape are the core signer's, so the
 * CLI, the extensions and the emulator report the same message for the same mistake.
 */
export function toSignInput(value: unknown): SignInput {
  if (!isObject(value)) throw new SigningInputError('input', 'a JSON object with an "algorithm" field');
  const { algorithm } = value;
  if (algorithm === 'TC3-HMAC-SHA256') {
    if (value['body'] !== undefined && typeof value['body'] !== 'string') throw new SigningInputError('body', 'the raw body as a string, signed byte for byte');
    return { scheme: 'tc3', request: { ...value, headers: value['headers'] ?? {} } as unknown as Tc3Request };
  }
  if (typeof algorithm === 'string' && (V1_ALGORITHMS as readonly string[]).includes(algorithm)) {
    return { scheme: 'v1', request: value as unknown as V1Request };
  }
  throw new SigningInputError('algorithm', `"TC3-HMAC-SHA256", "HmacSHA1" or "HmacSHA256", got ${JSON.stringify(algorithm ?? null)}`);
}
