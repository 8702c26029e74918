// The Request tab: compose an API call (or paste one), see its signature steps, send it, read the response.
import { callBackground } from '../messaging.js';
import type { ActionRequestSpec, HistoryEntry, RequestSpec, SendOutcome } from '../protocol.js';
import { replayWithConfirmation } from './historyView.js';
import { confirmAction } from '../ui/confirmAction.js';
import { byId, setText } from '../ui/dom.js';
import { t } from '../ui/localize.js';
import { notSentText } from '../ui/notSent.js';
import { renderOneTimeSecrets, renderResponse, renderSteps } from '../ui/renderExchange.js';

const input = (id: string) => byId<HTMLInputElement>(id);

export interface RequestView {
  /** Loads a history entry into the form for edit-and-replay. */
  load(entry: HistoryEntry): void;
  showOutcome(outcome: SendOutcome): void;
  status(text: string): void;
  syncMode(): void;
}

function readParams(): Record<string, unknown> {
  const text = byId<HTMLTextAreaElement>('params').value.trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`params: a JSON object of the action's parameters, e.g. {"ProductId": "ABCDE12345"} (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('params: a JSON object of the action\'s parameters, e.g. {"ProductId": "ABCDE12345"}');
  return parsed as Record<string, unknown>;
}

export function composeRequest(): ActionRequestSpec {
  return {
    kind: 'action',
    service: input('service').value.trim(),
    version: input('version').value.trim(),
    action: input('action').value.trim(),
    region: input('region').value.trim(),
    method: byId<HTMLSelectElement>('method').value === 'GET' ? 'GET' : 'POST',
    params: readParams(),
  };
}

/** The inverse of composeRequest: shows a call (from history or a paste) in the Action form. */
function fillRequestForm(request: ActionRequestSpec): void {
  input('service').value = request.service;
  input('version').value = request.version;
  input('action').value = request.action;
  input('region').value = request.region;
  byId<HTMLSelectElement>('method').value = request.method;
  byId<HTMLTextAreaElement>('params').value = JSON.stringify(request.params, null, 2);
}

export function setupRequestView(saveDraft: () => void, afterSend: () => void): RequestView {
  const status = byId('status');
  const profile = byId<HTMLSelectElement>('profile');
  const replayOf = input('replay-of');
  const response = { meta: byId('response-meta'), error: byId('response-error'), body: byId('response-body') };

  const syncReplayNote = () => {
    byId('replay-note').hidden = replayOf.value === '';
    setText(byId('replay-text'), t('replayNote', `Send replays ${input('action').value} re-signed.`, [input('action').value]));
  };
  byId('new-request').addEventListener('click', () => {
    replayOf.value = '';
    syncReplayNote();
    saveDraft();
  });

  const view: RequestView = {
    status: (text) => setText(status, text),
    syncMode() {
      syncReplayNote();
      const paste = input('mode-paste').checked;
      byId('action-mode').hidden = paste;
      byId('paste-mode').hidden = !paste;
    },
    load(entry) {
      if (entry.request.kind !== 'action') return view.status(t('notEditable', 'Only API 3.0 requests can be edited here; replay it instead.'));
      input('mode-action').checked = true;
      fillRequestForm(entry.request);
      profile.value = entry.profileId;
      replayOf.value = entry.id;
      view.syncMode();
      // The action picker follows the action field: show the catalog form for the loaded call.
      input('action').dispatchEvent(new Event('input', { bubbles: true }));
      saveDraft();
      view.status(t('editingReplay', `Editing a replay of ${entry.action}; Send re-signs it now.`, [entry.action]));
    },
    showOutcome(outcome) {
      if (outcome.status !== 'sent') return view.status(notSentText(outcome));
      renderSteps(byId('step-list'), outcome.preview.steps);
      byId<HTMLTextAreaElement>('curl').value = outcome.preview.curl;
      byId('response').hidden = false;
      renderResponse(response, outcome.entry.response, outcome.entry.failure);
      renderOneTimeSecrets(byId('response-secrets'), byId('response-secret-list'), outcome.oneTimeSecrets ?? [], (name) => view.status(t('copied', `Copied ${name}.`, [name])));
      view.status(outcome.entry.response?.error ? t('sentWithError', 'Sent; the API answered with an error.') : outcome.entry.response ? t('sent', 'Sent.') : t('networkFailure', 'No response'));
    },
  };

  /** In Paste mode the service worker reads the paste (curl or raw HTTP) into a call, shown in the Action form. */
  const currentRequest = async (): Promise<RequestSpec> => {
    if (!input('mode-paste').checked) return composeRequest();
    const pasted = await callBackground('readPasted', { text: byId<HTMLTextAreaElement>('pasted').value });
    if (pasted.request.kind === 'action') {
      fillRequestForm(pasted.request);
      saveDraft();
    }
    setText(byId('paste-notes'), pasted.notes.join(' '));
    return pasted.request;
  };

  byId('show-signature').addEventListener('click', async () => {
    try {
      const preview = await callBackground('previewSignature', { profileId: profile.value, request: await currentRequest() });
      renderSteps(byId('step-list'), preview.steps);
      byId<HTMLTextAreaElement>('curl').value = preview.curl;
      byId<HTMLDetailsElement>('signature').open = true;
      view.status(t('signedAt', `Signed with timestamp ${preview.timestamp}.`, [String(preview.timestamp)]));
    } catch (error) {
      view.status((error as Error).message);
    }
  });

  const send = async () => {
    try {
      const request = await currentRequest();
      // The last response goes away while this one is on its way, so what is shown is always this send's.
      byId('response').hidden = true;
      view.status(t('sending', 'Sending…'));
      let outcome: SendOutcome | undefined;
      if (replayOf.value) outcome = await replayWithConfirmation(replayOf.value, request);
      else {
        outcome = await callBackground('sendRequest', { profileId: profile.value, request, confirmed: false });
        if (outcome.status === 'needsConfirmation') outcome = (await confirmAction(outcome.action)) ? await callBackground('sendRequest', { profileId: profile.value, request, confirmed: true }) : undefined;
      }
      if (!outcome) return view.status(notSentText(outcome));
      view.showOutcome(outcome);
      afterSend();
    } catch (error) {
      view.status((error as Error).message);
    }
  };
  byId('send').addEventListener('click', () => void send());
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      void send();
    }
  });
  // Editing a replay opens that history entry; otherwise the call being composed goes along.
  byId('open-editor').addEventListener('click', async () => {
    try {
      const compose = replayOf.value || input('mode-paste').checked ? undefined : { profileId: profile.value, request: composeRequest() };
      await callBackground('openEditor', { view: 'body', ...(replayOf.value ? { historyId: replayOf.value } : {}), ...(compose ? { compose } : {}) });
      window.close();
    } catch (error) {
      view.status((error as Error).message);
    }
  });
  byId('action').addEventListener('input', syncReplayNote);
  return view;
}
