// First run (issue 16): the service worker asks the local emulator's GET /_emulator on its default port (the host
// permission http://127.0.0.1/* covers every port) and gives the page the core's first-run view without the key;
// "Use the local emulator" saves its demo profile, the key held in session memory like any key typed in Profiles.
import { buildFirstRunView, EMULATOR_INFO_URL, type FirstRunView } from '@iot-devkit/core';
import type { Handlers } from '../protocol.js';
import { profileStore } from './stores.js';

/** Loopback answers at once; a stopped emulator refuses at once too. The bound is for a hung port only. */
const PROBE_TIMEOUT_MS = 1500;

async function probeEmulator(): Promise<FirstRunView> {
  try {
    const response = await fetch(EMULATOR_INFO_URL, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), credentials: 'omit', cache: 'no-store' });
    return buildFirstRunView(response.ok ? await response.text() : undefined);
  } catch {
    return buildFirstRunView(undefined);
  }
}

export const firstRun: Handlers['firstRun'] = async () => {
  const view = await probeEmulator();
  return view.kind === 'offerEmulator' ? { kind: 'offerEmulator', label: view.label, detail: view.detail } : view;
};

export const useLocalEmulator: Handlers['useLocalEmulator'] = async () => {
  const view = await probeEmulator();
  if (view.kind !== 'offerEmulator') throw new Error('The local emulator no longer answers on 127.0.0.1:9180: start it with "npx iot-devkit emulator --demo".');
  const { offer } = view;
  return profileStore.saveProfile({ ...offer, remember: false, passphrase: '' });
};
