// Profiles and their SecretKeys. A key lives in storage.session (memory only, gone with the browser) unless the
// developer chose "remember", which adds an AES-GCM copy under their passphrase; plain text never reaches disk.
import { maskSecret } from '@iot-devkit/core';
import type { ProfileInput, ProfileView } from '../protocol.js';
import type { StorageArea } from '../shared/StorageArea.js';
import { openSecret, sealSecret, type SealedSecret } from './keyVault.js';
import { signingKeys } from './signingKeys.js';

interface StoredProfile {
  readonly id: string;
  readonly name: string;
  readonly secretId: string;
  readonly region: string;
  readonly endpoint: string;
  readonly sealedKey?: SealedSecret;
}

export interface UsableProfile extends StoredProfile {
  readonly secretKey: string;
}

const PROFILES = 'profiles';
const sessionKeyName = (id: string) => `secretKey:${id}`;

function checkEndpoint(endpoint: string): string {
  const trimmed = endpoint.trim();
  if (trimmed === '') return '';
  if (!/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/i.test(trimmed))
    throw new Error(`endpoint: an http(s) URL such as http://127.0.0.1:9180/, or empty for the public domains; got ${JSON.stringify(endpoint)}`);
  return trimmed.replace(/\/?$/, '/');
}

export type ProfileStore = ReturnType<typeof createProfileStore>;

/** Profiles in `local`; their SecretKeys in `session`, and in `local` only sealed. */
export function createProfileStore(local: StorageArea, session: StorageArea) {
  async function readProfiles(): Promise<StoredProfile[]> {
    const stored = await local.get(PROFILES);
    return Array.isArray(stored) ? (stored as StoredProfile[]) : [];
  }

  async function sessionKey(id: string): Promise<string | undefined> {
    const value = await session.get(sessionKeyName(id));
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  async function toView(profile: StoredProfile): Promise<ProfileView> {
    const key = await sessionKey(profile.id);
    return {
      id: profile.id,
      name: profile.name,
      secretId: profile.secretId,
      region: profile.region,
      endpoint: profile.endpoint,
      remembered: profile.sealedKey !== undefined,
      keyState: key !== undefined ? 'session' : profile.sealedKey ? 'locked' : 'missing',
      maskedKey: key !== undefined ? maskSecret(key) : '',
    };
  }

  async function listProfiles(): Promise<ProfileView[]> {
    return Promise.all((await readProfiles()).map(toView));
  }

  async function saveProfile(input: ProfileInput): Promise<ProfileView> {
    const name = String(input.name ?? '').trim();
    const secretId = String(input.secretId ?? '').trim();
    if (name === '') throw new Error('name: a name for the profile, e.g. "dev account"');
    if (secretId === '') throw new Error('secretId: the SecretId from the Tencent Cloud API key page (starts with AKID)');
    const profiles = await readProfiles();
    const existing = input.id ? profiles.find((p) => p.id === input.id) : undefined;
    if (input.id && !existing) throw new Error(`id: no profile ${input.id}; it may have been deleted in another window`);
    const id = existing?.id ?? crypto.randomUUID();
    const secretKey = String(input.secretKey ?? '');
    let sealedKey = input.remember ? existing?.sealedKey : undefined;
    if (input.remember) {
      const keyToSeal = secretKey !== '' ? secretKey : await sessionKey(id);
      if (input.passphrase !== '') {
        if (keyToSeal === undefined) throw new Error('secretKey: enter the SecretKey to remember');
        sealedKey = await sealSecret(keyToSeal, input.passphrase);
      } else if (secretKey !== '' || !sealedKey) throw new Error('passphrase: at least 8 characters, to encrypt the remembered SecretKey');
    }
    const profile: StoredProfile = {
      id,
      name,
      secretId,
      region: String(input.region ?? '').trim(),
      endpoint: checkEndpoint(String(input.endpoint ?? '')),
      ...(sealedKey ? { sealedKey } : {}),
    };
    await local.set(PROFILES, existing ? profiles.map((p) => (p.id === id ? profile : p)) : [...profiles, profile]);
    if (secretKey !== '') {
      // A replaced key's derived keys must not outlive it in the signing cache.
      const previous = await sessionKey(id);
      if (previous !== undefined && previous !== secretKey) signingKeys.forget(previous);
      await session.set(sessionKeyName(id), secretKey);
    }
    return toView(profile);
  }

  async function deleteProfile(id: string): Promise<ProfileView[]> {
    const key = await sessionKey(id);
    if (key !== undefined) signingKeys.forget(key);
    await local.set(
      PROFILES,
      (await readProfiles()).filter((p) => p.id !== id),
    );
    await session.remove(sessionKeyName(id));
    return listProfiles();
  }

  async function unlockProfile(id: string, passphrase: string): Promise<ProfileView> {
    const profile = (await readProfiles()).find((p) => p.id === id);
    if (!profile) throw new Error(`id: no profile ${id}`);
    if (!profile.sealedKey) throw new Error(`profile "${profile.name}": no remembered SecretKey to unlock; enter the key instead`);
    await session.set(sessionKeyName(id), await openSecret(profile.sealedKey, passphrase));
    return toView(profile);
  }

  /** The profile with its key, for signing inside the service worker only; never sent to a page. */
  async function usableProfile(id: string): Promise<UsableProfile> {
    const profile = (await readProfiles()).find((p) => p.id === id);
    if (!profile)
      throw new Error(
        id === '' ? 'profile: none chosen; add one in Profiles' : `profile: choose a profile (none with id ${JSON.stringify(id)}; it may have been deleted)`,
      );
    const secretKey = await sessionKey(id);
    if (secretKey === undefined)
      throw new Error(
        profile.sealedKey
          ? `profile "${profile.name}": the remembered SecretKey is locked; unlock it with its passphrase`
          : `profile "${profile.name}": no SecretKey; enter it in Profiles`,
      );
    return { ...profile, secretKey };
  }

  return { listProfiles, saveProfile, deleteProfile, unlockProfile, usableProfile };
}
