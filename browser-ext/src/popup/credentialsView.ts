// The Credentials tab: the device-side and other vendors' credential schemes (MQTT device, OneNET, MXCHIP) as one
// more scheme next to TC3 and v1. The form is generated from the core's CREDENTIAL_SCHEMES, every scheme's fields
// at once (only the chosen scheme's, in the chosen mode, are shown), so the draft keeps what was typed for each
// scheme while the developer switches between them (the page's DraftBinding saves every data-draft field on input).
// Secret fields are drafted in session memory only.
// Imported, not sent by the service worker: with the core's "sideEffects": false, esbuild keeps only the schemes'
// module from the barrel (popup.js +4.4 KB; without it the catalog, diagnosis rules and error hints came too, +296 KB;
// test/e2e-browser/extensionBuild.test.ts checks what popup.js holds).
import { CREDENTIAL_SCHEMES, type CredentialField, type CredentialMode, type CredentialScheme } from '@iot-devkit/core';
import { callBackground } from '../messaging.js';
import type { CredentialRunView } from '../protocol.js';
import { byId, el, setText } from '../ui/dom.js';
import { pick, t } from '../ui/localize.js';
import { renderSteps } from '../ui/renderExchange.js';

export interface CredentialsView {
  /** Shows the chosen scheme's fields for the chosen mode (after the draft is restored, and on every change). */
  sync(): void;
}

export const credentialFieldId = (scheme: string, field: string) => `cred-${scheme}-${field}`;

function fieldInput(scheme: CredentialScheme, field: CredentialField): HTMLElement {
  const id = credentialFieldId(scheme.id, field.name);
  const attributes = {
    id,
    'data-field': field.name,
    'aria-describedby': `${id}-problem`,
    spellcheck: 'false',
    autocomplete: 'off',
    // A secret (PSK, key, token) is drafted in storage.session only, like the SecretKey field.
    ...(field.secret ? { 'data-draft-secret': true } : { 'data-draft': true }),
    ...(field.required ? { required: true } : {}),
  };
  const input = field.options
    ? el('select', attributes, ...field.options.map((option) => el('option', { value: option }, option)))
    : el('input', { ...attributes, type: field.secret ? 'password' : 'text', placeholder: field.placeholder });
  return el(
    'label',
    { 'data-scheme': scheme.id, 'data-modes': field.modes.join(' ') },
    el('span', { class: field.required ? 'required' : '' }, pick(field.label)),
    input,
    el('span', { class: 'error field-problem', id: `${id}-problem`, hidden: true }),
  );
}

export function setupCredentialsView(): CredentialsView {
  const schemes = CREDENTIAL_SCHEMES;
  const schemeSelect = byId<HTMLSelectElement>('cred-scheme');
  const modes = byId('cred-modes');
  const form = byId('cred-form');
  const runButton = byId<HTMLButtonElement>('cred-run');
  const status = byId('cred-status');
  const result = byId('cred-result');
  const radio = (mode: CredentialMode) => byId<HTMLInputElement>(`cred-mode-${mode}`);

  schemeSelect.replaceChildren(...schemes.map((scheme) => el('option', { value: scheme.id }, pick(scheme.title))));
  form.replaceChildren(...schemes.flatMap((scheme) => scheme.fields.map((field) => fieldInput(scheme, field))));

  const chosenScheme = (): CredentialScheme | undefined => schemes.find((scheme) => scheme.id === schemeSelect.value) ?? schemes[0];
  /** The mode picked, when the scheme offers it; otherwise the scheme's first (OneNET api-key has no verify). */
  const chosenMode = (scheme: CredentialScheme): CredentialMode => {
    const picked: CredentialMode = radio('verify').checked ? 'verify' : 'sign';
    return scheme.modes.includes(picked) ? picked : scheme.modes[0]!;
  };

  const clearProblems = () => {
    for (const message of form.querySelectorAll<HTMLElement>('.field-problem')) {
      message.hidden = true;
      message.textContent = '';
    }
    for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  };

  const view: CredentialsView = {
    sync() {
      const scheme = chosenScheme();
      if (!scheme) return;
      schemeSelect.value = scheme.id;
      const mode = chosenMode(scheme);
      modes.hidden = scheme.modes.length < 2;
      for (const label of form.querySelectorAll<HTMLElement>('label[data-scheme]')) {
        label.hidden = label.dataset['scheme'] !== scheme.id || !(label.dataset['modes'] ?? '').split(' ').includes(mode);
      }
      setText(runButton, mode === 'verify' ? t('credentialVerify', 'Verify') : t('credentialSign', 'Sign'));
      // What is shown always belongs to the form as it is now.
      result.hidden = true;
      clearProblems();
    },
  };

  const showProblem = (view: CredentialRunView, scheme: CredentialScheme) => {
    const input = document.getElementById(credentialFieldId(scheme.id, view.problem!.field));
    const message = document.getElementById(`${credentialFieldId(scheme.id, view.problem!.field)}-problem`);
    if (!input || !message || input.closest('label')?.hidden) return setText(status, `${view.problem!.field}: ${view.problem!.expected}`);
    setText(message, view.problem!.expected);
    message.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    setText(status, t('credentialNotRun', 'Check the marked field.'));
  };

  const copyButton = (name: string, value: string) => {
    const button = el('button', { type: 'button', 'data-copy': name }, t('copy', 'Copy'));
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(value).catch(() => undefined);
      setText(status, t('copied', `Copied ${name}.`, [name]));
    });
    return button;
  };

  const render = (run: CredentialRunView) => {
    const verdict = byId('cred-verdict');
    if (run.mode === 'verify') {
      verdict.className = run.ok ? 'ok' : 'bad';
      setText(verdict, run.ok ? t('credentialRight', 'The captured credential is right.') : t('credentialWrong', 'The captured credential is wrong:'));
    } else {
      verdict.className = '';
      setText(verdict, t('credentialSignedAt', `Made at ${run.now} (Unix seconds, the browser's clock).`, [String(run.now)]));
    }
    byId('cred-findings').replaceChildren(
      ...run.findings.map((finding) =>
        el(
          'li',
          { 'data-problem': finding.problem, 'data-field': finding.field },
          el('code', {}, finding.problem),
          ' · ',
          el('span', { class: 'field' }, finding.field),
          el('p', {}, pick(finding.message)),
        ),
      ),
    );
    byId('cred-outputs').replaceChildren(
      ...run.outputs.map((output) =>
        el('li', { 'data-output': output.name }, el('strong', {}, output.name), ' ', copyButton(output.name, output.value), el('pre', {}, output.value)),
      ),
    );
    byId('cred-outputs-title').hidden = run.outputs.length === 0;
    renderSteps(byId('cred-step-list'), run.steps);
    result.hidden = false;
  };

  const run = async () => {
    const scheme = chosenScheme();
    if (!scheme) return;
    const mode = chosenMode(scheme);
    const values: Record<string, string> = {};
    for (const input of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`label[data-scheme="${scheme.id}"]:not([hidden]) [data-field]`))
      values[input.dataset['field']!] = input.value;
    clearProblems();
    result.hidden = true;
    try {
      const answer = await callBackground('runCredentialScheme', { scheme: scheme.id, mode, values });
      if (answer.problem) return showProblem(answer, scheme);
      render(answer);
      setText(status, '');
    } catch (error) {
      setText(status, (error as Error).message);
    }
  };

  schemeSelect.addEventListener('change', () => view.sync());
  for (const mode of ['sign', 'verify'] as const) radio(mode).addEventListener('change', () => view.sync());
  runButton.addEventListener('click', () => void run());
  // Ctrl+Enter runs the scheme here (the Request tab's Ctrl+Enter, on the document, would send an API call).
  byId('panel-credentials').addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      void run();
    }
  });
  return view;
}
