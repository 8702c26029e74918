import icons from 'codicons:subset';
import type { ShownText, StepView, WebviewStringKey, WebviewStrings } from '../protocol.js';
import { request } from './hostClient.js';

type Attrs = Record<string, string | boolean | undefined>;
type Child = Node | string | undefined | false;

/**
 * Builds an element. Text children become text nodes and attributes are set one by one, so server data is
 * never parsed as HTML (no HTML-string API is used anywhere in the webview; conventions.test.ts checks).
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  // Chromium keeps what is typed in a field for autofill and, as form state, in its session files on disk (the
  // browser canary test found a pasted Bearer token there); autocomplete=off keeps a field out of both. Secret fields
  // say new-password, which does the same for password boxes.
  if ((tag === 'input' || tag === 'textarea') && attrs['autocomplete'] === undefined) element.setAttribute('autocomplete', 'off');
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== undefined && child !== false) element.append(child);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A codicon as inline SVG (only the icons listed in codicons.json are bundled), coloured by the theme's currentColor. */
export function icon(name: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', `codicon codicon-${name}`);
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('fill', 'currentColor');
  svg.setAttribute('aria-hidden', 'true');
  for (const [d, evenodd] of icons[name] ?? []) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    if (evenodd) path.setAttribute('fill-rule', 'evenodd');
    svg.append(path);
  }
  return svg;
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== undefined && c !== false));
}

let strings: WebviewStrings;
export function loadStrings(): void {
  strings = JSON.parse(document.getElementById('strings')?.textContent ?? '{}') as WebviewStrings;
}
export const t = (key: WebviewStringKey): string => strings[key] ?? key;

/** A small icon button that copies through the host (the webview has no clipboard permission of its own). */
export function copyButton(getText: () => string, label = t('copy')): HTMLButtonElement {
  const button = h('button', { class: 'icon-button', title: label, 'aria-label': label, type: 'button' }, icon('copy'));
  button.addEventListener('click', () => {
    void request('copy', { text: getText() }).then(() => {
      button.replaceChildren(icon('check'));
      setTimeout(() => button.replaceChildren(icon('copy')), 1200);
    });
  });
  return button;
}

/** Runs `fn` once typing pauses; live views stay responsive without a message per keystroke. */
export function debounce(fn: () => void, ms = 120): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

/** A labelled field: label above, the control, then a message line for inline validation. */
/** A catalog text in its own language, its "Chinese only" label (the core's rule) before it when it has one. */
export function shownText(shown: ShownText, attrs: Record<string, string> = {}): HTMLElement {
  return h('span', attrs, shown.label && h('small', { class: 'lang-label' }, shown.label), shown.label && ' ', h('span', { lang: shown.lang }, shown.text));
}

export function field(label: string, control: HTMLElement, hint?: string | Node): { row: HTMLElement; message: HTMLElement } {
  const message = h('div', { class: 'field-message', role: 'status' });
  const id = control.id;
  const row = h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('div', { class: 'hint' }, hint) : undefined, message);
  return { row, message };
}

/**
 * One signing step as the Sign tab lists it: title, copy button unless masked (the core's rule), the rule, the
 * value — or, for a step that needs a key not yet added, that it needs one and how to add it.
 */
export function stepItem(step: StepView): HTMLLIElement {
  return h(
    'li',
    {
      'data-step': step.id,
      class: step.masked ? 'derived' : step.needsKey ? 'needs-key' : undefined,
      'data-masked': step.masked,
      'data-needs-key': step.needsKey,
    },
    h('div', { class: 'step-head' }, h('h4', {}, step.title), step.copyable && copyButton(() => step.value)),
    h('div', { class: 'rule' }, step.rule),
    step.needsKey ? h('p', { class: 'hint' }, icon('info'), ' ', t('needsKey')) : h('pre', { class: 'value' }, step.value),
  );
}
