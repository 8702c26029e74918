// Device-side and other vendors' credentials (MQTT device, OneNET, MXCHIP): the popup sends the form's values,
// secrets included, and the service worker runs the core's scheme, since it is the part that owns secrets.
import { buildStepViews, nobleHashProvider, runCredentialScheme, type CredentialSchemeId } from '@iot-devkit/core';
import type { CredentialRunInput, CredentialRunView } from '../protocol.js';
import { nowInSeconds } from './signRequest.js';

/**
 * Runs with the HashProvider signRequest's TC3/v1 signing uses (the core's default, noble) and the worker's clock,
 * so a popup left open for an hour still judges an expiry against now.
 */
export async function runCredentials({ scheme, mode, values }: CredentialRunInput, now = nowInSeconds()): Promise<CredentialRunView> {
  // An unknown id, a mode the scheme lacks and values that are not strings are the core's to refuse, naming the
  // field, so the message is passed on as it came.
  const result = runCredentialScheme({ scheme: scheme as CredentialSchemeId, mode, values, now }, { crypto: nobleHashProvider });
  return {
    scheme: result.scheme,
    mode: result.mode,
    ok: result.ok,
    now,
    ...(result.problem ? { problem: result.problem } : {}),
    steps: buildStepViews(result.steps),
    outputs: result.outputs,
    findings: result.findings,
  };
}
