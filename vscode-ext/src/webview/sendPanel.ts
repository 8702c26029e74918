import { renderDiagnosis } from './diagnosisPanel.js';
import { historyOutcome } from '@iot-devkit/core';
import type { ActionForm, ExportFormatId, HistoryEntryView, InitialState, OneTimeSecretView, RequestResult, SendForm, SendResult } from '../protocol.js';
import { copyButton, debounce, field, h, icon, replaceChildren, shownText, t } from './dom.js';
import { loadDraft, onNotification, request, saveDraftWithoutSecrets } from './hostClient.js';

/** What survives the view being hidden: never a secret parameter's value, nor raw params that name one. */
interface SendDraft {
  readonly service: string;
  readonly version: string;
  readonly action: string;
  readonly region: string;
  /** Values of the catalog's non-secret parameters. */
  readonly values: Record<string, string>;
  readonly rawParams: string;
}

/**
 * The secrets a response returned (a new device's DevicePsk), masked, each with an explicit Copy. The value never
 * comes to the page: the host holds it until the next send and copies it when asked; history did not keep it.
 */
function oneTimeSecrets(historyId: string, secrets: readonly OneTimeSecretView[]): HTMLElement {
  const message = h('div', { class: 'field-message', role: 'status' });
  return h(
    'div',
    { class: 'explained', id: 'send-secrets' },
    h('div', {}, icon('info'), ' ', t('oneTimeSecrets')),
    h(
      'ul',
      { class: 'outputs' },
      ...secrets.map((secret) => {
        const copy = h('button', { type: 'button', class: 'secondary', 'data-copy-secret': secret.path }, icon('copy'), ' ', t('copy'));
        copy.addEventListener('click', () => {
          void request('copyOneTimeSecret', { historyId, path: secret.path }).then((result) => {
            message.textContent = result.ok ? t('copied') : result.message;
          });
        });
        return h('li', { 'data-secret': secret.path }, h('strong', {}, secret.path), ' ', h('code', {}, secret.masked), ' ', copy);
      }),
    ),
    message,
  );
}

/** Build & send: a searchable catalog action, its generated form checked as you type, the response explained, history. */
/** Why? under a signature error: the host diagnoses the request it just sent with the profile's key; the answer goes below. */
function whyButton(historyId: string, out: HTMLElement): HTMLElement {
  const button = h('button', { type: 'button', class: 'secondary', id: 'send-why' }, icon('question'), ' ', t('why'));
  button.addEventListener('click', () => {
    button.disabled = true;
    void request('why', { historyId }).then((result) => {
      button.disabled = false;
      replaceChildren(out, result.ok ? renderDiagnosis(result.diagnosis) : h('div', { class: 'error', role: 'alert' }, result.message));
    });
  });
  return h('div', { class: 'why' }, button);
}

export function sendPanel(initial: InitialState, openError: (code: string) => void): HTMLElement {
  const draft = loadDraft<SendDraft>('send') ?? {
    service: 'iotcloud',
    version: '2021-04-08',
    action: 'DescribeDeviceShadow',
    region: '',
    values: {},
    rawParams: '{}',
  };
  let values: Record<string, string> = { ...draft.values };
  // The catalog's secret parameters (DefinedPsk) live in this page's memory only: hiding the view drops them.
  const secretValues: Record<string, string> = {};
  const valueOf = (name: string): string | undefined => secretValues[name] ?? values[name];
  let form: ActionForm | undefined;

  const search = h('input', { id: 'send-search', type: 'search', placeholder: t('searchActions'), spellcheck: 'false' });
  const results = h('ul', { id: 'send-actions', class: 'picker', role: 'listbox' });
  // Browse by service and group (issue 15): with a service or group chosen, an empty search lists what it holds.
  const option = (value: string, label: string) => h('option', { value }, label);
  const browseService = h('select', { id: 'send-browse-service', 'aria-label': t('service') }, option('', t('allServices')));
  const browseGroup = h('select', { id: 'send-browse-group', 'aria-label': t('group') }, option('', t('allGroups')));
  const action = h('input', { id: 'send-action', type: 'text', spellcheck: 'false' });
  action.value = draft.action;
  const service = h('input', { id: 'send-service', type: 'text', spellcheck: 'false' });
  service.value = draft.service;
  const version = h('input', { id: 'send-version', type: 'text', spellcheck: 'false' });
  version.value = draft.version;
  const region = h('input', { id: 'send-region', type: 'text', spellcheck: 'false', placeholder: initial.profile?.region ?? 'ap-guangzhou' });
  region.value = draft.region;
  const rawParams = h('textarea', { id: 'send-params', rows: '5', spellcheck: 'false' });
  rawParams.value = draft.rawParams;
  const paramFields = h('div', { id: 'send-fields' });
  const formMessage = h('div', { class: 'error', id: 'send-error', role: 'alert' });
  const sendButton = h('button', { type: 'button', id: 'send-run' }, icon('send'), ' ', t('send'));
  const response = h('div', { id: 'send-response' });
  const formatSelect = h('select', { id: 'send-format' }, ...initial.exportFormats.map((f) => h('option', { value: f }, f)));
  const exportButton = h('button', { type: 'button', class: 'secondary', id: 'send-export' }, icon('copy'), ' ', t('copyAs'));
  const saveHttpButton = h('button', { type: 'button', class: 'secondary', id: 'send-save-http' }, icon('save'), ' ', t('saveAsHttp'));
  const historyList = h('ul', { id: 'send-history', class: 'history' });
  const inputs = new Map<string, { input: HTMLInputElement | HTMLTextAreaElement; message: HTMLElement }>();
  const touched = new Set<string>();
  let attempted = false;

  const params = (): string => {
    if (!form) return rawParams.value;
    const object: Record<string, unknown> = {};
    for (const f of form.params) {
      const raw = valueOf(f.name);
      if (raw === undefined || raw === '') continue;
      if (f.structured) {
        try {
          object[f.name] = JSON.parse(raw);
          continue;
        } catch {
          // Left as text: validation names the field.
        }
      }
      object[f.name] = raw;
    }
    return JSON.stringify(object);
  };
  const read = (): SendForm => ({ service: service.value, version: version.value, action: action.value, region: region.value, params: params() });

  const validate = debounce(() => {
    saveDraftWithoutSecrets(
      'send',
      { service: service.value, version: version.value, action: action.value, region: region.value, values, rawParams: rawParams.value } satisfies SendDraft,
      ['rawParams'],
    );
    void request('validateParams', read()).then((issues) => {
      for (const { message } of inputs.values()) message.textContent = '';
      formMessage.textContent = '';
      for (const issue of issues) {
        const name = issue.field.split('.')[0] ?? '';
        const target = inputs.get(name);
        // "Required" shows once the user has left the field (or tried to send), not before they typed anything.
        if (target) {
          if (!issue.missing || touched.has(name) || attempted) target.message.textContent = issue.message;
        } else formMessage.textContent = issue.message;
      }
    });
  }, 150);

  const buildFields = (described: ActionForm | undefined) => {
    form = described;
    inputs.clear();
    // Which action the fields are of: they arrive after the pick, and a test (or a person) types into them then.
    paramFields.setAttribute('data-action', described?.name ?? '');
    if (!described) {
      replaceChildren(paramFields, field(t('params'), rawParams).row);
      return validate();
    }
    service.value = described.service;
    version.value = described.version;
    replaceChildren(
      paramFields,
      // The English title first; a Chinese-only description beside it, labelled (the core's actionHeading).
      h(
        'div',
        { class: 'hint', id: 'send-heading' },
        shownText(described.heading.title, { class: 'heading-title' }),
        described.heading.titleNote && h('small', { class: 'hint' }, ` (${described.heading.titleNote})`),
        described.heading.description && h('div', {}, shownText(described.heading.description, { class: 'heading-description' })),
      ),
      ...described.params.map((f) => {
        if (f.secret && f.name in values) {
          // A draft saved before this field was known secret: the value moves to page memory, out of the next save.
          secretValues[f.name] ??= values[f.name]!;
          values = Object.fromEntries(Object.entries(values).filter(([name]) => name !== f.name));
        }
        // A secret is typed in a password box: neither shown nor kept by the browser (autofill, session restore).
        const input = f.secret
          ? h('input', { id: `param-${f.name}`, type: 'password', spellcheck: 'false', autocomplete: 'new-password' })
          : f.structured
            ? h('textarea', { id: `param-${f.name}`, rows: '3', spellcheck: 'false' })
            : h('input', { id: `param-${f.name}`, type: 'text', spellcheck: 'false' });
        input.value = valueOf(f.name) ?? '';
        if (f.example && !f.secret) input.placeholder = f.example;
        input.addEventListener('input', () => {
          if (f.secret) secretValues[f.name] = input.value;
          else values = { ...values, [f.name]: input.value };
          validate();
        });
        input.addEventListener('blur', () => {
          touched.add(f.name);
          validate();
        });
        const { row, message } = field(
          `${f.name}${f.required ? ' *' : ''} (${f.type})`,
          input,
          f.shownDescription.text || f.secret ? h('span', {}, shownText(f.shownDescription), f.secret && ` · ${t('notKept')}`) : undefined,
        );
        inputs.set(f.name, { input, message });
        return row;
      }),
    );
    validate();
  };

  const choose = (serviceName: string, actionName: string) => {
    action.value = actionName;
    service.value = serviceName;
    replaceChildren(results);
    // A catalog file the host cannot read is named in the form's message rather than leaving the old fields.
    void request('describeAction', { service: serviceName, action: actionName }).then(buildFields, (error: Error) => {
      paramFields.setAttribute('data-action', '');
      formMessage.textContent = error.message;
    });
  };

  const runSearch = debounce(() => {
    if (search.value.trim() === '' && !browseService.value && !browseGroup.value) return replaceChildren(results);
    void request('searchActions', { query: search.value, service: browseService.value, group: browseGroup.value }).then((found) =>
      replaceChildren(
        results,
        ...found.flatMap((a, i) => {
          // A heading where the group changes, so a browsed or searched list reads by group.
          const heading = a.groupLabel !== found[i - 1]?.groupLabel && h('li', { role: 'presentation', class: 'group-heading' }, a.groupLabel ?? '');
          const item = h(
            'li',
            { role: 'option', tabindex: '0', 'data-action': a.name },
            h('strong', {}, a.name),
            ' ',
            h('span', { class: 'hint' }, `${a.service} · `, shownText(a.heading.title), a.heading.titleNote && ` (${a.heading.titleNote})`),
          );
          item.addEventListener('click', () => choose(a.service, a.name));
          item.addEventListener('keydown', (e) => e.key === 'Enter' && choose(a.service, a.name));
          return heading ? [heading, item] : [item];
        }),
      ),
    );
  });
  const loadGroups = () =>
    void request('actionGroups', { service: browseService.value }).then((browse) => {
      if (browseService.options.length === 1) browseService.append(...browse.services.map((s) => option(s.service, s.label)));
      replaceChildren(browseGroup, option('', t('allGroups')), ...browse.groups.map((g) => option(g.key, `${g.label} (${g.count})`)));
      runSearch();
    });
  search.addEventListener('input', runSearch);
  browseService.addEventListener('change', loadGroups);
  browseGroup.addEventListener('change', runSearch);
  // Arrow keys walk the list from the search box, Enter opens the focused action.
  const walk = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = [...results.querySelectorAll<HTMLElement>('li[role="option"]')];
    const at = items.indexOf(document.activeElement as HTMLElement);
    items[Math.max(0, Math.min(items.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    e.preventDefault();
  };
  search.addEventListener('keydown', walk);
  results.addEventListener('keydown', walk);
  loadGroups();
  action.addEventListener('change', () => void request('describeAction', { service: service.value, action: action.value }).then(buildFields));
  for (const control of [service, version, region, rawParams]) control.addEventListener('input', validate);

  const showResult = (result: SendResult) => {
    sendButton.disabled = false;
    if (!result.ok) return replaceChildren(response, h('div', { class: 'error' }, result.message));
    response.setAttribute('data-history', result.historyId);
    const error = result.error;
    // The diagnosis goes below the error box, not inside its error colours.
    const whyOut = h('div', { class: 'why-out', id: 'send-why-out' });
    replaceChildren(
      response,
      h(
        'div',
        { class: 'step-head' },
        h('h4', {}, `${t('response')}: HTTP ${result.status}`),
        copyButton(() => result.body),
      ),
      error &&
        h(
          'div',
          { class: 'explained', id: 'send-explained' },
          h(
            'div',
            {},
            icon('error'),
            ' ',
            (() => {
              const link = h('a', { href: '#', class: 'code-link' }, error.code);
              link.addEventListener('click', (e) => {
                e.preventDefault();
                openError(error.code);
              });
              return link;
            })(),
          ),
          error.description && h('div', {}, error.description),
          error.message && h('div', { class: 'hint' }, error.message),
          error.advice && h('div', { class: 'advice' }, icon('info'), ' ', error.advice),
          error.diagnosable && whyButton(result.historyId, whyOut),
        ),
      error?.diagnosable && whyOut,
      result.oneTimeSecrets && oneTimeSecrets(result.historyId, result.oneTimeSecrets),
      h('pre', { class: 'value', id: 'send-body' }, result.body),
    );
  };
  sendButton.addEventListener('click', () => {
    attempted = true;
    sendButton.disabled = true;
    replaceChildren(response, h('div', { class: 'hint' }, t('sending')));
    void request('send', read()).then(showResult);
  });
  exportButton.addEventListener('click', () => {
    void request('exportRequest', { format: formatSelect.value as ExportFormatId, source: { form: read() } }).then((result) => {
      if (result.ok) void request('copy', { text: result.text });
      else formMessage.textContent = result.message;
    });
  });

  // The form's call as a .http request in an untitled editor (the host writes it: a profile named, no key).
  saveHttpButton.addEventListener('click', () => {
    void request('saveAsHttp', { source: { form: read() } }).then((result) => {
      formMessage.textContent = result.ok ? '' : result.message;
    });
  });

  // History rows: the call's key parameters and outcome (the core's rules, as in the browser), load back, replay.
  let shownHistory: readonly HistoryEntryView[] = initial.history;
  const renderHistory = (entries: readonly HistoryEntryView[]) => {
    shownHistory = entries;
    if (entries.length === 0) return replaceChildren(historyList, h('li', { class: 'hint' }, t('emptyHistory')));
    const query = historySearch.value.trim().toLowerCase();
    const matching = query
      ? entries.filter((e) =>
          [e.action, e.errorCode ?? '', e.profile, ...(e.keyParams ?? []).map((p) => `${p.name}=${p.value}`)].some((v) => v.toLowerCase().includes(query)),
        )
      : entries;
    if (matching.length === 0)
      return replaceChildren(
        historyList,
        h('li', { class: 'hint', id: 'send-history-none' }, `${t('noMatch')} "${historySearch.value.trim()}" (${entries.length})`),
      );
    replaceChildren(
      historyList,
      ...matching.map((entry) => {
        const outcome = historyOutcome({ status: entry.status, ...(entry.errorCode ? { errorCode: entry.errorCode } : {}) });
        const succeeded = outcome.kind === 'ok';
        const load = h(
          'button',
          { type: 'button', class: 'icon-button', title: t('loadIntoForm'), 'aria-label': t('loadIntoForm'), 'data-command': 'load' },
          icon('edit'),
        );
        load.addEventListener('click', () => void request('loadHistory', { historyId: entry.id }).then(loadCall));
        const replay = h(
          'button',
          { type: 'button', class: 'icon-button', title: t('replay'), 'aria-label': t('replay'), 'data-command': 'replay' },
          icon('play'),
        );
        replay.addEventListener('click', () => void request('replay', { historyId: entry.id }).then(showResult));
        const copyCurl = h(
          'button',
          { type: 'button', class: 'icon-button', title: `${t('copyAs')} ${formatSelect.value}`, 'aria-label': t('copyAs') },
          icon('copy'),
        );
        copyCurl.addEventListener(
          'click',
          () =>
            void request('exportRequest', { format: formatSelect.value as ExportFormatId, source: { historyId: entry.id } }).then(
              (r) => r.ok && request('copy', { text: r.text }),
            ),
        );
        const saveHttp = h(
          'button',
          { type: 'button', class: 'icon-button', title: t('saveAsHttp'), 'aria-label': t('saveAsHttp'), 'data-command': 'saveHttp' },
          icon('save'),
        );
        saveHttp.addEventListener(
          'click',
          () => void request('saveAsHttp', { source: { historyId: entry.id } }).then((r) => !r.ok && (formMessage.textContent = r.message)),
        );
        return h(
          'li',
          { 'data-history': entry.id },
          h('span', { class: outcome.kind === 'ok' ? 'ok' : 'bad' }, icon(succeeded ? 'pass' : 'error')),
          h(
            'span',
            { class: 'grow' },
            h('strong', {}, entry.action),
            ' · ',
            h(
              'span',
              { class: outcome.kind === 'ok' ? 'ok' : 'bad', 'data-outcome': outcome.kind },
              outcome.kind === 'ok' ? `HTTP ${entry.status} OK` : outcome.label,
            ),
            (entry.keyParams?.length ?? 0) > 0 &&
              h('div', { class: 'key-params', 'data-key-params': true }, entry.keyParams!.map((p) => `${p.name}=${p.value}`).join('  ')),
            h('div', { class: 'hint' }, `${entry.at.replace('T', ' ').slice(0, 19)} · ${entry.profile} · ${entry.region}`),
          ),
          load,
          replay,
          copyCurl,
          saveHttp,
        );
      }),
    );
  };
  /** A history call back in the form: the action's fields, filled; secrets it did not keep stay empty. */
  const loadCall = (loaded: RequestResult<'loadHistory'>) => {
    if (!loaded.ok) return void (formMessage.textContent = loaded.message);
    const { call } = loaded;
    action.value = call.action;
    service.value = call.service;
    version.value = call.version;
    region.value = call.region;
    values = Object.fromEntries(Object.entries(call.params).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]));
    rawParams.value = JSON.stringify(call.params, null, 2);
    void request('describeAction', { service: call.service, action: call.action }).then(buildFields);
    action.scrollIntoView({ block: 'nearest' });
  };
  const historySearch = h('input', {
    id: 'send-history-search',
    type: 'search',
    spellcheck: 'false',
    placeholder: t('searchHistory'),
    'aria-label': t('searchHistory'),
  });
  historySearch.addEventListener('input', () => renderHistory(shownHistory));
  const clear = h('button', { type: 'button', class: 'icon-button', title: t('clearHistory'), 'aria-label': t('clearHistory') }, icon('trash'));
  clear.addEventListener('click', () => void request('clearHistory', {}).then(renderHistory));
  onNotification('historyChanged', renderHistory);
  renderHistory(initial.history);
  void request('describeAction', { service: service.value, action: action.value }).then(buildFields);

  return h(
    'section',
    { id: 'panel-send', class: 'panel', role: 'tabpanel', hidden: true },
    h('div', { class: 'field' }, h('label', { for: 'send-search' }, t('action')), h('div', { class: 'browse' }, browseService, browseGroup), search, results),
    h(
      'div',
      { class: 'grid' },
      field(t('action'), action).row,
      field(t('service'), service).row,
      field(t('version'), version).row,
      field(t('region'), region).row,
    ),
    paramFields,
    formMessage,
    h('div', { class: 'buttons' }, sendButton, saveHttpButton, formatSelect, exportButton),
    response,
    h('div', { class: 'step-head' }, h('h3', {}, t('history')), clear),
    historySearch,
    historyList,
  );
}
