// First run (issue 16), loaded when the Sign tab finds no usable key: asks the local emulator's GET /_emulator on its
// default port and turns the core's first-run view into the sidebar's offer, or adds the emulator's demo profile.
// The demo SecretKey goes to SecretStorage through ProfileStore like any key; the webview never receives it.
import * as vscode from 'vscode';
import { buildFirstRunView, EMULATOR_INFO_URL, pickLanguage, type FirstRunView } from '@iot-devkit/core';
import type { ProfileStore } from '../host/profiles/ProfileStore.js';
import type { FirstRunResult } from '../protocol.js';

/** Long enough for a busy machine's loopback, short enough that the Sign tab's notice does not wait visibly. */
const PROBE_TIMEOUT_MS = 1500;

/** GET /_emulator's body, or undefined when nothing answers there (refused, timed out, not 2xx). */
async function askEmulator(): Promise<string | undefined> {
  try {
    const response = await fetch(EMULATOR_INFO_URL, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), redirect: 'error' });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

const probe = async (): Promise<FirstRunView> => buildFirstRunView(await askEmulator());

export async function firstRunView(zh: boolean): Promise<FirstRunResult> {
  const view = await probe();
  const pick = pickLanguage(zh ? 'zh-CN' : 'en');
  return view.kind === 'offerEmulator'
    ? { kind: 'offerEmulator', label: pick(view.label), detail: pick(view.detail) }
    : { kind: 'hint', text: pick(view.text) };
}

/** Adds the emulator's profile and makes it active, asked again so that what is added is what answers now. */
export async function useLocalEmulator(profiles: ProfileStore): Promise<{ ok: true } | { ok: false; message: string }> {
  const view = await probe();
  if (view.kind !== 'offerEmulator')
    return { ok: false, message: vscode.l10n.t('The local emulator no longer answers on 127.0.0.1:9180: start it with "npx iot-devkit emulator --demo".') };
  const { secretKey, ...profile } = view.offer;
  await profiles.add(profile, secretKey);
  return { ok: true };
}
