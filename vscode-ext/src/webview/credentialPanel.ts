import type { CredentialModeView, CredentialRunResult, CredentialSchemeView } from '../protocol.js';
import { copyButton, debounce, field, h, icon, replaceChildren, stepItem, t } from './dom.js';
import { loadDraft, request, saveDraft } from './hostClient.js';

/** What survives the view being hidden: the mode and the non-secret values of each scheme, never a secret field. */
interface CredentialDraft {
  readonly modes: Record<string, CredentialModeView>;
  readonly values: Record<string, Record<string, string>>;
}

/**
 * A device or vendor credential scheme (MQTT device, OneNET, MXCHIP) in the Sign tab: the form is generated from the
 * scheme's definition (the core's CREDENTIAL_SCHEMES, labelled by the host), the host signs or verifies on each
 * change, and the steps, the values to use and, for verify, each finding are shown.
 */
export function credentialPanel(schemes: readonly CredentialSchemeView[]): { readonly element: HTMLElement; show(schemeId: string): void } {
  const draft = loadDraft<CredentialDraft>('credentials') ?? { modes: {}, values: {} };
  const modes: Record<string, CredentialModeView> = { ...draft.modes };
  const kept: Record<string, Record<string, string>> = structuredClone(draft.values);
  // Secret fields (PSK, keys) live in this page's memory only: switching schemes keeps them, hiding the view drops them.
  const secrets: Record<string, Record<string, string>> = {};

  const element = h('div', { id: 'credential-part' });
  let latest = 0;

  function show(schemeId: string): void {
    const scheme = schemes.find((s) => s.id === schemeId);
    if (!scheme) return replaceChildren(element);
    const mode = modes[scheme.id] && scheme.modes.includes(modes[scheme.id]!) ? modes[scheme.id]! : scheme.modes[0]!;
    const values = (kept[scheme.id] ??= {});
    const secretValues = (secrets[scheme.id] ??= {});

    const modeSwitch =
      scheme.modes.length > 1 &&
      h(
        'fieldset',
        { class: 'modes', id: 'cred-modes' },
        ...scheme.modes.map((m) => {
          const radio = h('input', { type: 'radio', name: 'cred-mode', id: `cred-mode-${m}`, value: m, checked: m === mode });
          radio.addEventListener('change', () => {
            modes[scheme.id] = m;
            persist();
            show(scheme.id);
          });
          return h('label', { for: radio.id }, radio, m === 'sign' ? t('modeSign') : t('modeVerify'));
        }),
      );

    const controls = new Map<string, HTMLInputElement | HTMLSelectElement>();
    const rows = new Map<string, { row: HTMLElement; message: HTMLElement }>();
    for (const f of scheme.fields.filter((f) => f.modes.includes(mode))) {
      const id = `cred-${f.name}`;
      let control: HTMLInputElement | HTMLSelectElement;
      if (f.options) {
        control = h('select', { id, name: f.name }, ...f.options.map((o) => h('option', { value: o }, o)));
        control.value = values[f.name] && f.options.includes(values[f.name]!) ? values[f.name]! : f.options[0]!;
      } else {
        control = h('input', {
          id,
          name: f.name,
          type: f.secret ? 'password' : 'text',
          spellcheck: 'false',
          placeholder: f.placeholder,
          autocomplete: f.secret ? 'new-password' : 'off',
        });
        control.value = (f.secret ? secretValues[f.name] : values[f.name]) ?? '';
      }
      control.addEventListener('input', update);
      control.addEventListener('change', update);
      controls.set(f.name, control);
      rows.set(f.name, field(`${f.label}${f.required ? ' *' : ''}`, control));
    }

    const formError = h('div', { id: 'cred-error', class: 'error', role: 'alert' });
    const verdict = h('div', { id: 'cred-verdict', class: 'verdict' });
    const findings = h('ul', { id: 'cred-findings', class: 'findings' });
    const steps = h('ol', { id: 'cred-steps', class: 'steps' });
    const outputs = h('ul', { id: 'cred-outputs', class: 'outputs' });

    function read(): Record<string, string> {
      const read: Record<string, string> = {};
      for (const f of scheme!.fields) {
        const control = controls.get(f.name);
        if (!control) continue;
        read[f.name] = control.value;
        if (f.secret) secretValues[f.name] = control.value;
        else values[f.name] = control.value;
      }
      return read;
    }

    function render(result: CredentialRunResult): void {
      for (const { message } of rows.values()) message.textContent = '';
      for (const control of controls.values()) control.removeAttribute('aria-invalid');
      formError.textContent = '';
      if (!result.ok) {
        const target = rows.get(result.field);
        (target?.message ?? formError).textContent = result.message;
        controls.get(result.field)?.setAttribute('aria-invalid', 'true');
        steps.classList.add('stale');
        outputs.classList.add('stale');
        replaceChildren(verdict);
        replaceChildren(findings);
        return;
      }
      steps.classList.remove('stale');
      outputs.classList.remove('stale');
      replaceChildren(steps, ...result.steps.map(stepItem));
      replaceChildren(
        outputs,
        ...result.outputs.map((o) =>
          h(
            'li',
            { 'data-output': o.name },
            h(
              'div',
              { class: 'step-head' },
              h('h4', {}, o.name),
              copyButton(() => o.value),
            ),
            h('pre', { class: 'value' }, o.value),
          ),
        ),
      );
      if (mode === 'verify') {
        verdict.className = `verdict ${result.valid ? 'ok' : 'bad'}`;
        replaceChildren(verdict, icon(result.valid ? 'pass' : 'error'), ' ', result.valid ? t('credentialValid') : t('credentialInvalid'));
        replaceChildren(
          findings,
          ...result.findings.map((f) =>
            h(
              'li',
              { class: 'bad', 'data-problem': f.problem },
              icon('error'),
              ' ',
              h('strong', {}, f.problem),
              ` · ${f.field}`,
              h('div', { class: 'rule' }, f.message),
            ),
          ),
        );
      } else {
        replaceChildren(verdict);
        replaceChildren(findings);
      }
    }

    function persist(): void {
      saveDraft('credentials', { modes, values: kept } satisfies CredentialDraft);
    }

    const run = debounce(() => {
      const form = { scheme: scheme!.id, mode, values: read() };
      persist();
      const ticket = ++latest;
      void request('runCredential', form).then((result) => {
        if (ticket === latest) render(result);
      });
    }, 60);
    function update(): void {
      run();
    }

    replaceChildren(
      element,
      h('form', { id: 'cred-form', autocomplete: 'off', 'data-scheme': scheme.id, 'data-mode': mode }, modeSwitch, ...[...rows.values()].map((r) => r.row)),
      formError,
      mode === 'verify' && h('h3', {}, t('verdict')),
      verdict,
      findings,
      h('h3', {}, t('outputs')),
      outputs,
      h('h3', {}, t('steps')),
      steps,
    );
    update();
  }

  return { element, show };
}
