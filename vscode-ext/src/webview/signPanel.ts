import type { InitialState, SignForm, SignResult } from '../protocol.js';
import { copyButton, debounce, field, h, icon, replaceChildren, stepItem, t } from './dom.js';
import { credentialPanel } from './credentialPanel.js';
import { renderDiagnosis } from './diagnosisPanel.js';
import { loadDraft, onNotification, request, saveDraft, saveDraftWithoutSecrets } from './hostClient.js';

const DEFAULT_FORM = (now: number, endpoint: string | undefined): SignForm => ({
  method: 'POST',
  url: endpoint ?? 'https://iotcloud.tencentcloudapi.com/',
  headers: 'Content-Type: application/json\nX-TC-Action: DescribeDeviceShadow\nX-TC-Version: 2021-04-08\nX-TC-Region: ap-guangzhou',
  body: '{"ProductId":"ABCDE12345","DeviceName":"abc"}',
  timestamp: String(now),
  service: 'iotcloud',
  signedHeaders: '',
});

/** Sign: the request as typed, every TC3 step live beside its rule, each copyable; paste and diagnose when available. */
export function signPanel(initial: InitialState): HTMLElement {
  const draft = loadDraft<SignForm>('sign');
  const start = draft ?? DEFAULT_FORM(initial.now, initial.profile?.endpoint);

  const method = h('select', { id: 'sign-method' }, h('option', { value: 'POST' }, 'POST'), h('option', { value: 'GET' }, 'GET'));
  method.value = start.method;
  const url = h('input', { id: 'sign-url', type: 'text', spellcheck: 'false' });
  url.value = start.url;
  const headers = h('textarea', { id: 'sign-headers', rows: '5', spellcheck: 'false' });
  headers.value = start.headers;
  const body = h('textarea', { id: 'sign-body', rows: '4', spellcheck: 'false' });
  body.value = start.body;
  const timestamp = h('input', { id: 'sign-timestamp', type: 'text', inputmode: 'numeric', spellcheck: 'false' });
  timestamp.value = start.timestamp;
  const nowButton = h('button', { type: 'button', class: 'secondary', id: 'sign-now' }, icon('watch'), ' ', t('now'));
  const service = h('input', { id: 'sign-service', type: 'text', spellcheck: 'false', placeholder: 'iotcloud' });
  service.value = start.service;
  const signedHeaders = h('input', { id: 'sign-signed-headers', type: 'text', spellcheck: 'false', placeholder: 'content-type;host' });
  signedHeaders.value = start.signedHeaders;

  const fields = {
    method: field(t('method'), method),
    url: field(t('url'), url),
    headers: field(t('headers'), headers),
    body: field(t('body'), body),
    timestamp: field(t('timestamp'), timestamp),
    service: field(t('service'), service, t('serviceHint')),
    signedHeaders: field(t('signedHeaders'), signedHeaders, t('signedHeadersHint')),
  };
  const formError = h('div', { id: 'sign-error', class: 'error', role: 'alert' });
  const steps = h('ol', { id: 'sign-steps', class: 'steps' });
  const sent = h('pre', { id: 'sign-headers-out', class: 'value' });

  const read = (): SignForm => ({
    method: method.value,
    url: url.value,
    headers: headers.value,
    body: body.value,
    timestamp: timestamp.value,
    service: service.value,
    signedHeaders: signedHeaders.value,
  });
  let latest = 0;
  const firstRun = firstRunNotice();
  const render = (result: SignResult) => {
    for (const f of Object.values(fields)) f.message.textContent = '';
    formError.textContent = '';
    if (!result.ok) {
      const target = (fields as Record<string, { message: HTMLElement }>)[result.field];
      (target?.message ?? formError).textContent = result.message;
      steps.classList.add('stale');
      return;
    }
    firstRun.show(result.keyMissing);
    steps.classList.remove('stale');
    replaceChildren(steps, ...result.steps.map(stepItem));
    sent.textContent = result.headers.map(([k, v]) => `${k}: ${v}`).join('\n');
  };
  const update = debounce(() => {
    const form = read();
    saveDraftWithoutSecrets('sign', form, ['url', 'headers', 'body']);
    const ticket = ++latest;
    void request('sign', form).then((result) => {
      if (ticket === latest) render(result);
    });
  }, 60);
  for (const control of [method, url, headers, body, timestamp, service, signedHeaders]) control.addEventListener('input', update);
  // A profile added, switched or its key restored: the key-dependent steps can now be computed (or no longer).
  onNotification('profileChanged', update);
  method.addEventListener('change', update);
  nowButton.addEventListener('click', () => {
    timestamp.value = String(Math.floor(Date.now() / 1000));
    update();
  });

  const tc3Part = h(
    'div',
    { id: 'tc3-part' },
    h(
      'form',
      { id: 'sign-form', autocomplete: 'off' },
      fields.method.row,
      fields.url.row,
      fields.headers.row,
      fields.body.row,
      h('div', { class: 'inline' }, fields.timestamp.row, nowButton),
      fields.service.row,
      fields.signedHeaders.row,
    ),
    formError,
    h('h3', {}, t('steps')),
    steps,
    h(
      'div',
      { class: 'step-head' },
      h('h3', {}, t('headersToSend')),
      copyButton(() => sent.textContent ?? ''),
    ),
    sent,
    capturePart((form) => fill(form)),
    diagnosePart(),
  );
  // The first-run notice leads the tab: a new user sees "Use the local emulator" without scrolling past the form.
  const panel = h('section', { id: 'panel-sign', class: 'panel', role: 'tabpanel' }, firstRun.element, schemePicker(initial, tc3Part), tc3Part);

  function fill(form: SignForm): void {
    method.value = form.method;
    url.value = form.url;
    headers.value = form.headers;
    body.value = form.body;
    timestamp.value = form.timestamp;
    service.value = form.service;
    signedHeaders.value = form.signedHeaders;
    update();
  }
  update();
  return panel;
}

/** TC3 or one of the device and vendor credential schemes: the TC3 form, or the form generated for that scheme. */
function schemePicker(initial: InitialState, tc3Part: HTMLElement): DocumentFragment {
  const credentials = credentialPanel(initial.credentialSchemes);
  const picker = h(
    'select',
    { id: 'sign-scheme' },
    h('option', { value: 'tc3' }, t('schemeTc3')),
    ...initial.credentialSchemes.map((s) => h('option', { value: s.id }, s.title)),
  );
  const saved = loadDraft<string>('signScheme');
  picker.value = saved && initial.credentialSchemes.some((s) => s.id === saved) ? saved : 'tc3';
  const apply = () => {
    tc3Part.hidden = picker.value !== 'tc3';
    credentials.element.hidden = picker.value === 'tc3';
    credentials.show(picker.value);
    saveDraft('signScheme', picker.value);
  };
  picker.addEventListener('change', apply);
  apply();
  const fragment = document.createDocumentFragment();
  fragment.append(field(t('scheme'), picker).row, credentials.element);
  return fragment;
}

/** Paste a curl command, raw HTTP or a HAR entry: the form is filled from it (and the steps recomputed). */
function capturePart(fill: (form: SignForm) => void): HTMLElement {
  const text = h('textarea', { id: 'capture-text', rows: '4', spellcheck: 'false', placeholder: t('pasteHint') });
  const message = h('div', { class: 'field-message', id: 'capture-message' });
  const button = h('button', { type: 'button', id: 'capture-fill' }, icon('arrow-up'), ' ', t('fillFromPaste'));
  button.addEventListener('click', () => {
    void request('readCapture', { text: text.value }).then((result) => {
      message.textContent = result.ok ? result.notes.join(' · ') : result.message;
      message.classList.toggle('error', !result.ok);
      if (result.ok) fill(result.form);
    });
  });
  return h('details', { class: 'sub' }, h('summary', {}, t('pasteRequest')), text, button, message);
}

/** Diagnose a failing request: the core's diagnosis view, conclusion first. */
function diagnosePart(): HTMLElement {
  const text = h('textarea', { id: 'diagnose-text', rows: '5', spellcheck: 'false', placeholder: t('diagnoseHint'), 'aria-label': t('diagnoseHint') });
  const response = h('textarea', {
    id: 'diagnose-response',
    rows: '2',
    spellcheck: 'false',
    placeholder: t('diagnoseResponse'),
    'aria-label': t('diagnoseResponse'),
  });
  const out = h('div', { id: 'diagnose-out' });
  const button = h('button', { type: 'button', id: 'diagnose-run' }, icon('beaker'), ' ', t('diagnose'));
  button.addEventListener('click', () => {
    void request('diagnose', { text: text.value, response: response.value }).then((result) =>
      replaceChildren(out, result.ok ? renderDiagnosis(result.diagnosis) : h('div', { class: 'error', role: 'alert' }, result.message)),
    );
  });
  return h('details', { class: 'sub', id: 'diagnose-part' }, h('summary', {}, t('diagnose')), text, response, button, out);
}

/**
 * Shown while no key is usable: why (the host's message), and the first-run offer — "Use the local emulator" when
 * it answers on 127.0.0.1:9180, else one line on what to do (the core's first-run view, asked of the host).
 */
function firstRunNotice(): { element: HTMLElement; show(keyMissing: string | undefined): void } {
  const element = h('div', { id: 'first-run', class: 'notice', role: 'status' });
  element.hidden = true;
  let shownFor: string | undefined;
  const offer = () =>
    void request('firstRun', {}).then((view) => {
      if (element.hidden) return;
      const line = h('p', { id: 'first-run-line' }, view.kind === 'offerEmulator' ? view.detail : view.text);
      if (view.kind !== 'offerEmulator') {
        // Started the emulator after reading the line: ask again without retyping anything.
        const again = h('button', { type: 'button', class: 'secondary', id: 'first-run-again' }, icon('refresh'), ' ', t('checkAgain'));
        again.addEventListener('click', offer);
        return replaceChildren(element, h('p', {}, shownFor), line, again);
      }
      const use = h('button', { type: 'button', id: 'use-emulator' }, icon('play'), ' ', view.label);
      const message = h('div', { class: 'field-message', role: 'alert' });
      use.addEventListener('click', () => {
        use.disabled = true;
        void request('useLocalEmulator', {}).then((result) => {
          use.disabled = false;
          message.textContent = result.ok ? '' : result.message;
        });
      });
      replaceChildren(element, h('p', {}, shownFor), line, use, message);
    });
  return {
    element,
    show(keyMissing) {
      element.hidden = keyMissing === undefined;
      if (keyMissing === undefined || keyMissing === shownFor) return;
      shownFor = keyMissing;
      replaceChildren(element, h('p', {}, keyMissing));
      offer();
    },
  };
}
