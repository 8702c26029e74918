import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse as parseIni } from 'ini';
import {
  chooseProfile,
  DEFAULT_PROFILE,
  resolveApiCredentials,
  setOwnProperty,
  type CredentialResolution,
  type CredentialSources,
  type ProfileChoice,
  type ReadText,
} from '@iot-devkit/core';
import { lookUpKeychainProfile } from './keychain.js';

export { DEFAULT_PROFILE };

type Env = Readonly<Record<string, string | undefined>>;

/** The home folder the way the SDKs find it: HOME (tencentcloud-sdk-python reads HOME, then HOMEPATH), else the OS's. */
export function homeOf(env: Env): string {
  return env['HOME'] || env['USERPROFILE'] || homedir();
}

/** tccli's folder (`tccli/credentials.py` cred_path_of_profile: ~/.tccli/NAME.credential). */
export const tccliPaths = (env: Env, name: string) => ({
  credential: join(homeOf(env), '.tccli', `${name}.credential`),
  configure: join(homeOf(env), '.tccli', `${name}.configure`),
});

/** The SDKs' shared file: ~/.tencentcloud/credentials, else /etc/tencentcloud/credentials (both SDKs' ProfileCredential). */
export function sharedCredentialsPath(env: Env): string {
  const user = join(homeOf(env), '.tencentcloud', 'credentials');
  return existsSync(user) || !existsSync('/etc/tencentcloud/credentials') ? user : '/etc/tencentcloud/credentials';
}

const MAX_FILE_BYTES = 1_000_000;

function readText(path: string): ReadText {
  try {
    const text = readFileSync(path, 'utf8');
    if (text.length > MAX_FILE_BYTES) return { path, error: `larger than ${MAX_FILE_BYTES} characters; a credential file is a few lines` };
    return { path, text };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path, missing: true };
    return { path, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The INI file parsed by `ini`, the parser tencentcloud-sdk-nodejs's ProfileCredential uses, so quoting reads alike. */
export function readSharedCredentials(env: Env): CredentialSources['sharedCredentials'] {
  const path = sharedCredentialsPath(env);
  const read = readText(path);
  if ('missing' in read) return { path, missing: true };
  if ('error' in read) return { path, error: read.error };
  const sections: Record<string, Record<string, unknown>> = {};
  // Own properties: a section named [__proto__] stays a section (for a profile of that name), never a prototype.
  for (const [name, value] of Object.entries(parseIni(read.text)))
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) setOwnProperty(sections, name, value as Record<string, unknown>);
  return { path, sections };
}

/** Every place a profile can come from, read for `choice` (the keychain only when asked). */
export function credentialSources(env: Env, choice: ProfileChoice): CredentialSources {
  const paths = tccliPaths(env, choice.name);
  return {
    env,
    tccliCredential: readText(paths.credential),
    tccliConfigure: readText(paths.configure),
    sharedCredentials: readSharedCredentials(env),
    keychain: () => lookUpKeychainProfile(choice.name),
  };
}

/**
 * The one resolution `request`, `http` and every signing command share (order: core's resolveApiCredentials).
 * `profileFlag` is --profile (or a .http file's `profile:`); without it, TCCLI_PROFILE, then `default`.
 */
export function resolveCredentials(env: Env, profileFlag?: string): CredentialResolution {
  const choice = chooseProfile(profileFlag, env);
  if ('problem' in choice) return { ok: false, message: choice.problem };
  return resolveApiCredentials(choice, credentialSources(env, choice));
}
