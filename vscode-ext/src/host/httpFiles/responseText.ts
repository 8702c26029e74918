// The text of a response tab (jsonc): what happened as `//` comments — request, status, time, size, the error
// explained with its fix, the response headers — then the body as formatted JSON with API 3.0's JSON-in-string
// fields (DescribeDeviceShadow's Data) shown parsed. The view model is the core's buildResponseView, the one the
// sidebar and the browser render; secret fields are dropped by the one secret policy and whatever the run met
// that is secret (run.secrets: keys, tokens, $processEnv values) is masked.
import {
  buildResponseView,
  formatJsonWithEmbedded,
  maskForDisplay,
  pickLanguage,
  redactForStorage,
  type HttpFileRunEvent,
  type StepLanguage,
} from '@iot-devkit/core';
import { requestLabel } from './requestLenses.js';

/** vscode.l10n.t, or a stand-in in tests: `{0}` … replaced by the arguments. */
export type Translate = (message: string, ...args: (string | number)[]) => string;

export type ResponseEvent = Extract<HttpFileRunEvent, { kind: 'response' }>;

/**
 * Every secret of the run replaced by its mask, longest first (a secret may contain a shorter one), each through a
 * placeholder so that a mask already written is not masked again by a shorter secret it starts with.
 */
export function maskSecrets(text: string, secrets: Iterable<string>): string {
  const ordered = [...new Set(secrets)].filter((s) => s.length > 0 && !s.includes('\uE000')).sort((a, b) => b.length - a.length);
  let masked = text;
  ordered.forEach((secret, i) => (masked = masked.split(secret).join(`\uE000${i}\uE000`)));
  return masked.replace(/\uE000(\d+)\uE000/g, (placeholder, i: string) => {
    const secret = ordered[Number(i)];
    return secret === undefined ? placeholder : maskForDisplay(secret);
  });
}

/** A comment block: every line of `text` starts with `//`, so a message with a newline cannot end the comment. */
const comment = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => `// ${line}`.trimEnd())
    .join('\n');

export interface ResponseTextInput {
  readonly event: ResponseEvent;
  readonly secrets: Iterable<string>;
  readonly language: StepLanguage;
  readonly environment?: string;
  readonly t: Translate;
}

export function responseText({ event, secrets, language, environment, t }: ResponseTextInput): string {
  const { request, prepared, response } = event;
  const body = redactForStorage({ responseBody: response.body }).responseBody ?? '';
  const view = buildResponseView({ status: response.status, body, elapsedMs: event.ms, headers: response.headers }, 'vscodeHttpFile');
  const pick = pickLanguage(language);
  const action = Object.entries(prepared.outgoing.headers).find(([name]) => name.toLowerCase() === 'x-tc-action')?.[1];
  const url = redactForStorage({ url: prepared.outgoing.url }).url ?? '';
  const lines = [
    `${requestLabel(request)} · ${prepared.outgoing.method} ${url}${action ? ` · ${action}` : ''}${environment ? ` · ${t('environment {0}', environment)}` : ''}`,
    `HTTP ${view.status} · ${Math.round(view.elapsedMs)} ms · ${view.sizeText}${view.explanation.requestId ? ` · RequestId ${view.explanation.requestId}` : ''}`,
  ];
  const error = view.explanation.error;
  if (error) {
    lines.push('', t('Error {0}: {1}', error.code, error.message));
    if (error.description) lines.push(pick(error.description));
    if (error.advice) lines.push(t('Fix: {0}', pick(error.advice)));
    else if (error.explanation) lines.push(pick(error.explanation));
  } else if (view.outcome === 'httpError') lines.push('', t('HTTP error {0}: the body below is what the server answered.', view.status));
  for (const note of prepared.notes) lines.push(t('Note: {0}', note));
  if (view.body.kind === 'json' && view.body.embeddedPaths.length > 0)
    lines.push(t('Shown parsed (the API returns them as JSON text in a string): {0}', view.body.embeddedPaths.join(', ')));
  lines.push('', t('Response headers:'), ...view.headers.map((h) => `  ${h.name}: ${h.value}`));
  const formatted = formatJsonWithEmbedded(body) ?? body;
  return maskSecrets(`${comment(lines.join('\n'))}\n${formatted}\n`, secrets);
}
