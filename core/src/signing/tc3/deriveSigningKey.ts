import type { HashProvider } from '../../crypto/HashProvider.js';
import { toHex } from '../../encoding/bytes.js';

export interface DerivedKeys {
  readonly secretDate: Uint8Array;
  readonly secretService: Uint8Array;
  readonly secretSigning: Uint8Array;
}

/**
 * SecretDate = HMAC_SHA256("TC3" + SecretKey, Date); SecretService = HMAC_SHA256(SecretDate, Service);
 * SecretSigning = HMAC_SHA256(SecretService, "tc3_request").
 */
export function deriveSigningKey(secretKey: string, date: string, service: string, crypto: HashProvider): DerivedKeys {
  const secretDate = crypto.hmac('sha256', 'TC3' + secretKey, date);
  const secretService = crypto.hmac('sha256', secretDate, service);
  const secretSigning = crypto.hmac('sha256', secretService, 'tc3_request');
  return { secretDate, secretService, secretSigning };
}

/** Derived keys with their hex forms, which every signature shows as steps: computed once per cache entry. */
export interface CachedSigningKeys extends DerivedKeys {
  readonly hex: { readonly secretDate: string; readonly secretService: string; readonly secretSigning: string };
}

/**
 * Derived keys change once a day per (key, service), so a host signing many requests (the emulator
 * verifying thousands a second, a replaying popup) caches them. Bounded: an evicted entry is just recomputed.
 */
export class SigningKeyCache {
  private readonly entries = new Map<string, CachedSigningKeys>();

  constructor(private readonly capacity = 64) {}

  get(secretKey: string, date: string, service: string, crypto: HashProvider): CachedSigningKeys {
    const cacheKey = `${crypto.name}\n${date}\n${service}\n${secretKey}`;
    const hit = this.entries.get(cacheKey);
    if (hit) return hit;
    const derived = deriveSigningKey(secretKey, date, service, crypto);
    const keys = { ...derived, hex: { secretDate: toHex(derived.secretDate), secretService: toHex(derived.secretService), secretSigning: toHex(derived.secretSigning) } };
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(cacheKey, keys);
    return keys;
  }
}
