import { SigningInputError, signTc3, type SigningKeyCache } from '@iot-devkit/core';
import type { SignForm } from '../../protocol.js';
import { nodeHashProvider } from '../nodeHashProvider.js';
import type { CredentialSource } from '../api/TencentApiClient.js';
import { readSignForm } from './readSignForm.js';
import { errorMessage, text, type RequestHandlers } from './RequestHandlers.js';
import { stepViewsIn } from './localizedViews.js';

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
        return { ok: false, field: 'profile', message: errorMessage(error) };
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
