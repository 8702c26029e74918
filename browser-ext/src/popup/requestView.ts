// The Request tab: compose an API call (or paste one), see its signature steps, send it, read the response.
import { callBackground } from '../messaging.js';
import type { ActionRequestSpec, HistoryEntry, PastedRequest, PastedVerification, RequestSpec, SendOutcome } from '../protocol.js';
import { replayWithConfirmation } from './historyView.js';
import { confirmAction } from '../ui/confirmAction.js';
import { byId, setText } from '../ui/dom.js';
import { pick, t } from '../ui/localize.js';
import { notSentText, problemsText } from '../ui/notSent.js';
import { offerWhy } from '../ui/offerWhy.js';
import { renderDiagnosis } from '../ui/renderDiagnosis.js';
import { renderOneTimeSecrets, renderResponse, renderSteps } from '../ui/renderExchange.js';

const input = (id: string) => byId<HTMLInputElement>(id);

export interface RequestView {
  /** Loads a history entry into the form for edit-and-replay. */
  load(entry: HistoryEntry): void;
  showOutcome(outcome: SendOutcome): void;
  status(text: string): void;
  syncMode(): void;
  /** Profiles were added, changed or unlocked: Signature steps on screen are signed again. */
  profilesChanged(): void;
}

function readParams(): Record<string, unknown> {
  const text = byId<HTMLTextAreaElement>('params').value.trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`params: a JSON object of the action's parameters, e.g. {"ProductId": "ABCDE12345"} (${(error as Error).message})`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('params: a JSON object of the action\'s parameters, e.g. {"ProductId": "ABCDE12345"}');
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

/** Why a paste was refused, in the page's language (the reader's own detail is the core's English). */
function refusalText(pasted: Extract<PastedRequest, { status: 'notUnderstood' }>): string {
  switch (pasted.reason) {
    case 'unknownAction':
      return pasted.nearest.length > 0
        ? t('pasteUnknownAction', `the paste calls ${pasted.action}, an action the catalog does not know; nearest: ${pasted.nearest.join(', ')}.`, [
            pasted.action,
            pasted.nearest.join(', '),
          ])
        : t('pasteUnknownActionNoNearest', `the paste calls ${pasted.action}, an action the catalog does not know.`, [pasted.action]);
    case 'noAction':
      return t('pasteNoAction', 'the paste names no action (no X-TC-Action header, no Action parameter).');
    case 'unreadable':
      return t('pasteUnreadable', `the paste was not understood: ${pasted.detail}`, [pasted.detail]);
  }
}

/** What Signature steps shows and Send sends: the form (or the paste) with the profile shown, or why there is none. */
type CurrentCall =
  | { readonly ok: true; readonly profileId: string; readonly request: RequestSpec; readonly replayOf: string }
  | { readonly ok: false; readonly refusal: string };

/** Shows what the service worker found of the pasted signature: the diagnosis, or why there is none. Returns its one-line tag. */
function showPasteVerification(verification: PastedVerification | { readonly status: 'failed'; readonly message: string }): string | undefined {
  byId('paste-verification').hidden = false;
  const note = byId('paste-verification-note');
  const box = byId('paste-diagnosis');
  note.hidden = verification.status === 'diagnosed';
  if (verification.status === 'diagnosed') {
    renderDiagnosis(box, verification.diagnosis);
    return box.querySelector('.kind')?.textContent ?? pick(verification.diagnosis.kindLabel);
  }
  box.replaceChildren();
  delete box.dataset['kind'];
  setText(
    note,
    verification.status === 'unsigned'
      ? t('pasteUnsigned', 'The paste carries no signature: nothing to verify.')
      : t('pasteNotVerified', `The pasted signature was not verified: ${verification.message}`, [verification.message]),
  );
  return undefined;
}

export function setupRequestView(saveDraft: () => void, afterSend: () => void): RequestView {
  const status = byId('status');
  const profile = byId<HTMLSelectElement>('profile');
  const replayOf = input('replay-of');
  const response = { meta: byId('response-meta'), error: byId('response-error'), body: byId('response-body') };
  const stepList = byId('step-list');
  const curl = byId<HTMLTextAreaElement>('curl');

  const syncReplayNote = () => {
    byId('replay-note').hidden = replayOf.value === '';
    setText(byId('replay-text'), t('replayNote', `Send replays ${input('action').value} re-signed.`, [input('action').value]));
  };
  byId('new-request').addEventListener('click', () => {
    replayOf.value = '';
    syncReplayNote();
    saveDraft();
  });
  /** Shows a call in the Action form; the action picker follows the action field. */
  const showCall = (request: ActionRequestSpec) => {
    fillRequestForm(request);
    input('action').dispatchEvent(new Event('input', { bubbles: true }));
  };
  /** Steps and curl go away when a call is refused, so none of an earlier call's are read as this one's. */
  const clearSignature = () => {
    stepList.replaceChildren();
    curl.value = '';
  };

  const view: RequestView = {
    status: (text) => setText(status, text),
    profilesChanged: () => refreshSteps(),
    syncMode() {
      syncReplayNote();
      const paste = input('mode-paste').checked;
      byId('action-mode').hidden = paste;
      byId('paste-mode').hidden = !paste;
    },
    load(entry) {
      if (entry.request.kind !== 'action') return view.status(t('notEditable', 'Only API 3.0 requests can be edited here; replay it instead.'));
      input('mode-action').checked = true;
      showCall(entry.request);
      // The entry's profile when it still exists; else the one shown stays, and Send (and its steps) use that.
      const profileKept = [...profile.options].some((o) => o.value === entry.profileId);
      if (profileKept) profile.value = entry.profileId;
      replayOf.value = entry.id;
      view.syncMode();
      saveDraft();
      const editing = t('editingReplay', `Editing a replay of ${entry.action}; Send re-signs it now.`, [entry.action]);
      view.status(
        profileKept
          ? editing
          : `${editing} ${t('replayProfileGone', `Its profile "${entry.profileName}" is gone; the one shown signs it.`, [entry.profileName])}`,
      );
    },
    showOutcome(outcome) {
      if (outcome.status !== 'sent') return view.status(notSentText(outcome));
      renderSteps(stepList, outcome.preview.steps);
      curl.value = outcome.preview.curl;
      byId('response').hidden = false;
      renderResponse(response, outcome.entry.response, outcome.entry.failure);
      offerWhy({ box: byId('response-why'), button: byId<HTMLButtonElement>('why'), answer: byId('why-diagnosis') }, outcome.entry);
      renderOneTimeSecrets(byId('response-secrets'), byId('response-secret-list'), outcome.oneTimeSecrets ?? [], (name) =>
        view.status(t('copied', `Copied ${name}.`, [name])),
      );
      const asPasted =
        outcome.entry.request.kind === 'raw'
          ? ` ${t('sentAsPasted', 'Sent as pasted, not re-signed.')}`
          : input('mode-paste').checked && pastedVerdict
            ? ` ${t('resignedAfterVerdict', `Re-signed with the profile's key and a fresh timestamp (the pasted signature: ${pastedVerdict}).`, [pastedVerdict])}`
            : '';
      view.status(
        `${outcome.entry.response?.error ? t('sentWithError', 'Sent; the API answered with an error.') : outcome.entry.response ? t('sent', 'Sent.') : t('networkFailure', 'No response')}${asPasted}`,
      );
    },
  };

  /**
   * In Paste mode the service worker reads the paste (curl or raw HTTP) into a call, shown in the Action form, or
   * refuses it (an action the catalog does not know, none at all): then nothing is signed or sent, and the form
   * shows what the paste gave, not the call before it.
   */
  /** The one-line verdict on the last pasted signature, for the status after a re-signed send. */
  let pastedVerdict: string | undefined;
  const verifyPaste = async (): Promise<string | undefined> => {
    try {
      return showPasteVerification(await callBackground('verifyPasted', { profileId: profile.value, text: byId<HTMLTextAreaElement>('pasted').value }));
    } catch (error) {
      return showPasteVerification({ status: 'failed', message: (error as Error).message });
    }
  };
  byId('verify-pasted').addEventListener('click', () => {
    // The status belongs to the last send; a verification sends nothing.
    view.status('');
    void verifyPaste();
  });
  const currentCall = async (): Promise<CurrentCall> => {
    const call = (request: RequestSpec): CurrentCall => ({ ok: true, profileId: profile.value, request, replayOf: replayOf.value });
    pastedVerdict = undefined;
    if (!input('mode-paste').checked) return call(composeRequest());
    // The pasted signature is judged before anything is signed again: what was wrong with it is the point of pasting.
    pastedVerdict = await verifyPaste();
    const pasted = await callBackground('readPasted', { text: byId<HTMLTextAreaElement>('pasted').value });
    setText(byId('paste-notes'), pasted.notes.join(' '));
    // A paste is a new call: it replays no history entry.
    replayOf.value = '';
    if (pasted.status === 'understood' && pasted.request.kind === 'action') showCall(pasted.request);
    else {
      // A refused paste shows the action it names (or none) with its parameters; a OneNET or MXCHIP one, no action.
      const refused = pasted.status === 'notUnderstood' ? pasted : undefined;
      input('action').value = refused?.action ?? '';
      byId<HTMLTextAreaElement>('params').value = JSON.stringify(refused?.params ?? {}, null, 2);
      input('action').dispatchEvent(new Event('input', { bubbles: true }));
    }
    syncReplayNote();
    saveDraft();
    return pasted.status === 'understood' ? call(pasted.request) : { ok: false, refusal: refusalText(pasted) };
  };

  byId('show-signature').addEventListener('click', async () => {
    try {
      const current = await currentCall();
      if (!current.ok) {
        clearSignature();
        return view.status(`${t('notSigned', 'Not signed:')} ${current.refusal}`);
      }
      const outcome = await callBackground('previewSignature', { profileId: current.profileId, request: current.request });
      if (outcome.status === 'invalid') {
        clearSignature();
        return view.status(`${t('notSigned', 'Not signed:')} ${problemsText(outcome.problems)}`);
      }
      if (outcome.status === 'keyless') {
        renderSteps(stepList, outcome.steps);
        curl.value = '';
        byId<HTMLDetailsElement>('signature').open = true;
        return view.status(`${outcome.keyMissing} ${t('keylessSteps', 'The steps that need no key are shown.')}`);
      }
      renderSteps(stepList, outcome.preview.steps);
      curl.value = outcome.preview.curl;
      byId<HTMLDetailsElement>('signature').open = true;
      // A OneNET or MXCHIP paste has no signature to show: it goes as pasted.
      view.status(
        current.request.kind === 'raw'
          ? t('notResigned', 'Not re-signed: a OneNET or MXCHIP request is sent as pasted; its credential is not a per-request signature.')
          : t('signedAt', `Signed with timestamp ${outcome.preview.timestamp}.`, [String(outcome.preview.timestamp)]),
      );
    } catch (error) {
      view.status((error as Error).message);
    }
  });

  const send = async () => {
    try {
      const current = await currentCall();
      if (!current.ok) {
        clearSignature();
        byId('response').hidden = true;
        return view.status(`${t('notSentInvalid', 'Not sent:')} ${current.refusal}`);
      }
      // The last response goes away while this one is on its way, so what is shown is always this send's.
      byId('response').hidden = true;
      view.status(t('sending', 'Sending…'));
      let outcome: SendOutcome | undefined;
      if (current.replayOf) outcome = await replayWithConfirmation(current.replayOf, current.request, current.profileId);
      else {
        const { profileId, request } = current;
        outcome = await callBackground('sendRequest', { profileId, request, confirmed: false });
        if (outcome.status === 'needsConfirmation')
          outcome = (await confirmAction(outcome.action)) ? await callBackground('sendRequest', { profileId, request, confirmed: true }) : undefined;
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
  // Another profile, or a key entered or unlocked: steps on screen are recomputed (the key-dependent ones appear).
  function refreshSteps(): void {
    if (byId<HTMLDetailsElement>('signature').open && stepList.childElementCount > 0) byId('show-signature').click();
  }
  profile.addEventListener('change', refreshSteps);
  return view;
}
