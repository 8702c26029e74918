import {
  buildHttpRequest,
  buildJsonTree,
  checkRequestSize,
  embeddedJsonPaths,
  interpretResponse,
  jsonTreeToValue,
  maskForDisplay,
  parseJsonBounded,
  redactForStorage,
  type ApiRequest,
  type Credentials,
  type SignatureScheme,
} from '@iot-devkit/core';
import { UsageError, type CommandContext } from '../Command.js';
import { nodeHashProvider } from '../nodeHashProvider.js';
import { reached, type Waiter } from './applyFilter.js';
import { formatOutput, paletteFor, type OutputFormat } from './formatOutput.js';

export interface SendOptions {
  readonly request: ApiRequest;
  readonly credentials: Credentials;
  readonly scheme: SignatureScheme;
  readonly showSecrets: boolean;
  /** Absent: the classic output for a person (`HTTP 200` and the body, indented, JSON-in-string fields parsed). */
  readonly output?: OutputFormat;
  readonly filter?: (value: unknown) => unknown;
  readonly waiter?: Waiter;
}

interface Answer {
  readonly status: number;
  /** The body with secrets masked by the one policy unless --show-secrets. */
  readonly shown: string;
  readonly ok: boolean;
  readonly summary: string;
  /** The shown body parsed, or undefined when it is not JSON. */
  readonly body: unknown;
  /** The `Response` object of an API 3.0 answer, or undefined for a body that is not one. */
  readonly response: unknown;
}

/** Signs afresh (a new X-TC-Timestamp each time, so a long waiter never sends an expired signature) and sends. */
async function sendOnce(context: CommandContext, options: SendOptions): Promise<Answer | string> {
  const signed = buildHttpRequest(options.request, {
    credentials: options.credentials,
    timestamp: context.now(),
    scheme: options.scheme,
    nonce: 1 + Math.floor(Math.random() * 65535),
    crypto: nodeHashProvider,
  });
  const tooBig = checkRequestSize(signed, options.scheme);
  if (tooBig) throw new UsageError(tooBig);
  let response: Response;
  try {
    response = await fetch(signed.url, {
      method: signed.method,
      headers: Object.fromEntries(Object.entries(signed.headers).filter(([k]) => k.toLowerCase() !== 'host')),
      ...(signed.body !== '' ? { body: signed.body } : {}),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    return `could not reach ${signed.url}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`;
  }
  const body = await response.text();
  const explained = interpretResponse(body);
  // The core's secret policy, as the extensions apply it: a DevicePsk, ProductSecret or private key in the response
  // is printed masked (a terminal is scrollback, screen shares and CI logs), named on stderr; --show-secrets is the
  // explicit way to print it, like the extensions' one-time Copy.
  const shown = options.showSecrets
    ? { responseBody: body, dropped: [] }
    : redactForStorage({ service: options.request.service, action: options.request.action, responseBody: body }, { collectDropped: true });
  for (const secret of shown.dropped ?? [])
    context.err(`${secret.path}: ${maskForDisplay(secret.value)} — a secret, not printed in full (add --show-secrets to print it)`);
  const text = shown.responseBody ?? body;
  const parsed = parseJsonBounded(text, 'response');
  const wrapper = parsed.ok && typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as Record<string, unknown>) : undefined;
  return {
    status: response.status,
    shown: text,
    ok: explained.status === 'success',
    summary: explained.summary,
    body: parsed.ok ? parsed.value : undefined,
    response: wrapper?.['Response'],
  };
}

function print(context: CommandContext, options: SendOptions, answer: Answer): void {
  const palette = paletteFor(context.stdoutIsTTY === true, context.env);
  if (options.output === undefined) {
    if (answer.body === undefined) {
      context.out(`HTTP ${answer.status}\n${answer.shown}`);
      return;
    }
    // For a person: string fields that hold JSON (DescribeDeviceShadow's Data) are printed as the documents they
    // are, not as one escaped line; stderr names them, so nobody mistakes the printed shape for the API's types.
    const tree = buildJsonTree(answer.body);
    context.out(`HTTP ${answer.status}\n${formatOutput(jsonTreeToValue(tree), 'json', palette)}`);
    const parsedPaths = embeddedJsonPaths(tree);
    if (parsedPaths.length > 0)
      context.err(`${parsedPaths.join(', ')}: JSON text in a string field, printed parsed (--output json prints the string as the API returns it)`);
    return;
  }
  const value = answer.response === undefined ? answer.shown : options.filter ? options.filter(answer.response) : answer.response;
  context.out(formatOutput(value, options.output, palette));
}

/** --send, once or as a waiter: the exit code (0 success, 1 an error answer, an unreachable host or a waiter's timeout). */
export async function sendApiRequest(context: CommandContext, options: SendOptions): Promise<number> {
  const waiter = options.waiter;
  if (!waiter) {
    const answer = await sendOnce(context, options);
    if (typeof answer === 'string') {
      context.err(`iot-devkit request: ${answer}`);
      return 1;
    }
    print(context, options, answer);
    context.err(answer.summary);
    return answer.ok ? 0 : 1;
  }
  const started = Date.now();
  const deadline = started + waiter.timeoutSeconds * 1000;
  for (let attempt = 1; ; attempt++) {
    const answer = await sendOnce(context, options);
    if (typeof answer === 'string' || !answer.ok) {
      context.progress?.('');
      if (typeof answer === 'string') context.err(`iot-devkit request: --waiter: ${answer}`);
      else {
        print(context, options, answer);
        context.err(`--waiter: stopped at attempt ${attempt}: the answer is an error. ${answer.summary}`);
      }
      return 1;
    }
    const value = waiter.evaluate(answer.response);
    const seconds = Math.round((Date.now() - started) / 1000);
    if (reached(value, waiter.to)) {
      context.progress?.('');
      print(context, options, answer);
      context.err(`--waiter: ${waiter.expr} is ${JSON.stringify(value)} after ${attempt} attempt${attempt === 1 ? '' : 's'} (${seconds} s)`);
      return 0;
    }
    if (Date.now() + waiter.intervalSeconds * 1000 > deadline) {
      context.progress?.('');
      print(context, options, answer);
      context.err(
        `--waiter: timed out after ${seconds} s and ${attempt} attempts: ${waiter.expr} is ${JSON.stringify(value) ?? 'null'}, waiting for ${JSON.stringify(waiter.to)} (raise "timeout", now ${waiter.timeoutSeconds} s)`,
      );
      return 1;
    }
    // Only a terminal sees the progress line; a pipe or CI log gets the final answer and one summary line.
    if (context.stderrIsTTY)
      context.progress?.(
        `waiting for ${waiter.expr} to be ${JSON.stringify(waiter.to)}: now ${JSON.stringify(value) ?? 'null'} · attempt ${attempt} · ${seconds} s of ${waiter.timeoutSeconds}`,
      );
    await new Promise((resolve) => setTimeout(resolve, waiter.intervalSeconds * 1000));
  }
}
