// How a signature and a response are shown on every page: plain text in <pre> and <li>, never HTML.
import { buildJsonTree, embeddedJsonPaths, formatByteSize, formatJsonWithEmbedded, parseJsonBounded, type JsonTreeNode } from '@iot-devkit/core';
import type { OneTimeSecret, ResponseView, SignatureStepView } from '../protocol.js';
import { el, setText } from './dom.js';
import { renderJsonTree, setAllOpen } from './jsonTree.js';
import { pick, t } from './localize.js';

export function renderSteps(list: HTMLElement, steps: readonly SignatureStepView[]): void {
  list.replaceChildren(
    ...steps.map((step) =>
      el(
        'li',
        { 'data-step': step.id, ...(step.masked ? { 'data-masked': true } : {}), ...(step.needsKey ? { 'data-needs-key': true } : {}) },
        el('strong', {}, pick(step.title)),
        el('p', { class: 'rule' }, pick(step.rule)),
        // A step that needs a key not added yet (derived keys, signature, Authorization) says so, and where.
        step.needsKey ? el('p', { class: 'needs-key' }, t('needsKey', 'Needs a SecretKey: add one in Profiles.')) : el('pre', {}, step.value),
      ),
    ),
  );
}

export interface ResponseElements {
  readonly meta: HTMLElement;
  readonly error: HTMLElement;
  /** Holds the response panel: the body as a collapsible tree (or text), its tools and its headers. */
  readonly body: HTMLElement;
}

/**
 * A response as a panel, the same on every page: status, time and size; the error with its meaning and fix; the
 * body as a collapsible JSON tree with JSON-in-string fields (DescribeDeviceShadow's Data) shown parsed — the
 * core's rules (core/src/views/responseView.ts); the headers; Copy. Plain text in, never HTML.
 */
export function renderResponse(target: ResponseElements, response: ResponseView | undefined, failure: string | undefined): void {
  if (!response) {
    setText(target.meta, t('networkFailure', 'No response'));
    setText(target.error, failure ?? '');
    target.error.hidden = failure === undefined;
    target.body.replaceChildren();
    return;
  }
  const body = readBody(response.body);
  const error = response.error;
  const outcome = error ? 'bad' : response.status >= 200 && response.status < 300 ? 'ok' : 'bad';
  target.meta.replaceChildren(
    el('span', { class: `badge ${outcome}` }, `HTTP ${response.status}`),
    ` · ${response.elapsedMs} ms · ${formatByteSize(body.sizeBytes)}`,
    ...(response.requestId ? [` · RequestId ${response.requestId}`] : []),
  );
  target.error.hidden = !error;
  if (error) {
    target.error.replaceChildren(
      el('strong', {}, error.code),
      ' ',
      error.message,
      ...(error.explanation ? [el('p', { class: 'explanation' }, pick(error.explanation))] : []),
    );
  }
  const tree = body.tree ? renderJsonTree(body.tree) : el('pre', { class: 'response-text' }, response.body);
  const copy = el('button', { type: 'button', class: 'small', 'data-command': 'copy-body' }, t('copyBody', 'Copy body'));
  copy.addEventListener('click', async () => {
    // The clipboard can refuse (no focus, a policy): then the button says so instead of claiming a copy.
    const copied = await navigator.clipboard.writeText(body.formatted ?? response.body).then(
      () => true,
      () => false,
    );
    setText(copy, copied ? t('copiedBody', 'Copied') : t('copyFailed', 'Not copied: the browser refused the clipboard'));
    setTimeout(() => setText(copy, t('copyBody', 'Copy body')), 1500);
  });
  const tools = el('div', { class: 'response-tools' }, copy);
  if (body.tree) {
    const expand = el('button', { type: 'button', class: 'small' }, t('expandAll', 'Expand all'));
    expand.addEventListener('click', () => setAllOpen(tree, true));
    const collapse = el('button', { type: 'button', class: 'small' }, t('collapseAll', 'Collapse all'));
    collapse.addEventListener('click', () => setAllOpen(tree, false));
    tools.append(expand, collapse);
  }
  const headers = Object.entries(response.headers ?? {});
  target.body.replaceChildren(
    tools,
    ...(body.embeddedPaths.length > 0
      ? [
          el(
            'p',
            { class: 'hint', 'data-parsed': body.embeddedPaths.join(' ') },
            t('jsonParsedFields', `Shown parsed: ${body.embeddedPaths.join(', ')}`, [body.embeddedPaths.join(', ')]),
          ),
        ]
      : []),
    tree,
    ...(headers.length > 0
      ? [
          el(
            'details',
            { class: 'response-headers' },
            el('summary', {}, t('responseHeaders', `Headers (${headers.length})`, [String(headers.length)])),
            el('dl', {}, ...headers.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)])),
          ),
        ]
      : []),
  );
}

/** The body read once: its tree (JSON-in-string fields parsed), their paths, the formatted text Copy gives, its size. */
function readBody(text: string): { tree?: JsonTreeNode; embeddedPaths: readonly string[]; formatted?: string; sizeBytes: number } {
  const sizeBytes = new TextEncoder().encode(text).length;
  const parsed = parseJsonBounded(text, 'response body');
  if (!parsed.ok) return { embeddedPaths: [], sizeBytes };
  const tree = buildJsonTree(parsed.value);
  return { tree, embeddedPaths: embeddedJsonPaths(tree), formatted: formatJsonWithEmbedded(text), sizeBytes };
}

/**
 * The response's secrets (a new device's PSK), masked, each with an explicit Copy: the value lives in this page
 * only and is gone when it closes; history stored the response redacted.
 */
export function renderOneTimeSecrets(section: HTMLElement, list: HTMLElement, secrets: readonly OneTimeSecret[], copied: (name: string) => void): void {
  section.hidden = secrets.length === 0;
  list.replaceChildren(
    ...secrets.map((secret) => {
      const copy = el('button', { type: 'button', 'data-copy-secret': secret.path }, t('copy', 'Copy'));
      copy.addEventListener('click', async () => {
        await navigator.clipboard.writeText(secret.value).catch(() => undefined);
        copied(secret.name);
      });
      return el('li', { 'data-secret': secret.path }, el('strong', {}, secret.path), ' ', el('code', {}, secret.masked), ' ', copy);
    }),
  );
}
