import {
  buildDiagnosisView,
  buildKeylessStepViews,
  buildStepViews,
  pickLanguage,
  type Diagnosis,
  type LocalizedText,
  type SigningStep,
  type StepLanguage,
} from '@iot-devkit/core';
import type { DiagnosisView, StepView } from '../../protocol.js';

// The core carries zh-CN and English side by side; the sidebar shows one, chosen once from VS Code's language.
// What a step may show (derived keys masked, not copyable) is the core's rule (buildStepViews), as in the browser.

const languageOf = (zh: boolean): StepLanguage => (zh ? 'zh-CN' : 'en');

/** The text of the UI language. */
export const inLanguage = (zh: boolean): ((value: LocalizedText) => string) => pickLanguage(languageOf(zh));

/** Signing steps (TC3, v1, device and vendor schemes) as the webview renders them, in the UI language. */
export const stepViewsIn = (zh: boolean, steps: readonly SigningStep[]): StepView[] => buildStepViews(steps, languageOf(zh));

/** TC3 steps signed without a key: the key-free ones with values, the others marked as needing a SecretKey. */
export const keylessStepViewsIn = (zh: boolean, steps: readonly SigningStep[]): StepView[] => buildKeylessStepViews(steps, languageOf(zh));

/** A diagnosis as the webview renders it (the core's one view, as the browser's pages show it), in the UI language. */
export const diagnosisViewIn = (zh: boolean, diagnosis: Diagnosis): DiagnosisView => buildDiagnosisView(diagnosis, languageOf(zh));
