import {
  actionSkeleton,
  buildHttpRequest,
  checkRequestSize,
  coerceParams,
  EXPORT_FORMATS,
  exportRequest,
  findActionEntry,
  suggestActions,
  validateParams,
  type ApiRequest,
  type ExportFormat,
  type SignatureScheme,
} from '@iot-devkit/core';
import { UsageError, type Command } from '../Command.js';
import { flag, hasFlag, parseArgs } from '../args.js';
import { nodeHashProvider } from '../nodeHashProvider.js';
import { resolveCredentials } from '../credentials/resolveCredentials.js';
import { readRequestParams } from '../params/readRequestParams.js';
import { compileFilter, parseWaiter } from '../output/applyFilter.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../output/formatOutput.js';
import { sendApiRequest } from '../output/sendApiRequest.js';

const SCHEMES: readonly SignatureScheme[] = ['TC3-HMAC-SHA256', 'HmacSHA1', 'HmacSHA256'];
const SKELETON = 'generate-cli-skeleton';

/** `--generate-cli-skeleton` takes an optional `input` or `output` (tccli's form), so it is rewritten to one token first. */
function normaliseSkeletonFlag(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== `--${SKELETON}`) out.push(args[i]!);
    else if (args[i + 1] === 'input' || args[i + 1] === 'output') out.push(`--${SKELETON}=${args[++i]}`);
    else out.push(`--${SKELETON}=input`);
  }
  return out;
}

export const requestCommand: Command = {
  name: 'request',
  summary: 'Build, validate and sign an API 3.0 request from the catalog; print it as curl/HTTPie/fetch/SDK/tccli or send it',
  usage: `Usage: iot-devkit request <Action> [--param Name=Value ...] [--params-json JSON] [--cli-input-json FILE|-]
                          [--generate-cli-skeleton [input|output]] [--service S] [--region R] [--profile P]
                          [--endpoint URL] [--method POST|GET] [--scheme TC3-HMAC-SHA256|HmacSHA1|HmacSHA256]
                          [--format ${EXPORT_FORMATS.join('|')}]
                          [--send [--output json|table|text] [--filter JMESPATH] [--waiter JSON] [--show-secrets]]

Finds the action in the catalog, checks every parameter against the documentation (required, unknown,
types, patterns, enums, JSON strings, sizes) and refuses a bad request before it is sent.
  --param Name=Value   repeatable; Value is text for String parameters, JSON otherwise
                       (--param 'Filters=[{"Name":"x"}]'); dotted names build nested values
                       (Attribute.Tags.0.Tag=x, DeviceNames.0=a); Name=@FILE reads the value from FILE
                       (@@x is the text @x)
  --cli-input-json F   the parameters as a JSON object from file F (- for stdin), as tccli reads them;
                       null means "not given"; each --param overrides a value of it
  --generate-cli-skeleton [input|output]   print a JSON skeleton of every parameter (input) or response
                       field (output) with an example value, and on stderr each path's type; edit it and
                       give it back with --cli-input-json
  --endpoint URL       e.g. http://127.0.0.1:9180 for the local emulator
  --region R           default: TENCENTCLOUD_REGION, else the profile's region (tccli's NAME.configure)
  --format F           how to print the signed request (default curl); sdk and tccli sign by themselves
  --send               send it and explain the response (exit 1 when the response is an error)
  --output json|table|text   with --send: print the Response as JSON, a table, or tab-separated text.
                       A string field holding JSON (DescribeDeviceShadow's Data) stays a string in json (the
                       API's type, for scripts), is a parsed section of its own in table, and one compact
                       value in text; without --output the body is printed indented with it parsed
  --filter EXPR        with --send: print only what the JMESPath expression selects from the Response
                       (e.g. --filter 'Devices[?Online==\`1\`].DeviceName'); implies --output json
  --waiter JSON        with --send: repeat the call until a JMESPath expression reaches a value, as tccli:
                       '{"expr":"TotalCount","to":3,"timeout":180,"interval":5}' (seconds); exit 1 on timeout
  --show-secrets       with --send: print secrets in the response (DevicePsk, ProductSecret …) in full, not masked
Credentials, the first that has them (one stderr line names it, keys masked):
  1. TENCENTCLOUD_SECRET_ID + TENCENTCLOUD_SECRET_KEY (+ TENCENTCLOUD_SESSION_TOKEN), unless a profile is named
  2. tccli's ~/.tccli/P.credential (and P.configure for the region), P from --profile, TCCLI_PROFILE or "default"
  3. the SDKs' ~/.tencentcloud/credentials, section [P]
  4. the OS keychain (iot-devkit profile add P)
Exit codes: 0 ok, 1 unknown action, an error response or a waiter's timeout, 2 bad input.`,
  async run(context) {
    const parsed = parseArgs(
      normaliseSkeletonFlag(context.args),
      ['send', 'show-secrets'],
      [
        'param',
        'params-json',
        'cli-input-json',
        SKELETON,
        'service',
        'region',
        'profile',
        'endpoint',
        'method',
        'scheme',
        'format',
        'output',
        'filter',
        'waiter',
      ],
    );
    const [actionName, extra] = parsed.positionals;
    if (!actionName) throw new UsageError('an action name is required, e.g. iot-devkit request DescribeDeviceShadow --param ProductId=…');
    if (extra !== undefined) throw new UsageError(`unexpected argument ${JSON.stringify(extra)}; parameters go in --param Name=Value`);
    const entry = findActionEntry(flag(parsed, 'service'), actionName);
    if (!entry) {
      const near = suggestActions(actionName);
      context.err(`iot-devkit request: unknown action ${JSON.stringify(actionName)}${near.length ? `; did you mean ${near.join(', ')}?` : ''}`);
      return 1;
    }
    const skeleton = flag(parsed, SKELETON);
    if (skeleton !== undefined) {
      const built =
        skeleton === 'output' ? actionSkeleton(entry.action.outputs, entry.service, 'output') : actionSkeleton(entry.action.params, entry.service, 'input');
      context.out(JSON.stringify(built.value, null, 2));
      const width = Math.max(...built.fields.map((f) => f.path.length));
      context.err(
        [
          `${entry.action.name} ${skeleton}: ${built.fields.length} fields${skeleton === 'input' ? ' (delete the optional ones you do not send, or set them to null)' : ''}`,
          ...built.fields.map(
            (f) => `  ${f.path.padEnd(width)}  ${f.type}${skeleton === 'input' ? (f.required ? ', required' : ', optional') : ''}  e.g. ${f.example}`,
          ),
        ].join('\n'),
      );
      return 0;
    }
    const method = (flag(parsed, 'method') ?? 'POST').toUpperCase();
    if (method !== 'POST' && method !== 'GET') throw new UsageError(`--method: POST or GET, got ${JSON.stringify(flag(parsed, 'method'))}`);
    const scheme = (flag(parsed, 'scheme') ?? 'TC3-HMAC-SHA256') as SignatureScheme;
    if (!SCHEMES.includes(scheme)) throw new UsageError(`--scheme: ${SCHEMES.join(', ')}`);
    const format = (flag(parsed, 'format') ?? 'curl') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format: one of ${EXPORT_FORMATS.join(', ')}`);
    const send = hasFlag(parsed, 'send');
    for (const onlyWithSend of ['output', 'filter', 'waiter', 'show-secrets'])
      if (hasFlag(parsed, onlyWithSend) && !send) throw new UsageError(`--${onlyWithSend}: only with --send (it shapes the response)`);
    const outputFlag = flag(parsed, 'output');
    if (outputFlag !== undefined && !(OUTPUT_FORMATS as readonly string[]).includes(outputFlag))
      throw new UsageError(`--output: one of ${OUTPUT_FORMATS.join(', ')}, got ${JSON.stringify(outputFlag)}`);
    // Compiled before anything is sent, so a typo in an expression costs no call.
    const filterText = flag(parsed, 'filter');
    const filter = filterText !== undefined ? compileFilter(filterText, '--filter') : undefined;
    const waiterText = flag(parsed, 'waiter');
    const waiter = waiterText !== undefined ? parseWaiter(waiterText) : undefined;

    const params = coerceParams(
      await readRequestParams(
        context,
        {
          entries: parsed.flags.get('param') ?? [],
          ...(flag(parsed, 'params-json') !== undefined ? { paramsJson: flag(parsed, 'params-json')! } : {}),
          ...(flag(parsed, 'cli-input-json') !== undefined ? { cliInputJson: flag(parsed, 'cli-input-json')! } : {}),
        },
        entry.action.params,
      ),
      entry.action.params,
      entry.service.structures,
    );
    const problems = validateParams(params, entry.action.params, entry.service.structures);
    if (problems.length > 0) {
      context.err(`iot-devkit request: ${entry.action.name} refused before sending:\n${problems.map((p) => `  ${p.message}  [${p.code}]`).join('\n')}`);
      return 2;
    }
    const endpoint = flag(parsed, 'endpoint');
    const draft = (region: string | undefined): ApiRequest => ({
      service: entry.service.service,
      version: entry.service.version,
      action: entry.action.name,
      params,
      method,
      ...(region ? { region } : {}),
      ...(endpoint ? { endpoint } : {}),
    });
    if (!send && (format === 'sdk' || format === 'tccli')) {
      context.out(exportRequest(format, draft(flag(parsed, 'region')), { method, url: '', headers: {}, body: '' }));
      return 0;
    }
    const resolved = resolveCredentials(context.env, flag(parsed, 'profile'));
    if (!resolved.ok) throw new UsageError(resolved.message);
    context.err(resolved.summary);
    const request = draft(flag(parsed, 'region') ?? resolved.region);
    if (!send) {
      const signed = buildHttpRequest(request, {
        credentials: resolved.credentials,
        timestamp: context.now(),
        scheme,
        nonce: 1 + Math.floor(Math.random() * 65535),
        crypto: nodeHashProvider,
      });
      const tooBig = checkRequestSize(signed, scheme);
      if (tooBig) throw new UsageError(tooBig);
      context.out(exportRequest(format, request, signed));
      return 0;
    }
    const output: OutputFormat | undefined = (outputFlag as OutputFormat | undefined) ?? (filter || waiter ? 'json' : undefined);
    return sendApiRequest(context, {
      request,
      credentials: resolved.credentials,
      scheme,
      showSecrets: hasFlag(parsed, 'show-secrets'),
      ...(output ? { output } : {}),
      ...(filter ? { filter } : {}),
      ...(waiter ? { waiter } : {}),
    });
  },
};
