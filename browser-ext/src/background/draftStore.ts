// Drafts: a popup closes whenever it loses focus, so every keystroke is saved and restored on reopen.
// Ordinary fields go to storage.local; secret fields (a SecretKey or passphrase being typed) to storage.session.
import { localArea, sessionArea } from '../browserApi.js';
import type { Draft } from '../protocol.js';

const draftKey = (scope: string) => `draft:${scope}`;

export async function loadDraft(scope: string): Promise<Draft | null> {
  const fields = (await localArea.get(draftKey(scope)))[draftKey(scope)];
  const secretFields = (await sessionArea.get(draftKey(scope)))[draftKey(scope)];
  if (fields === undefined && secretFields === undefined) return null;
  return { fields: (fields as Draft['fields']) ?? {}, secretFields: (secretFields as Draft['secretFields']) ?? {} };
}

export async function saveDraft(scope: string, draft: Draft): Promise<void> {
  await Promise.all([localArea.set({ [draftKey(scope)]: draft.fields }), sessionArea.set({ [draftKey(scope)]: draft.secretFields })]);
}
