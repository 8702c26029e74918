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
 * Entries are keyed by a SHA-256 fingerprint of the SecretKey, never the key itself, and a host drops a key's
 * entries with `forget` when its profile is deleted (issue 12: the cache outlived a deleted profile).
 */
export class SigningKeyCache {
  private readonly entries = new Map<string, CachedSigningKeys>();
  /** The providers that computed fingerprints: `forget` needs each one's (typically there is one). */
  private readonly providers = new Map<string, HashProvider>();

  constructor(private readonly capacity = 64) {}

  private static fingerprint(secretKey: string, crypto: HashProvider): string {
    return toHex(crypto.hash('sha256', `iot-devkit signing key cache\n${secretKey}`));
  }

  get(secretKey: string, date: string, service: string, crypto: HashProvider): CachedSigningKeys {
    const cacheKey = `${crypto.name}\n${SigningKeyCache.fingerprint(secretKey, crypto)}\n${date}\n${service}`;
    const hit = this.entries.get(cacheKey);
    if (hit) return hit;
    const derived = deriveSigningKey(secretKey, date, service, crypto);
    const keys = {
      ...derived,
      hex: { secretDate: toHex(derived.secretDate), secretService: toHex(derived.secretService), secretSigning: toHex(derived.secretSigning) },
    };
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(cacheKey, keys);
    this.providers.set(crypto.name, crypto);
    return keys;
  }

  /** Drops every entry derived from this SecretKey (its profile was deleted or its key replaced). */
  forget(secretKey: string): void {
    for (const [name, crypto] of this.providers) {
      const prefix = `${name}\n${SigningKeyCache.fingerprint(secretKey, crypto)}\n`;
      for (const cacheKey of [...this.entries.keys()]) if (cacheKey.startsWith(prefix)) this.entries.delete(cacheKey);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cache's own keys, for tests that check no SecretKey is among them. */
  cacheKeys(): string[] {
    return [...this.entries.keys()];
  }
}
