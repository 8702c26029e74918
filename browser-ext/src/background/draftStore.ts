// Drafts: a popup closes whenever it loses focus, so every keystroke is saved and restored on reopen.
// Ordinary fields go to storage.local; secret fields (a SecretKey or passphrase being typed) to storage.session.
// Pages mark their secret fields, but a pasted curl or a typed JSON body can hold a secret in an ordinary field:
// any field that names one by the core's policy (api-key, Authorization, DefinedPsk…) is kept in session memory too.
import { secretNamesMentioned } from '@iot-devkit/core';
import type { Draft } from '../protocol.js';
import type { StorageArea } from '../shared/StorageArea.js';

const draftKey = (scope: string) => `draft:${scope}`;

/** Drafts with their ordinary fields in `local` and their secret ones in `session`. */
export function createDraftStore(local: StorageArea, session: StorageArea) {
  return {
    async loadDraft(scope: string): Promise<Draft | null> {
      const fields = await local.get(draftKey(scope));
      const secretFields = await session.get(draftKey(scope));
      if (fields === undefined && secretFields === undefined) return null;
      return { fields: (fields as Draft['fields']) ?? {}, secretFields: (secretFields as Draft['secretFields']) ?? {} };
    },

    async saveDraft(scope: string, draft: Draft): Promise<void> {
      const fields: Record<string, string | boolean> = {};
      const secretFields: Record<string, string> = { ...draft.secretFields };
      for (const [id, value] of Object.entries(draft.fields ?? {})) {
        if (typeof value === 'string' && secretNamesMentioned(value).length > 0) secretFields[id] = value;
        else fields[id] = value;
      }
      await Promise.all([local.set(draftKey(scope), fields), session.set(draftKey(scope), secretFields)]);
    },
  };
}
