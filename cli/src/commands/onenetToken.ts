import { checkOneNetMethod, signOneNetToken, verifyOneNetToken, type OneNetMethod } from '@iot-devkit/core';
import { UsageError, type Command } from '../Command.js';
import { flag, hasFlag, parseArgs } from '../args.js';
import { formatFields, formatSteps } from '../formatSteps.js';
import { nodeHashProvider } from '../nodeHashProvider.js';
import {
  describeExpiry,
  formatVerdict,
  maskedFromEnv,
  refuseSecretFlags,
  requiredFlag,
  secretFromEnv,
  unixSecondsFlag,
  withFlagNames,
} from './credentialCli.js';

const FIELD_TO_FLAG = (keyEnv: string): Record<string, string> => ({
  res: '--res',
  et: '--et',
  method: '--method',
  key: `--key-env (${keyEnv})`,
  token: '--token',
});

export const onenetTokenCommand: Command = {
  name: 'onenet-token',
  summary: 'OneNET security token (version 2018-10-31) with every step, or --verify a captured one',
  usage: `Usage: iot-devkit onenet-token --res R --et T [--method md5|sha1|sha256] --key-env VAR [--json]
       iot-devkit onenet-token --verify --token T --key-env VAR [--res R] [--json]

Computes a OneNET token:
  sign   base64(HMAC-<method>(base64decode(key), et + "\\n" + method + "\\n" + res + "\\n" + "2018-10-31"))
  token  version=2018-10-31&res=…&et=…&method=…&sign=…   (each value URL-encoded once)

  --res R         products/{pid} or products/{pid}/devices/{device name}, raw (with --verify: the res expected)
  --et T          expiry, Unix time in seconds
  --method        sha256 (default), sha1 or md5
  --key-env VAR   name of the environment variable holding the access key (base64). Secrets are never arguments.
  --verify        check a captured --token against the key instead; names what is wrong with a stable id:
                  expired, wrong-resource, wrong-method, key-not-base64-decoded, wrong-url-encoding,
                  malformed-token, signature-mismatch
  --json          print JSON instead of the steps
The key is shown masked. Exit codes: 0 ok, 1 verify found a problem, 2 bad input (one line on stderr naming the option).`,
  async run(context) {
    refuseSecretFlags(context.args, { key: '--key-env VAR', 'access-key': '--key-env VAR' });
    const parsed = parseArgs(context.args, ['json', 'verify'], ['res', 'et', 'method', 'key-env', 'token']);
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
    const json = hasFlag(parsed, 'json');
    const now = context.now();
    const key = secretFromEnv(context, parsed, 'key-env', 'OneNET access key, base64');
    const fieldToFlag = FIELD_TO_FLAG(key.name);

    if (hasFlag(parsed, 'verify')) {
      for (const f of ['et', 'method']) if (hasFlag(parsed, f)) throw new UsageError(`--${f}: not used with --verify (it is read from the token)`);
      const token = requiredFlag(parsed, 'token', 'the captured token, version=…&res=…&et=…&method=…&sign=…');
      const expectedRes = flag(parsed, 'res');
      const v = withFlagNames(fieldToFlag, () =>
        verifyOneNetToken({ token, key: key.value, now, ...(expectedRes !== undefined ? { expectedRes } : {}) }, { crypto: nodeHashProvider }),
      );
      if (json) {
        context.out(
          JSON.stringify({ ok: v.ok, findings: v.findings, parsed: v.parsed, ...(v.expectedToken ? { expectedToken: v.expectedToken } : {}) }, null, 2),
        );
      } else {
        const et = v.parsed.et !== undefined && /^\d{1,10}$/.test(v.parsed.et) ? Number(v.parsed.et) : undefined;
        const header = formatFields([
          ['Scheme', 'OneNET token, version 2018-10-31 (verify)'],
          ['Resource', v.parsed.res ?? '(missing)'],
          ['Method', v.parsed.method ?? '(missing)'],
          ['Key', maskedFromEnv(key)],
          ...(et !== undefined ? [['Expires (et)', describeExpiry(et, now)] as const] : []),
        ]);
        const okText = `the token is right for this key${et !== undefined ? `, valid until ${describeExpiry(et, now)}` : ''}`;
        context.out(`${header}\n\n${formatVerdict(v.ok, v.findings, okText)}\n\nRecomputed from the token's res, et and method:\n\n${formatSteps(v.steps)}`);
      }
      return v.ok ? 0 : 1;
    }

    if (hasFlag(parsed, 'token')) throw new UsageError('--token: only used with --verify');
    const res = requiredFlag(parsed, 'res', 'products/{pid} or products/{pid}/devices/{device name}');
    const et = unixSecondsFlag(parsed, 'et');
    if (et === undefined) throw new UsageError('--et: the expiry, a Unix time in seconds (required)');
    const methodText = flag(parsed, 'method') ?? 'sha256';
    const method: OneNetMethod = withFlagNames(fieldToFlag, () => checkOneNetMethod(methodText));
    const t = withFlagNames(fieldToFlag, () => signOneNetToken({ res, et, method, key: key.value, now }, { crypto: nodeHashProvider }));
    if (json) {
      const { version, res: r, et: e, method: m, stringToSign, sign, token } = t;
      context.out(JSON.stringify({ version, res: r, et: e, method: m, stringToSign, sign, token }, null, 2));
      return 0;
    }
    const header = formatFields([
      ['Scheme', `OneNET token, version ${t.version} (HMAC-${t.method.toUpperCase()})`],
      ['Resource', t.res],
      ['Key', maskedFromEnv(key)],
      ['Expires (et)', describeExpiry(t.et, now)],
    ]);
    context.out(`${header}\n\n${formatSteps(t.steps)}\n\nToken:\n    ${t.token}`);
    return 0;
  },
};
