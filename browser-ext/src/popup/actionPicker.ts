// The searchable action picker and the parameter form generated from the catalog. The params JSON textarea stays
// the one source of truth (it is what the draft keeps and what is sent); the form reads from and writes into it.
import { callBackground } from '../messaging.js';
import type { ActionBrowse, ActionForm, ActionSummary, ParamField, ShownText, UiLanguage } from '../protocol.js';
import { byId, el, setText } from '../ui/dom.js';
import { isChinese, t } from '../ui/localize.js';

const NUMERIC = new Set(['Integer', 'Int64', 'UInt64', 'Float']);

function readJson(textarea: HTMLTextAreaElement): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(textarea.value || '{}');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** What a form field's text means for its documented type; text that does not fit is kept as typed, for validation to name. */
function valueOf(field: ParamField, text: string): unknown {
  if (field.structured) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (NUMERIC.has(field.baseType) && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  if (field.baseType === 'Boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** A catalog text in its own language, its "Chinese only" label (the core's rule) before it when it has one. */
const shownText = (shown: ShownText, attributes: Record<string, string> = {}): HTMLElement =>
  el('span', attributes, shown.label && el('small', { class: 'lang-label' }, shown.label), shown.label && ' ', el('span', { lang: shown.lang }, shown.text));

/** A tooltip cannot hold the label as an element: it leads the text. */
const shownTitle = (shown: ShownText): string => (shown.label ? `[${shown.label}] ${shown.text}` : shown.text);

const textOf = (value: unknown) => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

export interface ActionPicker {
  /** Shows the form for the action now typed, filled from the params JSON. */
  sync(): Promise<void>;
}

export function setupActionPicker(saveDraft: () => void): ActionPicker {
  const action = byId<HTMLInputElement>('action');
  const params = byId<HTMLTextAreaElement>('params');
  const form = byId('param-form');
  const description = byId('action-description');
  const language: UiLanguage = isChinese() ? 'zh-CN' : 'en';
  // Browse by service and group (issue 15): the selectors narrow the search list to one service's or one group's actions.
  const browseService = byId<HTMLSelectElement>('browse-service');
  const browseGroup = byId<HTMLSelectElement>('browse-group');
  let browse: ActionBrowse = { services: [], groups: [] };
  let actions: ActionSummary[] = [];
  let shown: ActionForm | null = null;

  const fieldInput = (field: ParamField, value: unknown): HTMLElement => {
    const attributes = {
      id: `param-${field.name}`,
      'data-param': field.name,
      title: shownTitle(field.shownDescription),
      spellcheck: 'false',
      ...(field.example ? { placeholder: field.example } : {}),
    };
    let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (field.enum || field.baseType === 'Boolean') {
      const options = field.enum?.map(String) ?? ['true', 'false'];
      input = el('select', attributes, el('option', { value: '' }, '—'), ...options.map((o) => el('option', { value: o }, o)));
    } else if (field.structured) input = el('textarea', { ...attributes, rows: '2' });
    else input = el('input', { ...attributes, type: field.secret ? 'password' : 'text', ...(NUMERIC.has(field.baseType) ? { inputmode: 'numeric' } : {}) });
    input.value = textOf(value);
    input.addEventListener('input', () => {
      const current = readJson(params);
      if (input.value === '') delete current[field.name];
      else current[field.name] = valueOf(field, input.value);
      params.value = JSON.stringify(current, null, 2);
      saveDraft();
    });
    return el(
      'label',
      { title: shownTitle(field.shownDescription) },
      el('span', { class: field.required ? 'required' : '' }, `${field.name} `, el('small', { class: 'hint' }, field.type)),
      input,
    );
  };

  const render = () => {
    // An action with a secret parameter (CreateDevice's DefinedPsk) keeps its params JSON draft in session memory only.
    const secret = shown?.params.some((p) => p.secret) ?? false;
    params.toggleAttribute('data-draft-secret', secret);
    params.toggleAttribute('data-draft', !secret);
    if (!shown) {
      form.replaceChildren();
      // A name typed that the catalog lacks: the nearest names, by edit distance with swaps (DescirbeDevice).
      // Asked of the worker, which holds the catalog (the popup does not bundle it).
      const typed = action.value.trim();
      setText(description, '');
      if (typed)
        void callBackground('suggestActions', { name: typed }).then((near) => {
          if (near.length && action.value.trim() === typed)
            setText(description, t('unknownActionDidYouMean', `No action named ${typed}. Did you mean: ${near.join(', ')}?`, [typed, near.join(', ')]));
        });
      return;
    }
    const values = readJson(params);
    // The English title first; a Chinese-only description beside it, labelled (the core's actionHeading).
    const { heading } = shown;
    description.replaceChildren(
      ...[
        shownText(heading.title, { class: 'heading-title' }),
        heading.titleNote && el('small', {}, ` (${heading.titleNote})`),
        heading.description && ' · ',
        heading.description && shownText(heading.description, { class: 'heading-description' }),
        shown.destructive && ` ${t('destructiveNote', '(asks before sending)')}`,
      ].filter((part): part is HTMLElement | string => typeof part === 'string' || part instanceof HTMLElement),
    );
    form.replaceChildren(...shown.params.map((field) => fieldInput(field, values[field.name])));
  };

  const picker: ActionPicker = {
    async sync() {
      const name = action.value.trim().toLowerCase();
      // A name two services share (DescribeDevice) resolves in the service browsed, else in the one the form names.
      const named = actions.filter((a) => a.name.toLowerCase() === name);
      const preferred = browseService.value || byId<HTMLInputElement>('service').value;
      const summary = named.find((a) => a.service === preferred) ?? named[0];
      if (!summary) {
        shown = null;
        return render();
      }
      if (shown?.name !== summary.name || shown.service !== summary.service)
        shown = await callBackground('describeAction', { service: summary.service, action: summary.name, language });
      if (shown) {
        byId<HTMLInputElement>('service').value = shown.service;
        byId<HTMLInputElement>('version').value = shown.version;
      }
      render();
    },
  };

  const option = (value: string, label: string) => el('option', { value }, label);
  // The search list holds the browsed service's and group's actions; each says its service, as a mixed list must.
  const fillNames = () =>
    byId('action-names').replaceChildren(
      ...actions
        .filter((a) => (!browseService.value || a.service === browseService.value) && (!browseGroup.value || a.groupKey === browseGroup.value))
        .map((a) => option(a.name, `${shownTitle(a.heading.title)} · ${a.service}${a.groupLabel ? ` · ${a.groupLabel}` : ''}`)),
    );
  const fillGroups = () => {
    const groups = browse.groups.filter((g) => g.service === browseService.value);
    browseGroup.replaceChildren(option('', t('allGroups', 'All groups')), ...groups.map((g) => option(g.key, `${g.label} (${g.count})`)));
    browseGroup.disabled = groups.length === 0;
  };
  browseService.addEventListener('change', () => {
    fillGroups();
    fillNames();
    action.focus();
  });
  browseGroup.addEventListener('change', () => {
    fillNames();
    action.focus();
  });
  void Promise.all([callBackground('listActions', { language }), callBackground('actionGroups', { language })]).then(([list, groups]) => {
    actions = list;
    browse = groups;
    browseService.append(...groups.services.map((s) => option(s.service, s.label)));
    fillGroups();
    fillNames();
    void picker.sync();
  });
  action.addEventListener('input', () => void picker.sync().then(saveDraft));
  // The JSON is edited directly too: the form follows it (without re-rendering while a form field has focus).
  params.addEventListener('input', () => {
    if (!form.contains(document.activeElement)) render();
  });
  return picker;
}
