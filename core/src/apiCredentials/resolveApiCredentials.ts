import type { Credentials } from '../request/ApiRequest.js';
import { maskSecret } from '../signing/maskSecret.js';
import { DEFAULT_PROFILE, type ProfileChoice } from './chooseProfile.js';
import { readTccliConfigure, readTccliCredential, type TccliCredentialFile } from './readTccliProfile.js';

/** A file as the host read it: its text, or why there is none (`missing` is "no such file", not an error). */
export type ReadText =
  { readonly path: string; readonly text: string } | { readonly path: string; readonly missing: true } | { readonly path: string; readonly error: string };

/** Keys kept by `iot-devkit profile add` in the OS keychain. */
export interface KeychainProfile {
  readonly secretId: string;
  readonly secretKey: string;
  readonly token?: string;
  readonly region?: string;
}
export type KeychainLookup = { readonly found: KeychainProfile } | { readonly notFound: true } | { readonly unavailable: string };

/** Everything the host can read for one profile; the keychain is asked only when nothing before it answered. */
export interface CredentialSources {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly tccliCredential: ReadText;
  readonly tccliConfigure: ReadText;
  /** The SDKs' shared file, INI parsed by the host into sections of keys (`secret_id`, `secret_key`, `token`, `role_arn`). */
  readonly sharedCredentials: { readonly path: string } & (
    { readonly sections: Readonly<Record<string, Readonly<Record<string, unknown>>>> } | { readonly missing: true } | { readonly error: string }
  );
  readonly keychain: () => KeychainLookup;
}

export type CredentialSourceKind = 'environment' | 'tccli' | 'shared-credentials' | 'keychain';

export type CredentialResolution =
  | {
      readonly ok: true;
      readonly credentials: Credentials;
      readonly region?: string;
      readonly kind: CredentialSourceKind;
      /** One line for stderr: where the keys came from, keys masked. */
      readonly summary: string;
    }
  | { readonly ok: false; readonly message: string };

const ENV_ID = 'TENCENTCLOUD_SECRET_ID';
const ENV_KEY = 'TENCENTCLOUD_SECRET_KEY';
const ENV_TOKEN = 'TENCENTCLOUD_SESSION_TOKEN';
const ENV_REGION = 'TENCENTCLOUD_REGION';

const needsSts = (where: string, roleArn: string, sessionName: string | undefined) =>
  `${where}: role-arn ${roleArn}${sessionName ? ` (session ${sessionName})` : ''} — tccli would call STS AssumeRole with these keys to get temporary ones; iot-devkit signs offline and does not make that call, so it will not sign as the role. Get temporary keys (e.g. tccli sts AssumeRole --RoleArn ${roleArn} --RoleSessionName NAME) and put TmpSecretId, TmpSecretKey and Token in ${ENV_ID}, ${ENV_KEY} and ${ENV_TOKEN}`;

function masked(credentials: Credentials, region: string | undefined): string {
  return [
    `SecretId ${maskSecret(credentials.secretId)}`,
    `SecretKey ${maskSecret(credentials.secretKey)}`,
    ...(credentials.token ? [`session token ${maskSecret(credentials.token)}`] : []),
    ...(region ? [`region ${region}`] : []),
  ].join(', ');
}

/**
 * The order, decided in docs/adr/0013-credentials-like-tccli-and-the-sdks.md:
 *  1. the environment (TENCENTCLOUD_SECRET_ID + _SECRET_KEY, with _SESSION_TOKEN and TENCENTCLOUD_REGION) — only
 *     when no profile was named, as tccli applies them only `if not is_exist_profile` (tccli/services/*_client.py
 *     `parse_global_arg`); both must be set, as in the SDKs' EnvironmentVariableCredential;
 *  2. tccli's ~/.tccli/NAME.credential (keys) and NAME.configure (region, output);
 *  3. the SDKs' shared file ~/.tencentcloud/credentials (tencentcloud-sdk-nodejs `src/common/credential.ts`
 *     ProfileCredential: `secret_id`, `secret_key`, `token`; tencentcloud-sdk-python `ProfileCredential`: `role_arn`),
 *     section [NAME] — the SDKs read only [default], so profile `default` means the same there;
 *  4. the OS keychain (`iot-devkit profile add`), last, so that adding one never changes what tccli's files answer.
 * Pure: the host reads the files; nothing here touches a disk.
 */
export function resolveApiCredentials(profile: ProfileChoice, sources: CredentialSources): CredentialResolution {
  const { env } = sources;
  const looked: string[] = [];
  const named = profile.chosenBy !== 'default';
  const envRegion = !named && env[ENV_REGION] ? env[ENV_REGION] : undefined;

  // tccli's configure file gives the region whichever source gives the keys, as parse_global_arg merges them.
  let configured: { region?: string } = {};
  const configure = sources.tccliConfigure;
  if ('text' in configure) {
    const read = readTccliConfigure(configure.text, configure.path);
    if (!read.ok) return { ok: false, message: read.message };
    configured = read.value;
  } else if ('error' in configure) return { ok: false, message: `${configure.path}: cannot be read (${configure.error})` };
  const region = envRegion ?? configured.region;
  const extra = region ? { region } : {};

  // 1. The environment.
  const envId = env[ENV_ID];
  const envKey = env[ENV_KEY];
  if (named)
    looked.push(
      `${ENV_ID} / ${ENV_KEY}: not used, because profile "${profile.name}" was named (${profile.chosenBy === 'flag' ? '--profile' : 'TCCLI_PROFILE'}), as tccli does`,
    );
  else if (envId && envKey) {
    const token = env[ENV_TOKEN];
    const credentials: Credentials = { secretId: envId, secretKey: envKey, ...(token ? { token } : {}) };
    const names = [ENV_ID, ENV_KEY, ...(token ? [ENV_TOKEN] : [])].join(', ');
    return { ok: true, credentials, ...extra, kind: 'environment', summary: `credentials from the environment (${names}): ${masked(credentials, region)}` };
  } else if (envId) looked.push(`${ENV_KEY}: set it too (${ENV_ID} is set; the SDKs and tccli use the two only together)`);
  else if (envKey) looked.push(`${ENV_ID}: set it too (${ENV_KEY} is set; the SDKs and tccli use the two only together)`);
  else looked.push(`${ENV_ID} / ${ENV_KEY}: not set`);

  // 2. tccli's profile files.
  const credentialFile = sources.tccliCredential;
  if ('text' in credentialFile) {
    const read = readTccliCredential(credentialFile.text, credentialFile.path);
    if (!read.ok) return { ok: false, message: read.message };
    const problem = unusableTccli(read.value, credentialFile.path);
    if (problem) return { ok: false, message: problem };
    const credentials: Credentials = {
      secretId: read.value.secretId!,
      secretKey: read.value.secretKey!,
      ...(read.value.token ? { token: read.value.token } : {}),
    };
    const temporary =
      read.value.type === 'oauth' || read.value.type === 'sso'
        ? ` (temporary keys of tccli's ${read.value.type} login; tccli refreshes them, run any tccli command if they have expired)`
        : '';
    return {
      ok: true,
      credentials,
      ...extra,
      kind: 'tccli',
      summary: `credentials from ${credentialFile.path} (tccli profile "${profile.name}")${temporary}: ${masked(credentials, region)}`,
    };
  }
  if ('error' in credentialFile) return { ok: false, message: `${credentialFile.path}: cannot be read (${credentialFile.error})` };
  looked.push(`${credentialFile.path}: no such file`);

  // 3. The SDKs' shared credentials file.
  const shared = sources.sharedCredentials;
  if ('sections' in shared) {
    const section = Object.prototype.hasOwnProperty.call(shared.sections, profile.name) ? shared.sections[profile.name] : undefined;
    if (section) {
      const field = (key: string) => {
        const value = Object.prototype.hasOwnProperty.call(section, key) ? section[key] : undefined;
        return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
      };
      const where = `${shared.path} [${profile.name}]`;
      const roleArn = field('role_arn');
      if (roleArn) return { ok: false, message: needsSts(where, roleArn, field('role_session_name')) };
      const secretId = field('secret_id');
      const secretKey = field('secret_key');
      if (!secretId || !secretKey)
        return {
          ok: false,
          message: `${where}: secret_id and secret_key are both needed (as the SDKs' ProfileCredential reads them); ${secretId ? 'secret_key' : 'secret_id'} is missing`,
        };
      const token = field('token');
      const credentials: Credentials = { secretId, secretKey, ...(token ? { token } : {}) };
      return { ok: true, credentials, ...extra, kind: 'shared-credentials', summary: `credentials from ${where}: ${masked(credentials, region)}` };
    }
    looked.push(`${shared.path}: no [${profile.name}] section`);
  } else if ('error' in shared) return { ok: false, message: `${shared.path}: cannot be read (${shared.error})` };
  else looked.push(`${shared.path}: no such file`);

  // 4. The OS keychain.
  const keychain = sources.keychain();
  if ('found' in keychain) {
    const { secretId, secretKey, token } = keychain.found;
    const credentials: Credentials = { secretId, secretKey, ...(token ? { token } : {}) };
    const keychainRegion = region ?? keychain.found.region;
    return {
      ok: true,
      credentials,
      ...extra,
      ...(keychainRegion ? { region: keychainRegion } : {}),
      kind: 'keychain',
      summary: `credentials from the OS keychain (iot-devkit profile "${profile.name}"): ${masked(credentials, keychainRegion)}`,
    };
  }
  looked.push(
    'unavailable' in keychain ? `the OS keychain: not available (${keychain.unavailable})` : `the OS keychain: no iot-devkit profile "${profile.name}"`,
  );

  const fix =
    profile.name === DEFAULT_PROFILE
      ? `Set ${ENV_ID} and ${ENV_KEY}, run \`tccli configure\`, or \`iot-devkit profile add ${profile.name}\`.`
      : `Run \`tccli configure --profile ${profile.name}\` or \`iot-devkit profile add ${profile.name}\`, or add a [${profile.name}] section to ${shared.path}.`;
  return {
    ok: false,
    message: `no credentials for profile "${profile.name}"; looked, in this order, at:\n${looked.map((l, i) => `  ${i + 1}. ${l}`).join('\n')}\n${fix}`,
  };
}

/** Why a tccli credential file cannot sign offline, named by its fields; undefined when it can. */
function unusableTccli(file: TccliCredentialFile, path: string): string | undefined {
  if (file.type === 'cvm-role')
    return `${path}: "type": "cvm-role" (tccli configure set use-cvm-role true) — the keys come from the CVM instance's metadata service at each call; iot-devkit does not call it. Put temporary keys in ${ENV_ID}, ${ENV_KEY} and ${ENV_TOKEN} instead`;
  if (file.roleArn) return needsSts(path, file.roleArn, file.roleSessionName);
  if (!file.secretId || !file.secretKey)
    return `${path}: secretId and secretKey are both needed (tccli configure set secretId … secretKey …); ${file.secretId ? 'secretKey' : 'secretId'} is missing`;
  return undefined;
}
