import { SigningInputError } from '../signing/SigningInputError.js';

/**
 * The key as the correct signing uses it (trimmed: real SecretKeys have no whitespace) and as given, so a key
 * read with its newline can itself be the diagnosis.
 */
export function readSecretKey(value: unknown): { secretKey: string; suppliedSecretKey: string } {
  if (typeof value !== 'string' || value.trim() === '')
    throw new SigningInputError('secretKey', 'the SecretKey the request should be signed with (a non-empty string)');
  return { secretKey: value.trim(), suppliedSecretKey: value };
}
