import { SigningInputError, signTc3, signTc3WithoutKey, type SigningKeyCache } from '@iot-devkit/core';
import type { SignForm, SignResult } from '../../protocol.js';
import { nodeHashProvider } from '../nodeHashProvider.js';
import type { CredentialSource } from '../api/TencentApiClient.js';
import { readSignForm } from './readSignForm.js';
import { errorMessage, text, type RequestHandlers } from './RequestHandlers.js';
import { keylessStepViewsIn, stepViewsIn } from './localizedViews.js';

/**
 * Sign runs on every keystroke: the host signs with the profile's key, the webview only ever sees the steps (the
 * derived keys masked). `keyCache` is the extension's one cache, which forgets a deleted profile's key.
 */
export function signHandlers(profiles: CredentialSource, zh: boolean, keyCache: SigningKeyCache): Pick<RequestHandlers, 'sign'> {
  return {
    async sign(form: SignForm) {
      const reading = readSignForm({
        method: text(form.method),
        url: text(form.url),
        headers: text(form.headers),
        body: text(form.body),
        timestamp: text(form.timestamp),
        service: text(form.service),
        signedHeaders: text(form.signedHeaders),
      });
      if (!reading.ok) return reading;
      let credentials;
      try {
        credentials = (await profiles.credentials()).credentials;
      } catch (error) {
        // No profile or no key: the canonical request and the string to sign need none (issue 16), so they are
        // shown; the steps after them say they need a SecretKey, and this message says how to add one.
        return signWithoutKey(reading.request, zh, errorMessage(error));
      }
      try {
        const signed = signTc3({ ...reading.request, ...credentials }, { crypto: nodeHashProvider, keyCache });
        return {
          ok: true,
          steps: stepViewsIn(zh, signed.steps),
          headers: Object.entries(signed.headers),
        };
      } catch (error) {
        if (error instanceof SigningInputError) return { ok: false, field: error.field, message: error.message };
        return { ok: false, field: 'request', message: errorMessage(error) };
      }
    },
  };
}

function signWithoutKey(request: Parameters<typeof signTc3WithoutKey>[0], zh: boolean, keyMissing: string): SignResult {
  try {
    const prepared = signTc3WithoutKey(request, { crypto: nodeHashProvider });
    return { ok: true, steps: keylessStepViewsIn(zh, prepared.steps), headers: Object.entries(prepared.headers), keyMissing };
  } catch (error) {
    if (error instanceof SigningInputError) return { ok: false, field: error.field, message: error.message };
    return { ok: false, field: 'request', message: errorMessage(error) };
  }
}
