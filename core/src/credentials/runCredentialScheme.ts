import type { HashProvider } from '../crypto/HashProvider.js';
import { SigningInputError } from '../signing/SigningInputError.js';
import type { SigningStep } from '../signing/SigningStep.js';
import type { CredentialFinding } from './CredentialVerification.js';
import { credentialFieldsOf, findCredentialScheme, type CredentialMode, type CredentialSchemeId } from './credentialSchemes.js';
import { BEARER_AUTHORIZATION_RULE, verifyMxchipAuthorization } from './mxchip/bearerAuthorization.js';
import { buildMxchipTokenRequest } from './mxchip/buildMxchipTokenRequest.js';
import { buildOneNetApiKeyRequest } from './onenet/oneNetApiKeyRequest.js';
import { checkOneNetMethod, signOneNetToken } from './onenet/signOneNetToken.js';
import { verifyOneNetToken } from './onenet/verifyOneNetToken.js';
import { signDeviceCredentials } from './tencent/signDeviceCredentials.js';
import { verifyDeviceCredentials } from './tencent/verifyDeviceCredentials.js';

/**
 * What a form hands over: the scheme, the mode, and every field as typed (empty means not given). Values come from
 * a page the host does not trust: anything that is not a string is read as not given, so hosts pass them on as is.
 */
export interface CredentialSchemeRun {
  readonly scheme: CredentialSchemeId;
  readonly mode: CredentialMode;
  readonly values: Readonly<Record<string, string>>;
  /** Unix seconds, from the host's clock. */
  readonly now: number;
}

/** One value to use (connect with, send), secrets masked. */
export interface CredentialOutput {
  readonly name: string;
  readonly value: string;
}

export interface CredentialSchemeResult {
  readonly scheme: CredentialSchemeId;
  readonly mode: CredentialMode;
  /** sign: the credential was made; verify: the captured one is right. False on bad input too. */
  readonly ok: boolean;
  /** Bad input: the field (a name from the scheme's definition) and what it must be. Nothing else is set then. */
  readonly problem?: { readonly field: string; readonly expected: string };
  readonly steps: readonly SigningStep[];
  readonly outputs: readonly CredentialOutput[];
  /** verify: each thing wrong, with its stable problem id and the part at fault. */
  readonly findings: readonly CredentialFinding[];
}

const UNIX_SECONDS = 'a Unix time in seconds such as 1700000000';

function readOptional(values: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function readSeconds(values: Readonly<Record<string, unknown>>, name: string, expected = UNIX_SECONDS): number | undefined {
  const text = readOptional(values, name)?.trim();
  if (text === undefined) return undefined;
  if (!/^\d{1,15}$/.test(text)) throw new SigningInputError(name, `${expected}, got ${JSON.stringify(text)}`);
  return Number(text);
}

/**
 * Runs one credential scheme from a form's values: sign (make the credential, every step) or verify (say whether a
 * captured one is right and which part is wrong). Never throws on bad input: the field at fault is named instead.
 */
export function runCredentialScheme(run: CredentialSchemeRun, options: { crypto?: HashProvider } = {}): CredentialSchemeResult {
  const base = { scheme: run.scheme, mode: run.mode };
  const refuse = (field: string, expected: string): CredentialSchemeResult => ({
    ...base,
    ok: false,
    problem: { field, expected },
    steps: [],
    outputs: [],
    findings: [],
  });
  const scheme = findCredentialScheme(run.scheme);
  if (!scheme) return refuse('scheme', `one of mqtt-device, onenet-token, onenet-api-key, mxchip-token, got ${JSON.stringify(run.scheme)}`);
  if (!scheme.modes.includes(run.mode))
    return refuse('mode', `${scheme.modes.map((m) => `"${m}"`).join(' or ')} for ${scheme.id}, got ${JSON.stringify(run.mode)}`);
  const values: Readonly<Record<string, unknown>> = typeof run.values === 'object' && run.values !== null ? run.values : {};
  for (const field of credentialFieldsOf(scheme, run.mode)) {
    if (field.required && !readOptional(values, field.name)?.trim()) return refuse(field.name, `${field.label.en} is required (${field.placeholder})`);
    const value = readOptional(values, field.name);
    if (field.options && value !== undefined && !field.options.includes(value))
      return refuse(field.name, `one of ${field.options.join(', ')}, got ${JSON.stringify(value)}`);
  }
  try {
    return { ...base, ...runScheme(run.scheme, run.mode, values, run.now, options.crypto) };
  } catch (error) {
    if (error instanceof SigningInputError) return refuse(error.field, error.expected);
    throw error;
  }
}

type SchemeOutcome = Omit<CredentialSchemeResult, 'scheme' | 'mode' | 'problem'>;

function runScheme(
  scheme: CredentialSchemeId,
  mode: CredentialMode,
  values: Readonly<Record<string, unknown>>,
  now: number,
  crypto: HashProvider | undefined,
): SchemeOutcome {
  const opt = (name: string) => readOptional(values, name);
  // Required fields were checked to be non-blank strings before any scheme runs.
  const req = (name: string) => values[name] as string;
  const withCrypto = crypto ? { crypto } : {};
  switch (scheme) {
    case 'mqtt-device': {
      if (mode === 'verify') {
        const clientId = opt('clientId')?.trim();
        const v = verifyDeviceCredentials(
          {
            username: req('username').trim(),
            password: req('password').trim(),
            devicePsk: req('devicePsk'),
            now,
            productId: req('productId').trim(),
            deviceName: req('deviceName').trim(),
            ...(clientId ? { clientId } : {}),
          },
          withCrypto,
        );
        return { ok: v.ok, steps: v.steps, findings: v.findings, outputs: [{ name: 'expected password', value: v.expectedPassword }] };
      }
      const expiry = opt('expiry')?.trim();
      const sdkAppId = opt('sdkAppId');
      const hmac = opt('hmac') as 'sha256' | 'sha1' | undefined;
      const connid = opt('connid')?.trim();
      const c = signDeviceCredentials(
        {
          productId: req('productId').trim(),
          deviceName: req('deviceName').trim(),
          devicePsk: req('devicePsk'),
          now,
          ...(expiry ? { expiry } : {}),
          ...(sdkAppId ? { sdkAppId } : {}),
          ...(hmac ? { hmac } : {}),
          ...(connid ? { connid } : {}),
        },
        withCrypto,
      );
      return {
        ok: true,
        steps: c.steps,
        findings: [],
        outputs: [
          { name: 'host', value: c.host },
          { name: 'port', value: String(c.port) },
          { name: 'clientId', value: c.clientId },
          { name: 'username', value: c.username },
          { name: 'password', value: c.password },
        ],
      };
    }
    case 'onenet-token': {
      if (mode === 'verify') {
        const expectedRes = opt('expectedRes')?.trim();
        const v = verifyOneNetToken({ token: req('token'), key: req('key'), now, ...(expectedRes ? { expectedRes } : {}) }, withCrypto);
        return { ok: v.ok, steps: v.steps, findings: v.findings, outputs: v.expectedToken ? [{ name: 'expected token', value: v.expectedToken }] : [] };
      }
      const et = readSeconds(values, 'et')!;
      const t = signOneNetToken({ res: req('res').trim(), et, method: checkOneNetMethod(req('method')), key: req('key'), now }, withCrypto);
      return { ok: true, steps: t.steps, findings: [], outputs: [{ name: 'token', value: t.token }] };
    }
    case 'onenet-api-key': {
      const keyToUpdate = opt('keyToUpdate');
      const r = buildOneNetApiKeyRequest({ apiKey: req('apiKey'), ...(keyToUpdate !== undefined ? { keyToUpdate } : {}) });
      // The header and the URL are the key itself: the steps show them masked, and there is nothing else to copy.
      return { ok: true, steps: r.steps, findings: [], outputs: [] };
    }
    case 'mxchip-token': {
      if (mode === 'verify') {
        const accessToken = opt('accessToken')?.trim();
        const obtainedAt = readSeconds(values, 'obtainedAt');
        const expiresIn = readSeconds(values, 'expiresIn', 'a whole number of seconds such as 604800 (expires_in of the token response)');
        if (accessToken !== undefined && obtainedAt === undefined)
          throw new SigningInputError('obtainedAt', `${UNIX_SECONDS}: when the token response arrived, needed to check the token's expiry`);
        if (accessToken !== undefined && expiresIn === undefined)
          throw new SigningInputError('expiresIn', 'expires_in of the token response, in seconds (604800 in the doc), needed to check the expiry');
        const token = accessToken !== undefined ? { accessToken, obtainedAt: obtainedAt!, expiresIn: expiresIn! } : undefined;
        const v = verifyMxchipAuthorization({ authorization: req('authorization').trim(), now, ...(token ? { token } : {}) });
        return { ok: v.ok, steps: v.steps, findings: v.findings, outputs: [] };
      }
      const baseUrl = opt('baseUrl')?.trim();
      const r = buildMxchipTokenRequest({ clientId: req('clientId').trim(), clientSecret: req('clientSecret'), ...(baseUrl ? { baseUrl } : {}) });
      return {
        ok: true,
        steps: [...r.steps, { id: 'authorization', ...BEARER_AUTHORIZATION_RULE, value: 'Authorization: Bearer <access_token from the token response>' }],
        findings: [],
        // The body holds client_secret (its step shows it masked): only what is safe and useful to copy.
        outputs: [
          { name: 'request', value: `POST ${r.url}` },
          {
            name: 'headers',
            value: Object.entries(r.headers)
              .map(([name, value]) => `${name}: ${value}`)
              .join('\n'),
          },
        ],
      };
    }
  }
}
