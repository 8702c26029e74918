// How a signature and a response are shown on every page: plain text in <pre> and <li>, never HTML.
import type { OneTimeSecret, ResponseView, SignatureStepView } from '../protocol.js';
import { el, formatBody, setText } from './dom.js';
import { pick, t } from './localize.js';

export function renderSteps(list: HTMLElement, steps: readonly SignatureStepView[]): void {
  list.replaceChildren(
    ...steps.map((step) =>
      el(
        'li',
        { 'data-step': step.id, ...(step.masked ? { 'data-masked': true } : {}) },
        el('strong', {}, pick(step.title)),
        el('p', { class: 'rule' }, pick(step.rule)),
        el('pre', {}, step.value),
      ),
    ),
  );
}

export interface ResponseElements {
  readonly meta: HTMLElement;
  readonly error: HTMLElement;
  readonly body: HTMLElement;
}

export function renderResponse(target: ResponseElements, response: ResponseView | undefined, failure: string | undefined): void {
  if (!response) {
    setText(target.meta, t('networkFailure', 'No response'));
    setText(target.error, failure ?? '');
    target.error.hidden = failure === undefined;
    setText(target.body, '');
    return;
  }
  setText(target.meta, `HTTP ${response.status} · ${response.elapsedMs} ms${response.requestId ? ` · RequestId ${response.requestId}` : ''}`);
  const error = response.error;
  target.error.hidden = !error;
  if (error) {
    target.error.replaceChildren(
      el('strong', {}, error.code),
      ' ',
      error.message,
      ...(error.explanation ? [el('p', { class: 'explanation' }, pick(error.explanation))] : []),
    );
  }
  setText(target.body, formatBody(response.body));
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
