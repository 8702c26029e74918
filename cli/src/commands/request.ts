import {
  buildHttpRequest,
  checkRequestSize,
  coerceParams,
  EXPORT_FORMATS,
  exportRequest,
  findActionEntry,
  interpretResponse,
  maskForDisplay,
  parseJsonBounded,
  redactForStorage,
  setOwnProperty,
  suggestActions,
  unflattenParams,
  validateParams,
  type ApiRequest,
  type ExportFormat,
  type ParamSpec,
  type SignatureScheme,
} from '@iot-devkit/core';
import { UsageError, type Command, type CommandContext } from '../Command.js';
import { flag, hasFlag, parseArgs } from '../args.js';
import { nodeHashProvider } from '../nodeHashProvider.js';
import { resolveCredentials } from '../credentials/resolveCredentials.js';

const SCHEMES: readonly SignatureScheme[] = ['TC3-HMAC-SHA256', 'HmacSHA1', 'HmacSHA256'];

/**
 * A `--param` value as the catalog types it: plain text for String parameters (so DeviceName=123 stays "123"),
 * JSON for numbers, booleans, arrays and structures.
 */
function typedValue(spec: ParamSpec | undefined, key: string, raw: string): unknown {
  const scalarString = spec !== undefined && !spec.array && spec.baseType === 'String' && !key.includes('.');
  if (scalarString) return raw;
  const parsed = parseJsonBounded(raw, `--param ${key}`);
  if (parsed.ok) return parsed.value;
  if (parsed.problem === 'tooDeep') throw new UsageError(parsed.message);
  return raw;
}

function readParams(entries: readonly string[], specs: readonly ParamSpec[], json: string | undefined): Record<string, unknown> {
  let params: Record<string, unknown> = {};
  if (json !== undefined) {
    // Bounded: the parameters are flattened and validated by recursive readers after this.
    const parsed = parseJsonBounded(json, '--params-json');
    if (!parsed.ok)
      throw new UsageError(
        parsed.problem === 'invalid' ? `--params-json: a JSON object of parameters (${parsed.message.replace(/^--params-json: /, '')})` : parsed.message,
      );
    if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))
      throw new UsageError('--params-json: a JSON object of parameters (not an object)');
    params = parsed.value as Record<string, unknown>;
  }
  const dotted: Record<string, string> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param: expected Name=Value, got ${JSON.stringify(entry)}`);
    const key = entry.slice(0, eq);
    const raw = entry.slice(eq + 1);
    // Own properties, so a parameter named __proto__ is kept (and refused by validation as unknown), not turned into a prototype.
    if (key.includes('.')) setOwnProperty(dotted, key, raw);
    else
      setOwnProperty(
        params,
        key,
        typedValue(
          specs.find((s) => s.name === key),
          key,
          raw,
        ),
      );
  }
  // Dotted names (Attribute.Tags.0.Tag=x, DeviceNames.0=a) become nested values, as API 3.0 flattens them.
  for (const [key, value] of Object.entries(unflattenParams(dotted))) setOwnProperty(params, key, value);
  return params;
}

function credentialsFromEnv(context: CommandContext) {
  const credentials = resolveCredentials(context.env);
  if (typeof credentials === 'string') throw new UsageError(credentials);
  return credentials;
}

export const requestCommand: Command = {
  name: 'request',
  summary: 'Build, validate and sign an API 3.0 request from the catalog; print it as curl/HTTPie/fetch/SDK/tccli or send it',
  usage: `Usage: iot-devkit request <Action> [--param Name=Value ...] [--params-json JSON] [--service S] [--region R]
                          [--endpoint URL] [--method POST|GET] [--scheme TC3-HMAC-SHA256|HmacSHA1|HmacSHA256]
                          [--format ${EXPORT_FORMATS.join('|')}] [--send [--show-secrets]]

Finds the action in the catalog, checks every parameter against the documentation (required, unknown,
types, patterns, enums, JSON strings, sizes) and refuses a bad request before it is sent.
  --param Name=Value   repeatable; Value is text for String parameters, JSON otherwise; dotted names
                       (Attribute.Tags.0.Tag=x) build nested values
  --endpoint URL       e.g. http://127.0.0.1:9180 for the local emulator
  --format F           how to print the signed request (default curl); sdk and tccli sign by themselves
  --send               send it and explain the response (exit 1 when the response is an error)
  --show-secrets       with --send: print secrets in the response (DevicePsk, ProductSecret …) in full, not masked
Credentials: TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY (and TENCENTCLOUD_SESSION_TOKEN) from the environment.
Exit codes: 0 ok, 1 unknown action or an error response, 2 bad input.`,
  async run(context) {
    const parsed = parseArgs(context.args, ['send', 'show-secrets'], ['param', 'params-json', 'service', 'region', 'endpoint', 'method', 'scheme', 'format']);
    const [actionName, extra] = parsed.positionals;
    if (!actionName) throw new UsageError('an action name is required, e.g. iot-devkit request DescribeDeviceShadow --param ProductId=…');
    if (extra !== undefined) throw new UsageError(`unexpected argument ${JSON.stringify(extra)}; parameters go in --param Name=Value`);
    const entry = findActionEntry(flag(parsed, 'service'), actionName);
    if (!entry) {
      const near = suggestActions(actionName);
      context.err(`iot-devkit request: unknown action ${JSON.stringify(actionName)}${near.length ? `; did you mean ${near.join(', ')}?` : ''}`);
      return 1;
    }
    const method = (flag(parsed, 'method') ?? 'POST').toUpperCase();
    if (method !== 'POST' && method !== 'GET') throw new UsageError(`--method: POST or GET, got ${JSON.stringify(flag(parsed, 'method'))}`);
    const scheme = (flag(parsed, 'scheme') ?? 'TC3-HMAC-SHA256') as SignatureScheme;
    if (!SCHEMES.includes(scheme)) throw new UsageError(`--scheme: ${SCHEMES.join(', ')}`);
    const format = (flag(parsed, 'format') ?? 'curl') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format: one of ${EXPORT_FORMATS.join(', ')}`);

    const params = coerceParams(
      readParams(parsed.flags.get('param') ?? [], entry.action.params, flag(parsed, 'params-json')),
      entry.action.params,
      entry.service.structures,
    );
    const problems = validateParams(params, entry.action.params, entry.service.structures);
    if (problems.length > 0) {
      context.err(`iot-devkit request: ${entry.action.name} refused before sending:\n${problems.map((p) => `  ${p.message}  [${p.code}]`).join('\n')}`);
      return 2;
    }
    const region = flag(parsed, 'region');
    const endpoint = flag(parsed, 'endpoint');
    const request: ApiRequest = {
      service: entry.service.service,
      version: entry.service.version,
      action: entry.action.name,
      params,
      method,
      ...(region ? { region } : {}),
      ...(endpoint ? { endpoint } : {}),
    };
    if (!hasFlag(parsed, 'send') && (format === 'sdk' || format === 'tccli')) {
      context.out(exportRequest(format, request, { method, url: '', headers: {}, body: '' }));
      return 0;
    }
    const signed = buildHttpRequest(request, {
      credentials: credentialsFromEnv(context),
      timestamp: context.now(),
      scheme,
      nonce: 1 + Math.floor(Math.random() * 65535),
      crypto: nodeHashProvider,
    });
    const tooBig = checkRequestSize(signed, scheme);
    if (tooBig) throw new UsageError(tooBig);
    if (!hasFlag(parsed, 'send')) {
      context.out(exportRequest(format, request, signed));
      return 0;
    }
    let response: Response;
    try {
      response = await fetch(signed.url, {
        method: signed.method,
        headers: Object.fromEntries(Object.entries(signed.headers).filter(([k]) => k.toLowerCase() !== 'host')),
        ...(signed.body !== '' ? { body: signed.body } : {}),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      context.err(
        `iot-devkit request: could not reach ${signed.url}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
      );
      return 1;
    }
    const body = await response.text();
    const explained = interpretResponse(body);
    // The core's secret policy, as the extensions apply it: a DevicePsk, ProductSecret or private key in the response
    // is printed masked (a terminal is scrollback, screen shares and CI logs), named on stderr; --show-secrets is the
    // explicit way to print it, like the extensions' one-time Copy.
    const shown = hasFlag(parsed, 'show-secrets')
      ? { responseBody: body, dropped: [] }
      : redactForStorage({ service: entry.service.service, action: entry.action.name, responseBody: body }, { collectDropped: true });
    context.out(`HTTP ${response.status}\n${shown.responseBody ?? body}`);
    for (const secret of shown.dropped ?? [])
      context.err(`${secret.path}: ${maskForDisplay(secret.value)} — a secret, not printed in full (add --show-secrets to print it)`);
    context.err(explained.summary);
    return explained.status === 'success' ? 0 : 1;
  },
};
