// TC3 as an auth form of a `.http` file, the toolkit's addition to REST Client's Basic/Digest/AAD forms:
//   Authorization: TC3                                   the active (default) profile
//   Authorization: TC3 profile:<name>                    a named profile
//   Authorization: TC3 {{$processEnv TENCENTCLOUD_SECRET_ID}} {{$processEnv TENCENTCLOUD_SECRET_KEY}} [token]
// each optionally with service:<name> and region:<region>. The line is replaced by the TC3-HMAC-SHA256 signature
// when the request is sent, so the file itself never holds a key. Messages never repeat a bare token: it may be one.

export interface Tc3AuthForm {
  readonly credentials:
    | { readonly kind: 'profile'; readonly profile?: string }
    | { readonly kind: 'inline'; readonly secretId: string; readonly secretKey: string; readonly token?: string };
  readonly service?: string;
  readonly region?: string;
}

const OPTIONS = ['profile', 'service', 'region'] as const;
const VALUE = /^[A-Za-z0-9_.-]+$/;

/** Undefined when the value is not the TC3 form (another scheme, or a signature written out: sent as it is). */
export function readTc3AuthForm(value: string): Tc3AuthForm | { readonly problem: string } | undefined {
  const tokens = value.trim().split(/\s+/);
  if (tokens[0] !== 'TC3') return undefined;
  const options = new Map<string, string>();
  const bare: string[] = [];
  for (const token of tokens.slice(1)) {
    const colon = token.indexOf(':');
    const key = colon > 0 ? token.slice(0, colon) : '';
    if (!(OPTIONS as readonly string[]).includes(key)) {
      if (colon > 0 && /^[a-z]+$/.test(key))
        return { problem: `Authorization: TC3: unknown option ${key}: (expected ${OPTIONS.map((o) => `${o}:<…>`).join(', ')})` };
      bare.push(token);
      continue;
    }
    const optionValue = token.slice(colon + 1);
    if (!VALUE.test(optionValue))
      return {
        problem: `Authorization: TC3: ${key}: expects a name such as ${key === 'region' ? 'ap-guangzhou' : key === 'service' ? 'iotcloud' : 'default'}`,
      };
    if (options.has(key)) return { problem: `Authorization: TC3: ${key}: given twice` };
    options.set(key, optionValue);
  }
  const service = options.get('service');
  const region = options.get('region');
  const extra = { ...(service ? { service } : {}), ...(region ? { region } : {}) };
  if (bare.length === 0) {
    const profile = options.get('profile');
    return { credentials: { kind: 'profile', ...(profile ? { profile } : {}) }, ...extra };
  }
  if (options.has('profile')) return { problem: 'Authorization: TC3: either profile:<name> or a SecretId and SecretKey, not both' };
  if (bare.length < 2 || bare.length > 3)
    return {
      problem: `Authorization: TC3: expected "TC3", "TC3 profile:<name>" or "TC3 <SecretId> <SecretKey> [<token>]" (e.g. from {{$processEnv TENCENTCLOUD_SECRET_ID}}), got ${bare.length} value(s) after TC3`,
    };
  const [secretId, secretKey, token] = bare as [string, string, string | undefined];
  return { credentials: { kind: 'inline', secretId, secretKey, ...(token ? { token } : {}) }, ...extra };
}
