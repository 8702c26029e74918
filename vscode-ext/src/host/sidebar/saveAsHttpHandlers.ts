import type { HttpFileRequestSource } from '@iot-devkit/core';
import type { RequestHistory } from '../history/RequestHistory.js';
import { loadLazy } from '../loadLazy.js';
import type { ProfileStore } from '../profiles/ProfileStore.js';
import { readSendForm } from './readSendForm.js';
import { errorMessage, text, type RequestHandlers } from './RequestHandlers.js';

// Formatting and opening the document live in the .http editing bundle: nothing of it loads before the first use.
const httpEdit = () => loadLazy<typeof import('../../lazy/httpEdit.js')>('httpEdit');

/**
 * "Save as .http" from Build & send (the form as typed, signed later with the active profile) and from a history
 * entry (its call and the profile it was sent with). Secrets the entry did not keep become $processEnv references.
 */
export function saveAsHttpHandlers(profiles: ProfileStore, history: RequestHistory): Pick<RequestHandlers, 'saveAsHttp'> {
  return {
    async saveAsHttp({ source }) {
      let request: HttpFileRequestSource;
      if ('historyId' in source) {
        const entry = history.get(text(source.historyId));
        if (!entry) return { ok: false, message: 'save as .http: that history entry is gone' };
        request = { ...entry.request, ...(entry.profile ? { profile: entry.profile } : {}) };
      } else {
        const reading = readSendForm(source.form);
        if (!reading.ok) return { ok: false, message: reading.message };
        const profile = await profiles.view();
        request = {
          ...reading.request,
          ...(reading.request.region || !profile?.region ? {} : { region: profile.region }),
          ...(profile ? { profile: profile.name, ...(profile.endpoint ? { endpoint: profile.endpoint } : {}) } : {}),
        };
      }
      try {
        return await httpEdit().saveAsHttp(request);
      } catch (error) {
        return { ok: false, message: errorMessage(error) };
      }
    },
  };
}
