import { CREDENTIAL_SCHEMES, runCredentialScheme, type CredentialSchemeId } from '@iot-devkit/core';
import type { CredentialModeView, CredentialSchemeView } from '../../protocol.js';
import { nodeHashProvider } from '../nodeHashProvider.js';
import { inLanguage, stepViewsIn } from './localizedViews.js';
import { text, type RequestHandlers } from './RequestHandlers.js';

const unixNow = () => Math.floor(Date.now() / 1000);

/** The core's scheme definitions, labelled in the UI language: the webview generates its form from these. */
export function credentialSchemeViews(zh: boolean): readonly CredentialSchemeView[] {
  const pick = inLanguage(zh);
  return CREDENTIAL_SCHEMES.map((scheme) => ({
    id: scheme.id,
    title: pick(scheme.title),
    modes: scheme.modes,
    fields: scheme.fields.map((f) => ({
      name: f.name,
      label: pick(f.label),
      secret: f.secret === true,
      required: f.required,
      modes: f.modes,
      placeholder: f.placeholder,
      ...(f.options ? { options: f.options } : {}),
    })),
  }));
}

/**
 * Device MQTT, OneNET and MXCHIP credentials, signed or verified in the host with node:crypto and the host's clock.
 * The secret fields arrive with the request and go no further: nothing here logs, stores or returns them (the core
 * masks them in every step and output).
 */
export function credentialHandlers(zh: boolean, now: () => number = unixNow): Pick<RequestHandlers, 'runCredential'> {
  const pick = inLanguage(zh);
  return {
    runCredential(form) {
      // A webview is a browser page: the core reads only the string values of the form and names any field missing.
      const result = runCredentialScheme(
        { scheme: text(form.scheme) as CredentialSchemeId, mode: text(form.mode) as CredentialModeView, values: form.values, now: now() },
        { crypto: nodeHashProvider },
      );
      if (result.problem) return { ok: false, field: result.problem.field, message: `${result.problem.field}: ${result.problem.expected}` };
      return {
        ok: true,
        valid: result.ok,
        steps: stepViewsIn(zh, result.steps),
        outputs: result.outputs.map((o) => ({ name: o.name, value: o.value })),
        findings: result.findings.map((f) => ({ problem: f.problem, field: f.field, message: pick(f.message) })),
      };
    },
  };
}
