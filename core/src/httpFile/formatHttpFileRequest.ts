// An API call (the Build & send form, a history entry) written as a request of a `.http` file, for the user to
// keep and share: REST Client's syntax with the toolkit's TC3 auth form naming a profile (never a key, ADR 0007).
// A secret parameter — whatever the one secret policy (redactForStorage) drops, a DefinedPsk, a Psk — is written as
// `{{$processEnv NAME}}` with a comment saying where to put it, so the file holds no secret and still sends the
// value once the variable is set. parseHttpFile reads the text back to the same action and parameters.
import type { ApiRequest } from '../request/ApiRequest.js';
import { resolveEndpoint } from '../request/resolveEndpoint.js';
import { REDACTED, redactForStorage } from '../views/secretPolicy.js';
import { REQUEST_NAME } from './parseTemplate.js';

export interface HttpFileRequestSource extends Omit<ApiRequest, 'method' | 'language'> {
  /** The profile the request is signed with when sent (`Authorization: TC3 profile:NAME`); absent: the active one. */
  readonly profile?: string;
}

export type FormattedHttpFileRequest =
  | { readonly ok: true; readonly text: string; readonly secretVariables: readonly string[] }
  | { readonly ok: false; readonly field: string; readonly message: string };

// What readTc3AuthForm accepts as an option's value, and what a header value may hold without breaking the line.
const OPTION_VALUE = /^[A-Za-z0-9_.-]+$/;
const ACTION = /^[A-Za-z][A-Za-z0-9]*$/;
const VERSION = /^\d{4}-\d{2}-\d{2}$/;
// A marker no JSON text of the parameters holds: JSON.stringify writes U+0001 as an escape.
const MARK = '\u0001';

/** DefinedPsk → DEFINED_PSK: the variable a secret parameter is read from. isSecretEnvName sees it as a secret, so runs mask it. */
export const secretVariableName = (param: string): string =>
  param
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();

/** camelCase of the action (DescribeDevice → describeDevice): a `# @name` later requests can chain from. */
const requestName = (action: string) => action.charAt(0).toLowerCase() + action.slice(1);

/** Replaces each dropped secret by a marker naming its variable; the depth was checked by redactForStorage. */
function markSecrets(value: unknown, key: string, variables: string[]): unknown {
  if (value === REDACTED) {
    const name = secretVariableName(key);
    if (!variables.includes(name)) variables.push(name);
    return `${MARK}${name}${MARK}`;
  }
  if (Array.isArray(value)) return value.map((item) => markSecrets(item, key, variables));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, markSecrets(child, name, variables)]));
}

export function formatHttpFileRequest(source: HttpFileRequestSource): FormattedHttpFileRequest {
  const bad = (field: string, message: string): FormattedHttpFileRequest => ({ ok: false, field, message });
  if (!ACTION.test(String(source.action))) return bad('action', 'action: an action name such as DescribeDevice');
  if (!OPTION_VALUE.test(String(source.service))) return bad('service', 'service: a service name such as iotcloud');
  if (!VERSION.test(String(source.version))) return bad('version', 'version: the API version, e.g. 2021-04-08');
  if (source.region && !OPTION_VALUE.test(source.region)) return bad('region', 'region: a region such as ap-guangzhou');
  if (source.profile && !OPTION_VALUE.test(source.profile))
    return bad('profile', `profile: "TC3 profile:<name>" takes letters, digits, ".", "_" and "-"; rename the profile or pick another`);
  let url: string;
  try {
    url = resolveEndpoint(source.service, source.region, source.endpoint);
  } catch (error) {
    return bad('endpoint', error instanceof Error ? error.message : 'endpoint: an absolute http(s) URL');
  }
  const { params = {}, redactedFromRequest } = redactForStorage({ service: source.service, action: source.action, params: source.params });
  if (redactedFromRequest.includes('params')) return bad('params', 'params: nested too deeply to write as a file');
  const variables: string[] = [];
  const marked = markSecrets(params, '', variables);
  const body = JSON.stringify(marked, null, 2)
    // "{{" in a value would be read back as a placeholder: "{\u007b" is the same JSON string, and no placeholder.
    .replaceAll('{{', '{\\u007b')
    .replace(new RegExp(`"\\\\u0001([A-Z0-9_]+)\\\\u0001"`, 'g'), (_, name: string) => `"{{$processEnv ${name}}}"`);

  const auth = [
    'TC3',
    ...(source.profile ? [`profile:${source.profile}`] : []),
    `service:${source.service}`,
    ...(source.region ? [`region:${source.region}`] : []),
  ];
  const name = requestName(source.action);
  const lines = [
    `### ${source.action} (${source.service} ${source.version})`,
    ...(REQUEST_NAME.test(name) ? [`# @name ${name}`] : []),
    `# Signed when sent with ${source.profile ? `the profile "${source.profile}"` : 'the active profile'} (iot-devkit http, or the IoT Devkit extension); no key is written here.`,
    ...variables.map((v) => `# ${v}: a secret, read from the environment variable ${v} when sent (export ${v}=…); never written in this file.`),
    `POST ${url} HTTP/1.1`,
    `Authorization: ${auth.join(' ')}`,
    'Content-Type: application/json',
    `X-TC-Action: ${source.action}`,
    `X-TC-Version: ${source.version}`,
    '',
    body,
    '',
  ];
  return { ok: true, text: lines.join('\n'), secretVariables: variables };
}
