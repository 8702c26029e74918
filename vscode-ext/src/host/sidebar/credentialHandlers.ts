import { CREDENTIAL_SCHEMES, runCredentialScheme, type CredentialSchemeId, type LocalizedText } from '@iot-devkit/core';
import type { CredentialModeView, CredentialSchemeView } from '../../protocol.js';
import { nodeHashProvider } from '../nodeHashProvider.js';
import { text, type RequestHandlers } from './RequestHandlers.js';

const unixNow = () => Math.floor(Date.now() / 1000);

/** The core's scheme definitions, labelled in the UI language: the webview generates its form from these. */
export function credentialSchemeViews(zh: boolean): readonly CredentialSchemeView[] {
  const pick = (value: LocalizedText) => (zh ? value.zh : value.en);
  return CREDENTIAL_SCHEMES.map((scheme) => ({
    id: scheme.id,
    title: pick(scheme.title),
    modes: scheme.modes,
    fields: scheme.fields.map((f) => ({ name: f.name, label: pick(f.label), secret: f.secret === true, required: f.required, modes: f.modes, placeholder: f.placeholder, ...(f.options ? { options: f.options } : {}) })),
  }));
}

/**
 * Device MQTT, OneNET and MXCHIP credentials, signed or verified in the host with node:crypto and the host's clock.
 * The secret fields arrive with the request and go no further: nothing here logs, stores or returns them (the core
 * masks them in every step and output).
 */
export function credentialHandlers(zh: boolean, now: () => number = unixNow): Pick<RequestHandlers, 'runCredential'> {
  const pick = (value: LocalizedText) => (zh ? value.zh : value.en);
  return {
    runCredential(form) {
      // A webview is a browser page: only string values of the form are read.
      const values: Record<string, string> = {};
      if (typeof form.values === 'object' && form.values !== null) for (const [name, value] of Object.entries(form.values)) if (typeof value === 'string') values[name] = value;
      const result = runCredentialScheme({ scheme: text(form.scheme) as CredentialSchemeId, mode: text(form.mode) as CredentialModeView, values, now: now() }, { crypto: nodeHashProvider });
      if (result.problem) return { ok: false, field: result.problem.field, message: `${result.problem.field}: ${result.problem.expected}` };
      return {
        ok: true,
        valid: result.ok,
        steps: result.steps.map((step) => ({ id: step.id, title: pick(step.title), rule: pick(step.rule), value: step.value, derivedFromSecret: step.derivedFromSecret === true })),
        outputs: result.outputs.map((o) => ({ name: o.name, value: o.value })),
        findings: result.findings.map((f) => ({ problem: f.problem, field: f.field, message: pick(f.message) })),
      };
    },
  };
}
