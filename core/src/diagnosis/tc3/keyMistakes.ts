import { keyVariants } from '../keyVariants.js';
import type { Tc3Candidate } from './Tc3Candidate.js';

function keyCandidate(id: 'secret-key-whitespace' | 'secret-id-key-swapped'): Tc3Candidate {
  return {
    id,
    *variants({ base, secretKey, suppliedSecretKey, authorization }) {
      for (const variant of keyVariants(secretKey, suppliedSecretKey, authorization.secretId)) {
        if (variant.cause === id) yield { parts: { ...base, secretKey: variant.key }, detail: variant.detail };
      }
    },
  };
}

/** The HMAC key had whitespace around it (a file's newline, a pasted space, a BOM). */
export const secretKeyWhitespace = keyCandidate('secret-key-whitespace');
/** The HMAC was keyed with the SecretId. */
export const secretIdKeySwapped = keyCandidate('secret-id-key-swapped');
