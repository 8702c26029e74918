import { getOwnProperty } from '../encoding/setOwnProperty.js';
import { parseJsonBounded } from '../encoding/parseJsonBounded.js';

/**
 * What one profile's files in ~/.tccli say, as tccli writes them (`tccli/configure.py`, ConfigureSetCommand):
 * NAME.credential is a JSON object with `secretId`, `secretKey`, `token` and the role fields `role-arn`,
 * `role-session-name` (or `"type": "cvm-role"` for `use-cvm-role true`; `oauth`/`sso` for tccli's logins, which
 * tccli refreshes itself in `tccli/credentials.py`); NAME.configure holds `_sys_param.region` and `.output`
 * (older tccli wrote `region` at the top level; `_init_configure` moves it, and so do we when reading).
 */
export interface TccliCredentialFile {
  readonly secretId?: string;
  readonly secretKey?: string;
  readonly token?: string;
  readonly roleArn?: string;
  readonly roleSessionName?: string;
  readonly type?: string;
}

export interface TccliConfigureFile {
  readonly region?: string;
  readonly output?: string;
}

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

function readObject(text: string, path: string, what: string): Read<Record<string, unknown>> {
  const parsed = parseJsonBounded(text, path, { maxDepth: 8, maxLength: 1_000_000 });
  if (!parsed.ok) return { ok: false, message: `${path}: ${what} as tccli writes it, a JSON object (${parsed.message.replace(`${path}: `, '')})` };
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))
    return { ok: false, message: `${path}: ${what} as tccli writes it, a JSON object (this is not an object)` };
  return { ok: true, value: parsed.value as Record<string, unknown> };
}

function stringField(object: Record<string, unknown>, key: string, path: string): Read<string | undefined> {
  const value = getOwnProperty(object, key);
  if (value === undefined || value === null || value === '') return { ok: true, value: undefined };
  if (typeof value !== 'string') return { ok: false, message: `${path}: "${key}" must be a string, got ${typeof value}` };
  return { ok: true, value };
}

export function readTccliCredential(text: string, path: string): Read<TccliCredentialFile> {
  const object = readObject(text, path, 'a credential file');
  if (!object.ok) return object;
  const out: Record<string, string> = {};
  for (const [key, field] of [
    ['secretId', 'secretId'],
    ['secretKey', 'secretKey'],
    ['token', 'token'],
    ['role-arn', 'roleArn'],
    ['role-session-name', 'roleSessionName'],
    ['type', 'type'],
  ] as const) {
    const value = stringField(object.value, key, path);
    if (!value.ok) return value;
    if (value.value !== undefined) out[field] = value.value;
  }
  return { ok: true, value: out };
}

export function readTccliConfigure(text: string, path: string): Read<TccliConfigureFile> {
  const object = readObject(text, path, 'a configure file');
  if (!object.ok) return object;
  const sys = getOwnProperty(object.value, '_sys_param');
  const sysParam = typeof sys === 'object' && sys !== null && !Array.isArray(sys) ? (sys as Record<string, unknown>) : {};
  const out: Record<string, string> = {};
  for (const key of ['region', 'output'] as const) {
    const value = stringField(Object.prototype.hasOwnProperty.call(sysParam, key) ? sysParam : object.value, key, path);
    if (!value.ok) return value;
    if (value.value !== undefined) out[key] = value.value;
  }
  return { ok: true, value: out };
}
