import type { HttpFileRequestSource } from '@iot-devkit/core';
import type { RequestHistory } from '../history/RequestHistory.js';
import type { ProfileStore } from '../profiles/ProfileStore.js';
import { readSendForm } from '../sidebar/readSendForm.js';
import { text } from '../sidebar/RequestHandlers.js';
import type { RequestParams } from '../../protocol.js';

/**
 * The call "Save as .http" writes: Build & send's form as typed (signed later with the active profile, whose endpoint
 * and region it takes), or a history entry's call with the profile it was sent with. Secrets the entry did not keep
 * become $processEnv references when formatted. A string says why there is none.
 */
export async function httpFileSourceOf(
  { source }: RequestParams<'saveAsHttp'>,
  profiles: ProfileStore,
  history: RequestHistory,
): Promise<HttpFileRequestSource | string> {
  if ('historyId' in source) {
    const entry = history.get(text(source.historyId));
    if (!entry) return 'save as .http: that history entry is gone';
    // History keeps the call, not where it went: the endpoint (a local emulator) is the profile's it was sent with.
    const profile = profiles.list().profiles.find((p) => p.name === entry.profile);
    const region = entry.request.region || entry.region || profile?.region;
    const endpoint = entry.request.endpoint ?? profile?.endpoint;
    return {
      ...entry.request,
      ...(region ? { region } : {}),
      ...(endpoint ? { endpoint } : {}),
      ...(entry.profile ? { profile: entry.profile } : {}),
    };
  }
  const reading = readSendForm(source.form);
  if (!reading.ok) return reading.message;
  const profile = await profiles.view();
  return {
    ...reading.request,
    ...(reading.request.region || !profile?.region ? {} : { region: profile.region }),
    ...(profile ? { profile: profile.name, ...(profile.endpoint ? { endpoint: profile.endpoint } : {}) } : {}),
  };
}
