import { createRequire } from 'node:module';
import type { KeychainLookup, KeychainProfile } from '@iot-devkit/core';

// The OS keychain through @napi-rs/keyring (keyring-rs): macOS Keychain, Windows Credential Manager, the Secret
// Service (GNOME Keyring, KWallet) on Linux. On Linux it is pinned to the Secret Service: the library's fallback,
// the kernel keyring, forgets everything at logout or reboot, which is not a place to keep a profile.

/** The keychain service name under which each profile is one entry: account = profile name, secret = JSON. */
export const KEYCHAIN_SERVICE = 'iot-devkit';

interface KeyringModule {
  Entry: new (
    service: string,
    account: string,
    options?: { linux?: { store?: 'secret-service' | 'keyutils' } },
  ) => {
    getPassword(): string | null;
    setPassword(password: string): void;
    deletePassword(): boolean;
  };
  findCredentials(service: string): { account: string; password: string }[];
}

const options = { linux: { store: 'secret-service' as const } };

function load(): KeyringModule | string {
  try {
    // Loaded on first use (a native add-on), so commands that never reach the keychain never load it.
    return createRequire(import.meta.url)('@napi-rs/keyring') as KeyringModule;
  } catch (error) {
    return `the @napi-rs/keyring add-on for ${process.platform}-${process.arch} could not be loaded: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

const reason = (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  return process.platform === 'linux' ? `no Secret Service over D-Bus (GNOME Keyring, KWallet) is reachable: ${message}` : message;
};

function parseEntry(password: string): KeychainProfile | undefined {
  try {
    const value = JSON.parse(password) as Partial<KeychainProfile>;
    if (typeof value.secretId !== 'string' || typeof value.secretKey !== 'string') return undefined;
    return {
      secretId: value.secretId,
      secretKey: value.secretKey,
      ...(typeof value.token === 'string' ? { token: value.token } : {}),
      ...(typeof value.region === 'string' ? { region: value.region } : {}),
    };
  } catch {
    return undefined;
  }
}

export function lookUpKeychainProfile(name: string): KeychainLookup {
  const keyring = load();
  if (typeof keyring === 'string') return { unavailable: keyring };
  try {
    const password = new keyring.Entry(KEYCHAIN_SERVICE, name, options).getPassword();
    const profile = password === null ? undefined : parseEntry(password);
    return profile ? { found: profile } : { notFound: true };
  } catch (error) {
    return { unavailable: reason(error) };
  }
}

export type KeychainResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly unavailable: string };

export function storeKeychainProfile(name: string, profile: KeychainProfile): KeychainResult<void> {
  const keyring = load();
  if (typeof keyring === 'string') return { ok: false, unavailable: keyring };
  try {
    new keyring.Entry(KEYCHAIN_SERVICE, name, options).setPassword(JSON.stringify(profile));
    return { ok: true, value: undefined };
  } catch (error) {
    return { ok: false, unavailable: reason(error) };
  }
}

export function removeKeychainProfile(name: string): KeychainResult<boolean> {
  const keyring = load();
  if (typeof keyring === 'string') return { ok: false, unavailable: keyring };
  try {
    return { ok: true, value: new keyring.Entry(KEYCHAIN_SERVICE, name, options).deletePassword() };
  } catch (error) {
    return { ok: false, unavailable: reason(error) };
  }
}

export function listKeychainProfiles(): KeychainResult<{ name: string; profile: KeychainProfile | undefined }[]> {
  const keyring = load();
  if (typeof keyring === 'string') return { ok: false, unavailable: keyring };
  try {
    return { ok: true, value: keyring.findCredentials(KEYCHAIN_SERVICE).map((c) => ({ name: c.account, profile: parseEntry(c.password) })) };
  } catch (error) {
    return { ok: false, unavailable: reason(error) };
  }
}
