import {
  isSecretHeader,
  maskForDisplay,
  ENVIRONMENT_FILES,
  findEnvironments,
  parseHttpFile,
  parseJsonBounded,
  redactForStorage,
  runHttpFile,
  type HttpEnvironments,
  type HttpFileProblem,
  type HttpFileRequest,
  type HttpFileRunEvent,
  type OutgoingRequest,
} from '@iot-devkit/core';
import { UsageError, type Command, type CommandContext } from '../Command.js';
import { flag, hasFlag, parseArgs } from '../args.js';
import { DEFAULT_PROFILE, resolveCredentials } from '../credentials/resolveCredentials.js';
import { nodeHashProvider } from '../nodeHashProvider.js';

const isMissing = (error: unknown) => typeof error === 'object' && error !== null && ['ENOENT', 'ENOTDIR'].includes((error as { code?: string }).code ?? '');

/** The core's one rule for where a collection's environments are, over the disk; a file that cannot be read is a usage error. */
async function findEnvironmentsOnDisk(context: CommandContext, file: string): Promise<{ path: string; environments: HttpEnvironments } | undefined> {
  const found = await findEnvironments(file, async (path) => {
    try {
      return await context.readFile(path);
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw new UsageError(`${path}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
  });
  if (found === undefined) return undefined;
  if (!found.ok) throw new FileError(found.problems);
  return { path: found.path, environments: found.environments };
}

/** The file (or its environments) is wrong: each line printed, exit 2, nothing sent. */
class FileError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
  }
}

async function fetchTransport(request: OutgoingRequest) {
  const response = await fetch(request.url, {
    method: request.method,
    // fetch sets Host from the URL itself (and refuses to be given one); the signature covers the same value.
    headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'host')),
    ...(request.body !== '' && request.method !== 'GET' && request.method !== 'HEAD' ? { body: request.body } : {}),
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

const unreachable = (message: string, url: string) => `could not reach ${url}: ${message}`;

/** JSON shown indented and with secret fields dropped by the one policy; other text as it is. */
function showBody(body: string, which: 'body' | 'responseBody', headers?: Readonly<Record<string, string>>): string {
  const redacted =
    (which === 'body' ? redactForStorage({ body, ...(headers ? { headers } : {}) }).body : redactForStorage({ responseBody: body }).responseBody) ?? '';
  const parsed = parseJsonBounded(redacted, 'body');
  return parsed.ok && typeof parsed.value === 'object' && parsed.value !== null ? JSON.stringify(parsed.value, null, 2) : redacted;
}

const showHeaders = (headers: Readonly<Record<string, string>>) =>
  Object.entries(headers).map(([name, value]) => `  ${name}: ${isSecretHeader(name) ? maskForDisplay(value) : value}`);

function describe(request: HttpFileRequest): string {
  return `${request.name ?? `request ${request.index + 1}`} (line ${request.position.line})`;
}

export const httpCommand: Command = {
  name: 'http',
  summary: 'Run the requests of a .http/.rest file (REST Client syntax, TC3 signing, environments, chaining)',
  usage: `Usage: iot-devkit http FILE [--name REQUEST] [--env ENV] [--profile P] [--dry-run] [--verbose]

Runs every request of FILE top to bottom (REST Client's syntax: ### separators, # @name, @var = value, {{var}},
METHOD URL, headers, a blank line, the body), or with --name the named request and the named requests whose
responses it uses ({{NAME.response.body.$.path}}, {{NAME.response.headers.Name}}). Every request is checked
before the first is sent.
  Authorization: TC3 [profile:P] [service:S] [region:R]   signs with TC3-HMAC-SHA256 (the credentials of the
                       profile, default: TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY / TENCENTCLOUD_SESSION_TOKEN)
  Authorization: TC3 {{$processEnv ID_VAR}} {{$processEnv KEY_VAR}}   signs with keys from other variables
  --name REQUEST       run this request (and the ones it depends on) only
  --env ENV            variables of environment ENV from ${ENVIRONMENT_FILES.join(' or ')}
                       beside FILE (or in a folder above it): {"$shared": {…}, "ENV": {…}}
  --profile P          the profile a bare "Authorization: TC3" uses (default: TCCLI_PROFILE, else ${DEFAULT_PROFILE});
                       credentials are found as \`iot-devkit request --help\` says (environment, ~/.tccli,
                       ~/.tencentcloud/credentials, the OS keychain)
  --dry-run            sign and print every request, send none
  --verbose            also print the headers sent and received and the body sent (secrets masked)
Exit codes: 0 every request succeeded, 1 an API error (Response.Error), an HTTP error or an unreachable host,
2 a file error (FILE:LINE:COLUMN: what is expected).`,
  async run(context) {
    const parsed = parseArgs(context.args, ['dry-run', 'verbose'], ['name', 'env', 'profile']);
    const [path, extra] = parsed.positionals;
    if (!path) throw new UsageError('a .http file is required, e.g. iot-devkit http cli/examples/emulator.http');
    if (extra !== undefined) throw new UsageError(`unexpected argument ${JSON.stringify(extra)}; one file at a time`);
    const verbose = hasFlag(parsed, 'verbose');
    const dryRun = hasFlag(parsed, 'dry-run');
    const profileFlag = flag(parsed, 'profile');
    const environmentName = flag(parsed, 'env');

    let text: string;
    try {
      text = await context.readFile(path);
    } catch (error) {
      throw new UsageError(`${path}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
    const file = parseHttpFile(text);
    let found: Awaited<ReturnType<typeof findEnvironmentsOnDisk>>;
    try {
      found = await findEnvironmentsOnDisk(context, path);
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      context.err(error.lines.map((line) => `iot-devkit http: ${line}`).join('\n'));
      return 2;
    }
    if (found && (verbose || environmentName !== undefined)) context.out(`Environments: ${found.path}${environmentName ? ` (using ${environmentName})` : ''}`);

    const announced = new Set<string>();
    const run = runHttpFile(file, {
      ...(flag(parsed, 'name') !== undefined ? { name: flag(parsed, 'name')! } : {}),
      ...(found ? { environments: found.environments } : {}),
      ...(environmentName !== undefined ? { environmentName } : {}),
      processEnv: context.env,
      resolveCredentials: (named) => {
        const resolved = resolveCredentials(context.env, named ?? profileFlag);
        if (!resolved.ok) return resolved.message;
        // One line per source on stderr, keys masked: which of the environment, tccli's files or the keychain signed.
        if (!announced.has(resolved.summary)) {
          announced.add(resolved.summary);
          context.err(resolved.summary);
        }
        return resolved.credentials;
      },
      transport: fetchTransport,
      now: context.now,
      clock: () => performance.now(),
      random: Math.random,
      crypto: nodeHashProvider,
      dryRun,
    });
    // Whatever the run met that is secret (keys, tokens, secret $processEnv values) is masked in all output.
    const mask = (output: string) => {
      let masked = output;
      for (const secret of run.secrets) masked = masked.split(secret).join(maskForDisplay(secret));
      return masked;
    };
    const out = (lines: readonly string[]) => context.out(mask(lines.join('\n')));
    const problemLine = (p: HttpFileProblem) => `${path}:${p.line}:${p.column}: ${p.message}`;

    let exit = 0;
    let count = 0;
    for await (const event of run.events) {
      count++;
      const lines = printEvent(event, { verbose, problemLine });
      if (event.kind === 'problems' || event.kind === 'problem') {
        context.err(mask(lines.join('\n')));
        exit = 2;
        continue;
      }
      out(lines);
      if (event.kind === 'skipped' || event.kind === 'unreachable' || (event.kind === 'response' && event.outcome !== 'ok')) exit = Math.max(exit, 1);
    }
    if (count === 0) context.out(`${path}: no requests (a request is a line "METHOD URL" after a ### separator)`);
    return exit;
  },
};

interface PrintOptions {
  readonly verbose: boolean;
  readonly problemLine: (problem: HttpFileProblem) => string;
}

function printEvent(event: HttpFileRunEvent, options: PrintOptions): string[] {
  if (event.kind === 'problems') return event.problems.map(options.problemLine);
  if (event.kind === 'problem') return [`### ${describe(event.request)}: not sent`, options.problemLine(event.problem)];
  if (event.kind === 'skipped') return [`### ${describe(event.request)}: skipped: ${event.because}`];
  const { request, prepared } = event;
  const outgoing = prepared.outgoing;
  const head = `### ${describe(request)}  ${outgoing.method} ${redactForStorage({ url: outgoing.url }).url}`;
  const lines = [head, ...prepared.notes.map((note) => `  note: ${note}`)];
  if (options.verbose || event.kind === 'prepared') {
    lines.push(...showHeaders(outgoing.headers));
    if (outgoing.body !== '') lines.push('', showBody(outgoing.body, 'body', outgoing.headers));
  }
  if (event.kind === 'prepared') return [...lines, '  (not sent: --dry-run)', ''];
  if (event.kind === 'unreachable') return [...lines, `  ${unreachable(event.message, outgoing.url)}`, ''];
  const { response, explanation } = event;
  const error = explanation.error;
  lines.push(
    `  HTTP ${response.status} · ${Math.round(event.ms)} ms${explanation.requestId ? ` · RequestId ${explanation.requestId}` : ''}${error ? ` · Error ${error.code}` : ''}`,
  );
  if (error) {
    lines.push(`  ${error.message}`);
    if (error.explanation) lines.push(`  ${error.explanation.en}`, `  ${error.explanation.zh}`);
  }
  if (options.verbose) lines.push(...showHeaders(response.headers));
  if (response.body !== '') lines.push(showBody(response.body, 'responseBody'));
  return [...lines, ''];
}
