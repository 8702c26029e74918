// A diagnosis as every UI shows it (VS Code's Sign › Diagnose and Why?, the browser's popup and DevTools panel):
// one order and one set of labels, built here once. Issue 13 saw the DevTools panel list 22 ruled-out mistakes
// before its conclusion with an empty Fix; the order is now fixed for everyone: the conclusion, its Fix, what remains
// and what decides between it, the first differing step, the findings, and last the ruled-out list, collapsed.
import type { Diagnosis, DiagnosisCauseId, DiagnosisScheme } from '../diagnosis/DiagnosisCause.js';
import { CAUSE_RULES } from '../diagnosis/causeRules.js';
import type { VerdictKind } from '../diagnosis/DiagnosisVerdict.js';
import type { LocalizedText } from '../signing/SigningStep.js';
import { buildStepViews, isSecretStep, pickLanguage, stepValueForDisplay, type StepLanguage, type StepView } from './stepViews.js';

type Text = string | LocalizedText;

export interface DiagnosisCandidateView<T extends Text = LocalizedText> {
  readonly id: string;
  readonly title: T;
  readonly evidence: T;
  readonly howToTell: T;
}

/** The first differing step, both sides labelled by what they are ("expected" = what the server computes from what was sent). */
export interface DiagnosisDifferenceView<T extends Text = LocalizedText> {
  readonly step: string;
  /** The step's title, with the part of a multi-line value (e.g. "CanonicalHeaders") when known. */
  readonly title: T;
  readonly expectedLabel: T;
  readonly gotLabel: T;
  /** Masked (first 4 characters + ****) when the step is derived from the SecretKey. */
  readonly expected: string;
  readonly got: string;
  readonly masked: boolean;
  /** Where the two first differ, invisible characters shown; absent for masked steps (the context would show the key's bytes). */
  readonly at?: { readonly where: T; readonly expected: string; readonly got: string; readonly caret: number };
}

export interface DiagnosisFindingView<T extends Text = LocalizedText> {
  readonly cause: DiagnosisCauseId;
  readonly title: T;
  /** What happened to this request, with the document's rule quoted; for the cause the headline names, the rule alone. */
  readonly explanation: T;
  /** Null for the cause the headline names: its fix is the Fix line. */
  readonly fix: T | null;
}

/** The words around the parts, the same in both UIs. */
export interface DiagnosisLabels<T extends Text = LocalizedText> {
  readonly fix: T;
  readonly candidates: T;
  readonly evidence: T;
  readonly howToTell: T;
  readonly decideWith: T;
  readonly difference: T;
  readonly findings: T;
  readonly steps: T;
}

export interface DiagnosisView<T extends Text = LocalizedText> {
  readonly scheme: DiagnosisScheme;
  readonly kind: VerdictKind;
  readonly match: boolean;
  readonly cause: DiagnosisCauseId | null;
  /** A short tag for the conclusion: "Signature correct", "Cause found: …", "Not reproduced" (each UI adds its platform's icon for `kind`). */
  readonly kindLabel: T;
  /** The conclusion, shown first. */
  readonly headline: T;
  /** What to do; never null for a found cause or an unreproduced signature (the core's verdict rule). */
  readonly fix: T | null;
  /** What remains when nothing reproduces the signature, most likely first. */
  readonly candidates: readonly DiagnosisCandidateView<T>[];
  readonly decideWith: readonly T[];
  readonly difference: DiagnosisDifferenceView<T> | null;
  /** Every cause found, in the order the server meets them. */
  readonly findings: readonly DiagnosisFindingView<T>[];
  /** Shown collapsed, last: `summary` is its one line ("22 known mistakes ruled out (41 re-signings)"). */
  readonly ruledOut: { readonly count: number; readonly summary: T; readonly causes: readonly { readonly cause: DiagnosisCauseId; readonly title: T }[] };
  /** The expected signing, derived keys masked (the core's step rule). */
  readonly steps: readonly StepView<T>[];
  readonly labels: DiagnosisLabels<T>;
}

const KIND_LABELS: Readonly<Record<VerdictKind, LocalizedText>> = {
  'signature-correct': { en: 'Signature correct', zh: '签名正确' },
  'cause-found': { en: 'Cause found', zh: '找到原因' },
  'not-reproduced': { en: 'Not reproduced', zh: '未能复现' },
};

const LABELS: DiagnosisLabels = {
  fix: { en: 'Fix', zh: '处理' },
  candidates: { en: 'What remains, most likely first', zh: '剩下的可能（最可能的在前）' },
  evidence: { en: 'Evidence', zh: '依据' },
  howToTell: { en: 'How to tell', zh: '如何区分' },
  decideWith: { en: 'What decides it', zh: '可据此判断' },
  difference: { en: 'First differing step', zh: '第一个不一致的步骤' },
  findings: { en: 'Findings', zh: '发现的问题' },
  steps: { en: 'Expected signing steps', zh: '应有的签名步骤' },
};

function differenceOf(diagnosis: Diagnosis): DiagnosisDifferenceView | null {
  const d = diagnosis.firstDifferingStep;
  if (!d) return null;
  const masked = isSecretStep({ id: d.step });
  const title = d.part ? { en: `${d.title.en} · ${d.part}`, zh: `${d.title.zh} · ${d.part}` } : d.title;
  const diff = d.diff;
  return {
    step: d.step,
    title,
    expectedLabel: { en: `Expected — ${d.expectedIs.en}`, zh: `应为——${d.expectedIs.zh}` },
    gotLabel: { en: `Got — ${d.gotIs.en}`, zh: `实际——${d.gotIs.zh}` },
    expected: stepValueForDisplay({ id: d.step }, d.expected),
    got: stepValueForDisplay({ id: d.step }, d.got),
    masked,
    ...(diff && !masked
      ? {
          at: {
            where: {
              en: `line ${diff.line}, column ${diff.column} (character ${diff.index + 1})`,
              zh: `第 ${diff.line} 行第 ${diff.column} 列（第 ${diff.index + 1} 个字符）`,
            },
            expected: diff.expected,
            got: diff.got,
            caret: diff.caret,
          },
        }
      : {}),
  };
}

function build(diagnosis: Diagnosis): DiagnosisView {
  const { verdict } = diagnosis;
  const kind = KIND_LABELS[verdict.kind];
  const causeTitle = verdict.kind === 'cause-found' && diagnosis.cause ? CAUSE_RULES[diagnosis.cause].title : undefined;
  const count = verdict.ruledOut.length;
  return {
    scheme: diagnosis.scheme,
    kind: verdict.kind,
    match: diagnosis.match,
    cause: diagnosis.cause,
    kindLabel: causeTitle ? { en: `${kind.en}: ${causeTitle.en}`, zh: `${kind.zh}：${causeTitle.zh}` } : kind,
    headline: verdict.headline,
    fix: verdict.fix,
    candidates: verdict.candidates.map(({ id, title, evidence, howToTell }) => ({ id, title, evidence, howToTell })),
    decideWith: verdict.decideWith,
    difference: differenceOf(diagnosis),
    findings: diagnosis.findings.map((f, i) => {
      const { title, rule } = CAUSE_RULES[f.cause];
      // The headline already says what happened and the Fix line how to fix it: the first finding adds the doc's rule.
      if (i === 0 && causeTitle) return { cause: f.cause, title, explanation: { en: `The doc: "${rule.en}"`, zh: `文档原文：“${rule.zh}”` }, fix: null };
      return { cause: f.cause, title, explanation: f.explanation, fix: f.fix };
    }),
    ruledOut: {
      count,
      summary: {
        en: `${count} known mistake${count === 1 ? '' : 's'} ruled out (${diagnosis.variantsTried} re-signing${diagnosis.variantsTried === 1 ? '' : 's'})`,
        zh: `已排除 ${count} 种已知错误（${diagnosis.variantsTried} 次重签）`,
      },
      causes: verdict.ruledOut.map(({ cause, title }) => ({ cause, title })),
    },
    steps: buildStepViews(diagnosis.steps),
    labels: LABELS,
  };
}

/** Every text of a view in one language, for a UI that is handed its texts localized (the VS Code webview). */
export function localizeDiagnosisView(view: DiagnosisView, language: StepLanguage): DiagnosisView<string> {
  const pick = pickLanguage(language);
  const { difference: d } = view;
  return {
    ...view,
    kindLabel: pick(view.kindLabel),
    headline: pick(view.headline),
    fix: view.fix && pick(view.fix),
    candidates: view.candidates.map((c) => ({ id: c.id, title: pick(c.title), evidence: pick(c.evidence), howToTell: pick(c.howToTell) })),
    decideWith: view.decideWith.map(pick),
    difference: d && {
      step: d.step,
      title: pick(d.title),
      expectedLabel: pick(d.expectedLabel),
      gotLabel: pick(d.gotLabel),
      expected: d.expected,
      got: d.got,
      masked: d.masked,
      ...(d.at ? { at: { ...d.at, where: pick(d.at.where) } } : {}),
    },
    findings: view.findings.map((f) => ({ cause: f.cause, title: pick(f.title), explanation: pick(f.explanation), fix: f.fix && pick(f.fix) })),
    ruledOut: {
      count: view.ruledOut.count,
      summary: pick(view.ruledOut.summary),
      causes: view.ruledOut.causes.map((c) => ({ cause: c.cause, title: pick(c.title) })),
    },
    steps: view.steps.map((s) => ({ ...s, title: pick(s.title), rule: pick(s.rule) })),
    labels: Object.fromEntries(Object.entries(view.labels).map(([key, text]) => [key, pick(text)])) as unknown as DiagnosisLabels<string>,
  };
}

/** A diagnosis for display: both languages (the page picks), or the one asked for. */
export function buildDiagnosisView(diagnosis: Diagnosis): DiagnosisView;
export function buildDiagnosisView(diagnosis: Diagnosis, language: StepLanguage): DiagnosisView<string>;
export function buildDiagnosisView(diagnosis: Diagnosis, language?: StepLanguage): DiagnosisView | DiagnosisView<string> {
  const view = build(diagnosis);
  return language === undefined ? view : localizeDiagnosisView(view, language);
}
