// A fix hint that sends the developer to a diagnosis names the place they are in: the CLI's `iot-devkit diagnose`,
// VS Code's Why? and Sign › Diagnose, the browser's Why? and DevTools panel (issue 13: the UIs said "run
// `iot-devkit diagnose`"). The hint texts carry a {diagnose} placeholder; the wording per surface is data beside them.
import type { LocalizedText } from '../signing/SigningStep.js';
import hints from './data/errorHints.json';

export const HINT_SURFACES = ['cli', 'vscode', 'browser', 'vscodeHttpFile'] as const;
/** Where a hint is shown: the CLI, the VS Code extension's sidebar, the browser extension, a response tab of a VS Code .http file. */
export type HintSurface = (typeof HINT_SURFACES)[number];

const DIAGNOSE_IN: Readonly<Record<HintSurface, LocalizedText>> = hints.diagnose;
const PLACEHOLDER = '{diagnose}';

/** The hint as `surface` shows it: its {diagnose} placeholder replaced by that surface's way to diagnose. */
export function hintOnSurface<T extends LocalizedText>(hint: T, surface: HintSurface): T {
  const where = DIAGNOSE_IN[surface];
  if (!where) throw new Error(`surface: one of ${HINT_SURFACES.join(', ')}`);
  if (!hint.en.includes(PLACEHOLDER) && !hint.zh.includes(PLACEHOLDER)) return hint;
  return { ...hint, en: hint.en.split(PLACEHOLDER).join(where.en), zh: hint.zh.split(PLACEHOLDER).join(where.zh) };
}
