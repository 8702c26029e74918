import {
  CAUSE_RULES,
  diagnose,
  maskSecret,
  parseCurl,
  parseHarEntry,
  parseRawHttp,
  type CaptureResult,
  type Diagnosis,
  type DiagnosisVerdict,
  type StepDifference,
} from '@iot-devkit/core';
import { UsageError, type Command, type CommandContext } from '../Command.js';
import { flag, hasFlag, parseArgs } from '../args.js';
import { formatFields, formatSteps } from '../formatSteps.js';
import { nodeHashProvider } from '../nodeHashProvider.js';
import { unixSecondsFlag, withFlagNames } from './credentialCli.js';

const DEFAULT_KEY_ENV = 'TENCENTCLOUD_SECRET_KEY';
const SOURCES = { curl: parseCurl, raw: parseRawHttp, har: parseHarEntry } as const;
type Source = keyof typeof SOURCES;

async function readInput(context: CommandContext, option: string, path: string): Promise<string> {
  if (path === '-') return context.readStdin();
  try {
    return await context.readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`--${option}: expected a readable file (or - for stdin), ${JSON.stringify(path)} could not be read${code ? ` (${code})` : ''}`);
  }
}

/** A file pasted from a log usually gains one final newline; canonical requests and strings to sign never end in one. */
const withoutFinalNewline = (text: string) => text.replace(/\r?\n$/, '');

function captureOf(parsed: ReturnType<typeof parseArgs>): { source: Source; path: string } {
  const given = (Object.keys(SOURCES) as Source[]).filter((s) => hasFlag(parsed, s));
  if (given.length !== 1)
    throw new UsageError(
      given.length === 0
        ? 'expected the captured request: --curl FILE|-, --raw FILE|- or --har FILE|-'
        : `expected one of --curl, --raw, --har, got ${given.map((g) => '--' + g).join(' and ')}`,
    );
  const source = given[0]!;
  return { source, path: flag(parsed, source)! };
}

function formatDifference(step: StepDifference): string {
  const lines = [`First differing step: ${step.step} · ${step.title.zh}${step.part ? `\n  part:     ${step.part}` : ''}`];
  lines.push(`  expected = ${step.expectedIs.en}`, `  got      = ${step.gotIs.en}`);
  if (step.diff) {
    lines.push(`  at:       line ${step.diff.line}, column ${step.diff.column} (character ${step.diff.index + 1})`);
    lines.push(`  expected: ${step.diff.expected}`, `  got:      ${step.diff.got}`, `            ${' '.repeat(step.diff.caret)}^`);
  }
  return lines.join('\n');
}

const KIND_LABEL: Record<DiagnosisVerdict['kind'], string> = {
  'signature-correct': 'signature correct',
  'cause-found': 'cause found',
  'not-reproduced': 'not reproduced',
};

/** The verdict first (headline, fix, what remains and how to decide), as every UI shows it. */
function formatVerdict(d: Diagnosis): string[] {
  const v = d.verdict;
  const cause = v.kind === 'cause-found' && d.cause ? ` (${d.cause})` : '';
  const out = [`Verdict: ${KIND_LABEL[v.kind]}${cause} — ${v.headline.en}`, `  ${v.headline.zh}`];
  if (v.fix) out.push(`Fix: ${v.fix.en}`, `     ${v.fix.zh}`);
  if (v.candidates.length > 0) {
    out.push('', 'What remains, most likely first:');
    v.candidates.forEach((c, i) => out.push(`  ${i + 1}. ${c.title.en} (${c.id})`, `     Evidence: ${c.evidence.en}`, `     How to tell: ${c.howToTell.en}`));
  }
  if (v.decideWith.length > 0) out.push('', 'Decide with:', ...v.decideWith.map((text) => `  - ${text.en}`));
  return out;
}

function describe(d: Diagnosis, capture: Extract<CaptureResult, { ok: true }>, secretKey: string, keyEnv: string): string {
  const out = formatVerdict(d);
  if (d.cause) out.push('', `Why: ${d.explanation.en}`, `     ${d.explanation.zh}`);
  for (const other of d.findings.slice(1)) out.push(`Also: ${other.cause} (${CAUSE_RULES[other.cause].title.en}) — ${other.explanation.en}`);
  if (d.firstDifferingStep) out.push('', formatDifference(d.firstDifferingStep));
  out.push(
    '',
    formatFields([
      ['Request', `${capture.request.method} ${capture.request.url}`],
      ['Scheme', d.scheme],
      ['SecretKey', `${maskSecret(secretKey)}  (from $${keyEnv})`],
      ['Received', d.receivedSignature || '(none)'],
      ['Expected', d.expectedSignature || '(cannot be computed)'],
      ...capture.notes.map((note): [string, string] => ['Note', note]),
    ]),
  );
  if (d.steps.length > 0) out.push('', 'Expected steps:', formatSteps(d.steps));
  // Last: data for whoever wants to check the search, not the answer.
  if (d.ruledOut.length > 0) out.push('', `Ruled out (${d.ruledOut.length}, ${d.variantsTried} re-signings): ${d.ruledOut.join(', ')}`);
  return out.join('\n');
}

export const diagnoseCommand: Command = {
  name: 'diagnose',
  summary: "Say why a captured request's signature fails (TC3 or v1): the first differing step and the mistake that reproduces it",
  usage: `Usage: iot-devkit diagnose (--curl FILE|- | --raw FILE|- | --har FILE|-) [options]

Recomputes the signature of a captured request with every step, and when it does not match, re-signs under each
known mistake (local date, re-serialized body, Content-Type charset, header case and order, service, host, timestamp,
key whitespace, v1 sorting and encoding…) until one reproduces the request's signature exactly, then searches
every second of the credential's UTC day and the days either side for the timestamp the client signed. The verdict
comes first; when nothing reproduces the signature it ranks what remains and says what decides between them.

  --curl FILE|-               a curl command (DevTools "Copy as cURL (bash)", Postman, the docs); - reads stdin
  --raw FILE|-                a raw HTTP request: request line, headers, empty line, body
  --har FILE|-                a HAR file or one entry; takes the first request to *.tencentcloudapi.com
  --secret-key-env VAR        environment variable holding the SecretKey (default ${DEFAULT_KEY_ENV}); printed masked only
  --error-code CODE           the server's Response.Error.Code, e.g. AuthFailure.SignatureFailure
  --sent-at UNIX              when the request was sent, Unix seconds (a HAR gives it by itself)
  --canonical-request FILE    your client's canonical request from its logs (one final newline is ignored)
  --string-to-sign FILE       your client's string to sign from its logs (one final newline is ignored)
  --service NAME              the service, when the host is not *.tencentcloudapi.com
  --json                      print {"verdict","match","cause","explanation","firstDifferingStep","ruledOut",…} as JSON

Cause ids are stable (see DIAGNOSIS_CAUSES). Exit codes: 0 a verdict was reached (a match, a cause, or an honest
"unknown"), 2 bad input (one line on stderr naming the option).`,
  async run(context) {
    const parsed = parseArgs(
      context.args,
      ['json'],
      ['curl', 'raw', 'har', 'secret-key-env', 'error-code', 'sent-at', 'canonical-request', 'string-to-sign', 'service'],
    );
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"; give the capture with --curl, --raw or --har`);
    const { source, path } = captureOf(parsed);
    const keyEnv = flag(parsed, 'secret-key-env') ?? DEFAULT_KEY_ENV;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(keyEnv))
      throw new UsageError('--secret-key-env: expected an environment variable name such as TENCENTCLOUD_SECRET_KEY, not the key itself');
    const secretKey = context.env[keyEnv];
    if (secretKey === undefined || secretKey.trim() === '')
      throw new UsageError(`--secret-key-env: expected the SecretKey in environment variable ${keyEnv}, which is not set`);
    const errorCode = flag(parsed, 'error-code');
    if (errorCode !== undefined && !/^[A-Za-z][\w.]*$/.test(errorCode))
      throw new UsageError(`--error-code: expected a code such as AuthFailure.SignatureFailure, got ${JSON.stringify(errorCode)}`);
    const sentAtFlag = unixSecondsFlag(parsed, 'sent-at');
    const canonicalPath = flag(parsed, 'canonical-request');
    const stringToSignPath = flag(parsed, 'string-to-sign');
    const service = flag(parsed, 'service');

    const capture = SOURCES[source](await readInput(context, source, path));
    if (!capture.ok) throw new UsageError(`--${source}: ${capture.error}`);
    const canonicalRequest = canonicalPath === undefined ? undefined : withoutFinalNewline(await readInput(context, 'canonical-request', canonicalPath));
    const stringToSign = stringToSignPath === undefined ? undefined : withoutFinalNewline(await readInput(context, 'string-to-sign', stringToSignPath));
    const sentAt = sentAtFlag ?? capture.sentAt;

    const fieldToFlag = {
      secretKey: '--secret-key-env',
      service: '--service',
      sentAt: '--sent-at',
      request: `--${source}`,
      'request.url': `--${source}`,
      'request.method': `--${source}`,
    };
    // The diagnosis may search three UTC days for the signed timestamp (~260 000 HMACs, up to a second): a terminal
    // sees a line saying so while it runs (the search is synchronous, so the line stands until it is cleared).
    if (context.stderrIsTTY)
      context.progress?.('diagnosing: replaying each step, searching the signed timestamp over the credential day and the days beside it …');
    let d: ReturnType<typeof diagnose>;
    try {
      d = withFlagNames(fieldToFlag, () =>
        diagnose(
          {
            request: capture.request,
            secretKey,
            ...(errorCode !== undefined ? { errorCode } : {}),
            ...(sentAt !== undefined ? { sentAt } : {}),
            ...(canonicalRequest !== undefined ? { canonicalRequest } : {}),
            ...(stringToSign !== undefined ? { stringToSign } : {}),
            ...(service !== undefined ? { service } : {}),
          },
          { crypto: nodeHashProvider },
        ),
      );
    } finally {
      context.progress?.('');
    }
    if (hasFlag(parsed, 'json')) {
      const {
        verdict,
        match,
        cause,
        explanation,
        firstDifferingStep,
        ruledOut,
        fix,
        findings,
        scheme,
        expectedSignature,
        receivedSignature,
        signatureExplained,
        variantsTried,
        steps,
      } = d;
      context.out(
        JSON.stringify(
          {
            verdict,
            match,
            cause,
            explanation,
            firstDifferingStep,
            ruledOut,
            fix,
            findings,
            scheme,
            expectedSignature,
            receivedSignature,
            signatureExplained,
            variantsTried,
            notes: capture.notes,
            steps,
          },
          null,
          2,
        ),
      );
    } else {
      context.out(describe(d, capture, secretKey, keyEnv));
    }
    return 0;
  },
};
