// The "remember" option: a SecretKey kept across browser restarts only as AES-GCM ciphertext under a key
// derived from the developer's passphrase. WebCrypto only (the same code runs in Chrome, Firefox and Node's tests).
import { fromBase64, toBase64, utf8Encode } from '@iot-devkit/core';

/**
 * PBKDF2-HMAC-SHA256 iterations: OWASP's 2023 figure for SHA-256 (600,000), above the 310,000 floor we promise.
 * Stored with each sealed key, so raising it later still opens older ones.
 */
export const PBKDF2_ITERATIONS = 600_000;

export interface SealedSecret {
  readonly format: 'aes-256-gcm/pbkdf2-sha256';
  readonly iterations: number;
  /** base64, 16 random bytes. */
  readonly salt: string;
  /** base64, 12 random bytes (a fresh one per seal: GCM must never reuse an IV under one key). */
  readonly iv: string;
  /** base64 ciphertext with its 16-byte tag. */
  readonly ciphertext: string;
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', utf8Encode(passphrase) as Uint8Array<ArrayBuffer>, 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

export async function sealSecret(secret: string, passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<SealedSecret> {
  if (typeof secret !== 'string' || secret === '') throw new Error('secretKey: a non-empty SecretKey to remember');
  if (typeof passphrase !== 'string' || passphrase.length < 8) throw new Error('passphrase: at least 8 characters, to encrypt the remembered SecretKey');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt, iterations);
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, utf8Encode(secret) as Uint8Array<ArrayBuffer>));
  return { format: 'aes-256-gcm/pbkdf2-sha256', iterations, salt: toBase64(salt), iv: toBase64(iv), ciphertext: toBase64(ciphertext) };
}

function decodeField(sealed: SealedSecret, field: 'salt' | 'iv' | 'ciphertext'): Uint8Array<ArrayBuffer> {
  const bytes = typeof sealed[field] === 'string' ? fromBase64(sealed[field]) : undefined;
  if (bytes === undefined) throw new Error(`sealed key ${field}: base64 written by this extension; the stored record is damaged`);
  return bytes as Uint8Array<ArrayBuffer>;
}

export async function openSecret(sealed: SealedSecret, passphrase: string): Promise<string> {
  if (sealed?.format !== 'aes-256-gcm/pbkdf2-sha256' || !Number.isSafeInteger(sealed.iterations) || sealed.iterations < 1)
    throw new Error('sealed key: an AES-GCM/PBKDF2 record written by this extension');
  const [salt, iv, ciphertext] = [decodeField(sealed, 'salt'), decodeField(sealed, 'iv'), decodeField(sealed, 'ciphertext')];
  const key = await deriveKey(passphrase, salt, sealed.iterations);
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ciphertext);
    return new TextDecoder().decode(plain);
  } catch {
    // GCM's tag check fails for a wrong passphrase and for tampered ciphertext alike; neither reveals which.
    throw new Error('passphrase: it does not open the remembered SecretKey');
  }
}
