// Request bodies in Monaco: an action's parameters as JSON, sent signed now; opened from a history entry it is
// an edit-and-replay (recorded as a replay of that entry).
import { callBackground } from '../messaging.js';
import type { ActionRequestSpec, SendOutcome } from '../protocol.js';
import { confirmDestructive } from './confirmDestructive.js';
import { byId, setText } from '../ui/dom.js';
import { t } from '../ui/localize.js';
import { notSentText } from '../ui/notSent.js';
import { renderResponse } from '../ui/renderExchange.js';
import { createDraftEditor, setEditorText } from './monacoModel.js';

const input = (id: string) => byId<HTMLInputElement>(id);

export interface BodyEditor {
  restore(): void;
  loadHistory(id: string): Promise<void>;
  /** Takes the call the popup handed over (editor.html#body:compose). */
  loadHandoff(): Promise<void>;
  layout(): void;
}

export function setupBodyEditor(profile: HTMLSelectElement, saveDraft: () => void): BodyEditor {
  const status = byId('body-status');
  const mirror = byId<HTMLTextAreaElement>('body-text');
  const replayOf = input('body-replay-of');
  const editor = createDraftEditor(byId('body-editor'), mirror, 'json', saveDraft);

  const compose = (): ActionRequestSpec => {
    let params: unknown;
    try {
      params = JSON.parse(editor.getValue() || '{}');
    } catch (error) {
      throw new Error(`params: a JSON object of the action's parameters (${(error as Error).message})`, { cause: error });
    }
    if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new Error("params: a JSON object of the action's parameters");
    return {
      kind: 'action',
      service: input('body-service').value.trim(),
      version: input('body-version').value.trim(),
      action: input('body-action').value.trim(),
      region: input('body-region').value.trim(),
      method: byId<HTMLSelectElement>('body-method').value === 'GET' ? 'GET' : 'POST',
      params: params as Record<string, unknown>,
    };
  };

  /** The inverse of compose: shows a call (from history or the popup) in the fields and the editor. */
  const fillCall = (request: ActionRequestSpec) => {
    input('body-action').value = request.action;
    input('body-service').value = request.service;
    input('body-version').value = request.version;
    input('body-region').value = request.region;
    byId<HTMLSelectElement>('body-method').value = request.method;
    setEditorText(editor, JSON.stringify(request.params, null, 2));
  };

  const send = async () => {
    try {
      const request = compose();
      byId('body-response').hidden = true;
      setText(status, t('sending', 'Sending…'));
      const outcome: SendOutcome | undefined = await confirmDestructive((confirmed) =>
        // An edit-and-replay signs with the profile shown, as a new send does.
        replayOf.value
          ? callBackground('replayHistory', { id: replayOf.value, confirmed, request, profileId: profile.value })
          : callBackground('sendRequest', { profileId: profile.value, request, confirmed }),
      );
      if (!outcome || outcome.status !== 'sent') return setText(status, notSentText(outcome));
      byId('body-response').hidden = false;
      renderResponse(
        { meta: byId('body-response-meta'), error: byId('body-response-error'), body: byId('body-response-body') },
        outcome.entry.response,
        outcome.entry.failure,
      );
      setText(status, t('sent', 'Sent.'));
    } catch (error) {
      setText(status, (error as Error).message);
    }
  };
  byId('body-send').addEventListener('click', () => void send());
  byId('panel-body').addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      void send();
    }
  });

  return {
    restore: () => setEditorText(editor, mirror.value),
    async loadHistory(id) {
      const entry = await callBackground('historyEntry', { id });
      if (entry.request.kind !== 'action') return setText(status, t('notEditable', 'Only API 3.0 requests can be edited here; replay it instead.'));
      fillCall(entry.request);
      if ([...profile.options].some((o) => o.value === entry.profileId)) profile.value = entry.profileId;
      replayOf.value = entry.id;
      setText(byId('body-origin'), t('editingReplay', `Editing a replay of ${entry.action}; Send re-signs it now.`, [entry.action]));
      saveDraft();
    },
    async loadHandoff() {
      const handoff = await callBackground('takeEditorHandoff', {});
      if (!handoff) return;
      fillCall(handoff.request);
      if ([...profile.options].some((o) => o.value === handoff.profileId)) profile.value = handoff.profileId;
      replayOf.value = '';
      setText(byId('body-origin'), '');
      saveDraft();
    },
    layout: () => editor.layout(),
  };
}
