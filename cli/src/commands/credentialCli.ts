import { getOwnProperty, isoOfUnix, maskSecret, SigningInputError, type CredentialFinding } from '@iot-devkit/core';
import { UsageError, type CommandContext } from '../Command.js';
import { flag, type ParsedArgs } from '../args.js';

// Shared by device-credentials and onenet-token: secrets come from the environment only, and core field names
// are reported as the flags a person typed.

/** Refuses a secret given on the command line (shell history, ps) without ever echoing it. */
export function refuseSecretFlags(args: readonly string[], secretFlags: Readonly<Record<string, string>>): void {
  for (const arg of args) {
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0]! : undefined;
    const instead = name === undefined ? undefined : secretFlags[name];
    if (instead) throw new UsageError(`--${name}: secrets are read from an environment variable only (shell history and ps would keep them); use ${instead}`);
  }
}

/** Reads the secret named by --<envFlag>; the message names the variable, never its value. */
export function secretFromEnv(context: CommandContext, parsed: ParsedArgs, envFlag: string, what: string): { name: string; value: string } {
  const name = flag(parsed, envFlag);
  if (name === undefined) throw new UsageError(`--${envFlag}: the name of the environment variable holding the ${what} (required)`);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(`--${envFlag}: an environment variable name such as DEVICE_PSK, not the secret itself`);
  const value = context.env[name];
  if (value === undefined || value === '') throw new UsageError(`--${envFlag}: environment variable ${name} is not set (it should hold the ${what})`);
  return { name, value };
}

export function requiredFlag(parsed: ParsedArgs, name: string, what: string): string {
  const value = flag(parsed, name);
  if (value === undefined || value === '') throw new UsageError(`--${name}: ${what} (required)`);
  return value;
}

export function unixSecondsFlag(parsed: ParsedArgs, name: string): number | undefined {
  const text = flag(parsed, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name}: a Unix time in seconds such as 1700000000, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** Runs a core call, turning a field-named SigningInputError into a UsageError naming the flag. */
export function withFlagNames<T>(fieldToFlag: Readonly<Record<string, string>>, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof SigningInputError) throw new UsageError(`${getOwnProperty(fieldToFlag, error.field) ?? error.field}: ${error.expected}`);
    throw error;
  }
}

export const describeExpiry = (expiry: number, now: number) => {
  const left = expiry - now;
  return `${expiry} = ${isoOfUnix(expiry)} (${left > 0 ? `in ${left} s` : `${-left} s ago`})`;
};

export const maskedFromEnv = (secret: { name: string; value: string }) => `${maskSecret(secret.value)}  (from $${secret.name})`;

/** A verify answer for a person: the verdict, then each finding with its stable id, the part at fault, en and zh. */
export function formatVerdict(ok: boolean, findings: readonly CredentialFinding[], okText: string): string {
  if (ok) return `Result: OK — ${okText}`;
  const lines = [`Result: WRONG — ${findings.length} problem${findings.length === 1 ? '' : 's'}`];
  for (const f of findings) lines.push(`  ✗ ${f.problem} (${f.field})`, `    ${f.message.en}`, `    ${f.message.zh}`);
  return lines.join('\n');
}
