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
        // History keeps the call, not where it went: the endpoint (a local emulator) is the profile's it was sent with.
        const profile = profiles.list().profiles.find((p) => p.name === entry.profile);
        const region = entry.request.region || entry.region || profile?.region;
        const endpoint = entry.request.endpoint ?? profile?.endpoint;
        request = {
          ...entry.request,
          ...(region ? { region } : {}),
          ...(endpoint ? { endpoint } : {}),
          ...(entry.profile ? { profile: entry.profile } : {}),
        };
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
