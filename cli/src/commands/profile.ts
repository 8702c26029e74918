import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { maskSecret, profileNameProblem, readTccliCredential } from '@iot-devkit/core';
import { UsageError, type Command, type CommandContext } from '../Command.js';
import { flag, parseArgs } from '../args.js';
import { listKeychainProfiles, removeKeychainProfile, storeKeychainProfile } from '../credentials/keychain.js';
import { homeOf, readSharedCredentials, tccliPaths } from '../credentials/resolveCredentials.js';
import { secretFromEnv } from './credentialCli.js';

// Profiles the toolkit keeps itself live in the OS keychain only: iot-devkit never writes a key to a plain file.
// tccli's files and the SDKs' shared file are read, listed and left alone (tccli configure writes those).

const noKeychain = (why: string) =>
  `no OS keychain is available here (${why}), so nothing was stored: iot-devkit keeps keys only in the keychain, never in a plain file. ` +
  'Use TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY in the environment, or tccli configure (its ~/.tccli files are read as they are).';

function requireName(name: string | undefined, verb: string): string {
  if (!name) throw new UsageError(`profile ${verb}: a profile name is required, e.g. iot-devkit profile ${verb} prod`);
  const problem = profileNameProblem(name);
  if (problem) throw new UsageError(`profile ${verb} ${JSON.stringify(name)}: ${problem}`);
  return name;
}

function add(context: CommandContext, args: readonly string[]): number {
  const parsed = parseArgs(args, [], ['secret-id', 'secret-key-env', 'token-env', 'region']);
  const name = requireName(parsed.positionals[0], 'add');
  const secretId = flag(parsed, 'secret-id') ?? context.env['TENCENTCLOUD_SECRET_ID'];
  if (!secretId) throw new UsageError('--secret-id: the SecretId (AKID…), or set TENCENTCLOUD_SECRET_ID');
  const secretKey = secretFromEnv(
    context,
    { ...parsed, flags: new Map([...parsed.flags, ['secret-key-env', [flag(parsed, 'secret-key-env') ?? 'TENCENTCLOUD_SECRET_KEY']]]) },
    'secret-key-env',
    'SecretKey',
  );
  const tokenEnv = flag(parsed, 'token-env');
  const token = tokenEnv ? secretFromEnv(context, parsed, 'token-env', 'session token').value : undefined;
  const region = flag(parsed, 'region');
  // The keychain is read last (after tccli's files and the shared file), so a profile of the same name there would never be used.
  const paths = tccliPaths(context.env, name);
  const shared = readSharedCredentials(context.env);
  const shadowedBy = existsSync(paths.credential)
    ? paths.credential
    : 'sections' in shared && Object.hasOwn(shared.sections, name)
      ? `${shared.path} [${name}]`
      : undefined;
  if (shadowedBy) throw new UsageError(`profile add ${name}: ${shadowedBy} already has profile "${name}" and is read before the keychain; choose another name`);
  const stored = storeKeychainProfile(name, { secretId, secretKey: secretKey.value, ...(token ? { token } : {}), ...(region ? { region } : {}) });
  if (!stored.ok) {
    context.err(`iot-devkit profile add: ${noKeychain(stored.unavailable)}`);
    return 1;
  }
  context.out(
    `profile "${name}" stored in the OS keychain: SecretId ${maskSecret(secretId)}, SecretKey ${maskSecret(secretKey.value)} (from $${secretKey.name})${region ? `, region ${region}` : ''}`,
  );
  return 0;
}

function list(context: CommandContext): number {
  const lines: string[] = [];
  const shared = readSharedCredentials(context.env);
  const keychain = listKeychainProfiles();
  const id = context.env['TENCENTCLOUD_SECRET_ID'];
  lines.push(
    `environment: ${id && context.env['TENCENTCLOUD_SECRET_KEY'] ? `SecretId ${maskSecret(id)}, SecretKey ${maskSecret(context.env['TENCENTCLOUD_SECRET_KEY'])} (used when no profile is named)` : 'TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY not set'}`,
  );
  const tccliFolder = join(homeOf(context.env), '.tccli');
  let tccliFiles: string[] = [];
  try {
    tccliFiles = readdirSync(tccliFolder).filter((f) => f.endsWith('.credential') && !profileNameProblem(f.slice(0, -'.credential'.length)));
  } catch {
    lines.push(`${tccliFolder}: no such folder (tccli configure creates it)`);
  }
  for (const file of tccliFiles.sort()) {
    const path = join(tccliFolder, file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      lines.push(`${path}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const read = readTccliCredential(text, path);
    lines.push(
      `${path}: ${read.ok ? `SecretId ${maskSecret(read.value.secretId ?? '')}, SecretKey ${maskSecret(read.value.secretKey ?? '')}${read.value.roleArn ? `, role-arn ${read.value.roleArn} (needs STS: not used offline)` : ''}${read.value.type ? `, type ${read.value.type}` : ''}` : read.message}`,
    );
  }
  if ('sections' in shared) for (const name of Object.keys(shared.sections)) lines.push(`${shared.path} [${name}]: ${maskedSection(shared.sections[name]!)}`);
  else lines.push(`${shared.path}: ${'missing' in shared ? 'no such file' : shared.error}`);
  if (keychain.ok) {
    for (const entry of keychain.value)
      lines.push(
        `OS keychain "${entry.name}": ${entry.profile ? `SecretId ${maskSecret(entry.profile.secretId)}, SecretKey ${maskSecret(entry.profile.secretKey)}${entry.profile.region ? `, region ${entry.profile.region}` : ''}` : 'not an iot-devkit profile'}`,
      );
    if (keychain.value.length === 0) lines.push('OS keychain: no iot-devkit profiles');
  } else lines.push(`OS keychain: not available (${keychain.unavailable})`);
  context.out(`Profiles, in the order they are looked at (the environment only when no profile is named):\n${lines.map((l) => `  ${l}`).join('\n')}`);
  return 0;
}

const maskedSection = (section: Readonly<Record<string, unknown>>) => {
  const text = (key: string) => (typeof section[key] === 'string' ? (section[key] as string) : '');
  return `secret_id ${maskSecret(text('secret_id'))}, secret_key ${maskSecret(text('secret_key'))}${text('role_arn') ? `, role_arn ${text('role_arn')} (needs STS: not used offline)` : ''}`;
};

function remove(context: CommandContext, args: readonly string[]): number {
  const parsed = parseArgs(args, [], []);
  const name = requireName(parsed.positionals[0], 'remove');
  const removed = removeKeychainProfile(name);
  if (!removed.ok) {
    context.err(`iot-devkit profile remove: no OS keychain is available here (${removed.unavailable}); nothing to remove`);
    return 1;
  }
  if (!removed.value) {
    context.err(`iot-devkit profile remove: the OS keychain has no iot-devkit profile "${name}" (tccli's files are removed with tccli configure remove)`);
    return 1;
  }
  context.out(`profile "${name}" removed from the OS keychain`);
  return 0;
}

export const profileCommand: Command = {
  name: 'profile',
  summary: 'Keep API keys as named profiles in the OS keychain (never a plain file); list every profile source, masked',
  usage: `Usage: iot-devkit profile add NAME [--secret-id AKID… ] [--secret-key-env VAR] [--token-env VAR] [--region R]
       iot-devkit profile list
       iot-devkit profile remove NAME

  add      stores the SecretKey read from the variable VAR (default TENCENTCLOUD_SECRET_KEY; never from the command
           line) with the SecretId (--secret-id, default TENCENTCLOUD_SECRET_ID) in the OS keychain (macOS Keychain,
           Windows Credential Manager, the Secret Service on Linux). Without a keychain it refuses: it never writes
           a plain file. A name that tccli's files already use is refused (those are read first).
  list     the environment's keys, the SDKs' ~/.tencentcloud/credentials sections and the keychain's profiles, masked
  remove   deletes a keychain profile
Use one with --profile NAME (request, http) or TCCLI_PROFILE=NAME.
Exit codes: 0 ok, 1 no keychain or no such profile, 2 bad input.`,
  async run(context) {
    const [verb, ...rest] = context.args;
    if (verb === 'add') return add(context, rest);
    if (verb === 'list') {
      if (rest.length > 0) throw new UsageError(`profile list takes no arguments, got ${JSON.stringify(rest[0])}`);
      return list(context);
    }
    if (verb === 'remove') return remove(context, rest);
    throw new UsageError(`profile: add, list or remove${verb ? `, got ${JSON.stringify(verb)}` : ''}`);
  },
};
