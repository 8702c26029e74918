import type { DiagnosisView } from '../protocol.js';
import { h, icon, stepItem } from './dom.js';

const KIND_ICON = { 'signature-correct': 'pass', 'cause-found': 'error', 'not-reproduced': 'question' } as const;

/**
 * A diagnosis as the core's view orders it, the same in Sign › Diagnose and under a response's Why?: the conclusion,
 * its Fix, what remains and what decides it, the first differing step, the findings, then the ruled-out list and the
 * expected steps collapsed.
 */
export function renderDiagnosis(view: DiagnosisView): HTMLElement {
  const { labels, difference: d } = view;
  return h(
    'div',
    { class: 'diagnosis', 'data-kind': view.kind, ...(view.cause ? { 'data-cause': view.cause } : {}) },
    h(
      'div',
      { class: `verdict ${view.kind}`, role: 'status' },
      h('div', { class: 'kind' }, icon(KIND_ICON[view.kind]), ' ', view.kindLabel),
      h('div', { class: 'headline' }, view.headline),
    ),
    view.fix !== null && h('div', { class: 'fix' }, icon('lightbulb'), ' ', h('strong', {}, `${labels.fix}: `), view.fix),
    view.candidates.length > 0 &&
      h(
        'section',
        { class: 'candidates' },
        h('h4', {}, labels.candidates),
        h(
          'ol',
          {},
          ...view.candidates.map((c) =>
            h(
              'li',
              { 'data-candidate': c.id },
              h('strong', {}, c.title),
              h('div', { class: 'rule' }, `${labels.evidence}: ${c.evidence}`),
              h('div', { class: 'rule' }, `${labels.howToTell}: ${c.howToTell}`),
            ),
          ),
        ),
      ),
    view.decideWith.length > 0 &&
      h('section', { class: 'decide-with' }, h('h4', {}, labels.decideWith), h('ul', {}, ...view.decideWith.map((text) => h('li', {}, text)))),
    d !== null &&
      h(
        'section',
        { class: 'difference', 'data-step': d.step },
        h('h4', {}, `${labels.difference}: ${d.title}`),
        d.at && h('pre', { class: 'value at' }, `${d.at.where}\n${d.at.expected}\n${d.at.got}\n${' '.repeat(d.at.caret)}^`),
        h('div', { class: 'hint expected-label' }, d.expectedLabel),
        h('pre', { class: 'value' }, d.expected),
        h('div', { class: 'hint got-label' }, d.gotLabel),
        h('pre', { class: 'value' }, d.got),
      ),
    view.findings.length > 0 &&
      h(
        'section',
        {},
        h('h4', {}, labels.findings),
        h(
          'ul',
          { class: 'findings' },
          ...view.findings.map((f) =>
            h(
              'li',
              { class: 'bad', 'data-cause': f.cause },
              icon('error'),
              ' ',
              h('strong', {}, f.title),
              h('div', { class: 'rule' }, f.fix ? `${f.explanation} ${f.fix}` : f.explanation),
            ),
          ),
        ),
      ),
    view.ruledOut.count > 0 &&
      h(
        'details',
        { class: 'ruled-out' },
        h('summary', {}, view.ruledOut.summary),
        h('ul', {}, ...view.ruledOut.causes.map((c) => h('li', { 'data-cause': c.cause }, `${c.title} (${c.cause})`))),
      ),
    view.steps.length > 0 &&
      h('details', { class: 'expected-steps' }, h('summary', {}, labels.steps), h('ol', { class: 'steps' }, ...view.steps.map(stepItem))),
  );
}
