// The read-only tabs a .http file's Signing Steps and Diagnose open, as Markdown: the core's step views (derived
// keys masked, the Sign tab's rule) and its diagnosis view (conclusion and Fix first, ruled-out last, the sidebar's
// order), written out as text instead of rendered in the webview.
import type { DiagnosisView, StepView } from '@iot-devkit/core';
import type { Translate } from './responseText.js';

/** A value in a fenced block long enough that no run of backticks inside it closes it. */
const fenced = (value: string) => {
  const longest = Math.max(2, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${value}\n${fence}`;
};

/** Steps of a real signing (buildStepViews): every step has its value, the derived keys masked. */
export function stepsMarkdown(steps: readonly StepView<string>[], t: Translate): string[] {
  return steps.flatMap((step, i) => [
    `### ${i + 1}. ${step.title}`,
    '',
    `> ${step.rule.split('\n').join('\n> ')}`,
    '',
    fenced(step.value),
    ...(step.masked ? ['', `_${t('Derived from the SecretKey: masked (it signs every request of its service for the rest of the UTC day).')}_`] : []),
    '',
  ]);
}

export function signingStepsText(heading: string, steps: readonly StepView<string>[], t: Translate): string {
  return [`# ${heading}`, '', ...stepsMarkdown(steps, t)].join('\n');
}

export function diagnosisText(heading: string, view: DiagnosisView<string>, t: Translate): string {
  const { labels } = view;
  const lines = [`# ${heading}`, '', `**${view.kindLabel}** — ${view.headline}`, ''];
  if (view.fix) lines.push(`**${labels.fix}:** ${view.fix}`, '');
  if (view.candidates.length > 0) {
    lines.push(`## ${labels.candidates}`, '');
    for (const c of view.candidates) lines.push(`- **${c.title}** — ${labels.evidence}: ${c.evidence} ${labels.howToTell}: ${c.howToTell}`);
    lines.push('');
  }
  if (view.decideWith.length > 0) lines.push(`## ${labels.decideWith}`, '', ...view.decideWith.map((d) => `- ${d}`), '');
  const d = view.difference;
  if (d) {
    lines.push(`## ${labels.difference}: ${d.title}`, '', d.expectedLabel, fenced(d.expected), '', d.gotLabel, fenced(d.got), '');
    if (d.at) lines.push(`${d.at.where}`, fenced(`${d.at.expected}\n${d.at.got}\n${' '.repeat(d.at.caret)}^`), '');
  }
  if (view.findings.length > 0) {
    lines.push(`## ${labels.findings}`, '');
    for (const f of view.findings) lines.push(`- **${f.title}** — ${f.explanation}${f.fix ? ` ${labels.fix}: ${f.fix}` : ''}`);
    lines.push('');
  }
  lines.push(`## ${labels.steps}`, '', ...stepsMarkdown(view.steps, t));
  lines.push(`## ${view.ruledOut.summary}`, '', ...view.ruledOut.causes.map((c) => `- ${c.title}`), '');
  return lines.join('\n');
}
