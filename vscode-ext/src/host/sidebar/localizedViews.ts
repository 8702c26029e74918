import type { LocalizedText, SigningStep } from '@iot-devkit/core';
import type { StepView } from '../../protocol.js';

// The core carries zh-CN and English side by side; the sidebar shows one, chosen once from VS Code's language.

/** The text of the UI language. */
export const inLanguage = (zh: boolean) => (value: LocalizedText): string => (zh ? value.zh : value.en);

/** Signing steps (TC3, v1, device and vendor schemes) as the webview renders them, in the UI language. */
export function stepViewsIn(zh: boolean, steps: readonly SigningStep[]): StepView[] {
  const pick = inLanguage(zh);
  return steps.map((step) => ({ id: step.id, title: pick(step.title), rule: pick(step.rule), value: step.value, derivedFromSecret: step.derivedFromSecret === true }));
}
