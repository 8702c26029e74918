// Signing steps as every UI shows them (VS Code's Sign tab, the browser popup and DevTools panel, the CLI):
// one rule for what is masked. The first release masked derived keys in the browser and showed them with copy
// buttons in VS Code; a derived key signs every request of its service for the rest of the UTC day, so the
// masked rule is the one kept.
import type { LocalizedText, SigningStep } from '../signing/SigningStep.js';
import { TC3_RULES, TC3_STEP_IDS } from '../signing/tc3/tc3Rules.js';
import { maskForDisplay } from './secretPolicy.js';

/** TC3's derived keys (seed 001 签名方法 v3, step 4): HMAC chains from the SecretKey, as good as it for a day. */
export const DERIVED_KEY_STEP_IDS = ['secretDate', 'secretService', 'secretSigning'] as const;

export type StepLanguage = 'zh-CN' | 'en';

/** One step for display. `Text` is LocalizedText (both languages, the page picks) or string (localized here). */
export interface StepView<Text extends string | LocalizedText = LocalizedText> {
  readonly id: string;
  readonly title: Text;
  readonly rule: Text;
  /** The step's value, masked (first 4 characters + ****) when it is derived from a secret. */
  readonly value: string;
  /** The value is a mask: show it styled as such. */
  readonly masked: boolean;
  /** False for masked values: a copied mask is useless, and a Copy button next to a key invites pasting it. */
  readonly copyable: boolean;
  /** No value yet: the step needs a SecretKey (derived keys, signature, Authorization); the host says how to add one. */
  readonly needsKey?: true;
}

/** A step whose value must be masked: marked derived from a secret by its signer, or one of TC3's derived keys. */
export const isSecretStep = (step: { readonly id: string; readonly derivedFromSecret?: boolean }): boolean =>
  step.derivedFromSecret === true || (DERIVED_KEY_STEP_IDS as readonly string[]).includes(step.id);

/** A step's value as it may be shown (a diagnosis's expected/got of a step included). */
export const stepValueForDisplay = (step: { readonly id: string; readonly derivedFromSecret?: boolean }, value: string): string =>
  isSecretStep(step) ? maskForDisplay(value) : value;

export const pickLanguage =
  (language: StepLanguage) =>
  (text: LocalizedText): string =>
    language === 'zh-CN' ? text.zh : text.en;

/** Steps for display: values derived from a secret masked and not copyable; both languages, or the one asked for. */
export function buildStepViews(steps: readonly SigningStep[]): StepView<LocalizedText>[];
export function buildStepViews(steps: readonly SigningStep[], language: StepLanguage): StepView<string>[];
export function buildStepViews(steps: readonly SigningStep[], language?: StepLanguage): StepView<LocalizedText>[] | StepView<string>[] {
  const views = steps.map((step): StepView<LocalizedText> => {
    const masked = isSecretStep(step);
    return { id: step.id, title: step.title, rule: step.rule, value: masked ? maskForDisplay(step.value) : step.value, masked, copyable: !masked };
  });
  if (language === undefined) return views;
  const pick = pickLanguage(language);
  return views.map((view) => ({ ...view, title: pick(view.title), rule: pick(view.rule) }));
}

/**
 * What a step without a key says in place of its value; the host adds how to add a key in its own UI (VS Code's
 * Add Profile, the popup's Profiles tab).
 */
export const NEEDS_SECRET_KEY: LocalizedText = { en: 'Needs a SecretKey.', zh: '需要 SecretKey。' };

/**
 * TC3 steps for a request signed without a key (signTc3WithoutKey): the key-free steps with their values, then
 * each step that needs the key, in signing order, with no value and `needsKey`.
 */
export function buildKeylessStepViews(keylessSteps: readonly SigningStep[]): StepView<LocalizedText>[];
export function buildKeylessStepViews(keylessSteps: readonly SigningStep[], language: StepLanguage): StepView<string>[];
export function buildKeylessStepViews(keylessSteps: readonly SigningStep[], language?: StepLanguage): StepView<LocalizedText>[] | StepView<string>[] {
  const known = new Set(keylessSteps.map((step) => step.id));
  const pending = TC3_STEP_IDS.filter((id) => !known.has(id)).map((id): StepView<LocalizedText> => ({
    id,
    ...TC3_RULES[id],
    value: '',
    masked: false,
    copyable: false,
    needsKey: true,
  }));
  const views = [...buildStepViews(keylessSteps), ...pending];
  if (language === undefined) return views;
  const pick = pickLanguage(language);
  return views.map((view) => ({ ...view, title: pick(view.title), rule: pick(view.rule) }));
}
