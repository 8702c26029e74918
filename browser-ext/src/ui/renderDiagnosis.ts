// A diagnosis on every page of the extension (the popup's paste verification and Why?, the DevTools panel), in the
// order of the core's one view: the conclusion, its Fix, what remains and what decides it, the first differing step,
// the findings, then the ruled-out list and the expected steps collapsed. Text only, through textContent.
import type { DiagnosisView } from '../protocol.js';
import { el } from './dom.js';
import { pick } from './localize.js';
import { renderSteps } from './renderExchange.js';

/** The browser pages' plain-text icons for a verdict (VS Code shows codicons). */
const KIND_ICON = { 'signature-correct': '✔', 'cause-found': '✖', 'not-reproduced': '?' } as const;

export function renderDiagnosis(target: HTMLElement, view: DiagnosisView): void {
  const { labels, difference: d } = view;
  const steps = el('ol', { class: 'steps' });
  renderSteps(steps, view.steps);
  target.dataset['kind'] = view.kind;
  if (view.cause) target.dataset['cause'] = view.cause;
  else delete target.dataset['cause'];
  target.replaceChildren(
    el(
      'div',
      { class: `verdict ${view.kind}`, role: 'status' },
      el('strong', { class: 'kind' }, el('span', { 'aria-hidden': 'true' }, `${KIND_ICON[view.kind]} `), pick(view.kindLabel)),
      el('p', { class: 'headline' }, pick(view.headline)),
    ),
    ...(view.fix ? [el('p', { class: 'fix' }, el('strong', {}, `${pick(labels.fix)}: `), pick(view.fix))] : []),
    ...(view.candidates.length > 0
      ? [
          el(
            'section',
            { class: 'candidates' },
            el('h3', {}, pick(labels.candidates)),
            el(
              'ol',
              {},
              ...view.candidates.map((c) =>
                el(
                  'li',
                  { 'data-candidate': c.id },
                  el('strong', {}, pick(c.title)),
                  el('p', { class: 'rule' }, `${pick(labels.evidence)}: ${pick(c.evidence)}`),
                  el('p', { class: 'rule' }, `${pick(labels.howToTell)}: ${pick(c.howToTell)}`),
                ),
              ),
            ),
          ),
        ]
      : []),
    ...(view.decideWith.length > 0
      ? [
          el(
            'section',
            { class: 'decide-with' },
            el('h3', {}, pick(labels.decideWith)),
            el('ul', {}, ...view.decideWith.map((text) => el('li', {}, pick(text)))),
          ),
        ]
      : []),
    ...(d
      ? [
          el(
            'section',
            { class: 'difference', 'data-step': d.step },
            el('h3', {}, `${pick(labels.difference)}: ${pick(d.title)}`),
            ...(d.at ? [el('pre', { class: 'at' }, `${pick(d.at.where)}\n${d.at.expected}\n${d.at.got}\n${' '.repeat(d.at.caret)}^`)] : []),
            el('p', { class: 'hint expected-label' }, pick(d.expectedLabel)),
            el('pre', { class: 'expected' }, d.expected),
            el('p', { class: 'hint got-label' }, pick(d.gotLabel)),
            el('pre', { class: 'got' }, d.got),
          ),
        ]
      : []),
    ...(view.findings.length > 0
      ? [
          el(
            'section',
            { class: 'findings' },
            el('h3', {}, pick(labels.findings)),
            el(
              'ul',
              {},
              ...view.findings.map((f) =>
                el(
                  'li',
                  { 'data-cause': f.cause },
                  el('strong', {}, pick(f.title)),
                  el('p', { class: 'rule' }, f.fix ? `${pick(f.explanation)} ${pick(f.fix)}` : pick(f.explanation)),
                ),
              ),
            ),
          ),
        ]
      : []),
    ...(view.ruledOut.count > 0
      ? [
          el(
            'details',
            { class: 'ruled-out' },
            el('summary', {}, pick(view.ruledOut.summary)),
            el('ul', {}, ...view.ruledOut.causes.map((c) => el('li', { 'data-cause': c.cause }, `${pick(c.title)} (${c.cause})`))),
          ),
        ]
      : []),
    ...(view.steps.length > 0 ? [el('details', { class: 'expected-steps' }, el('summary', {}, pick(labels.steps)), steps)] : []),
  );
}
