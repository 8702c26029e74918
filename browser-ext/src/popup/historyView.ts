// The History tab: newest first, searchable; replay signs again with a fresh timestamp, edit loads the request
// into the Request tab, curl copies a freshly signed command.
import { historyOutcome } from '@iot-devkit/core';
import { callBackground } from '../messaging.js';
import type { ClearedHistory, HistoryEntry, HistoryPage, SendOutcome } from '../protocol.js';
import { confirmAction, confirmInPage } from '../ui/confirmAction.js';
import { byId, el, setText } from '../ui/dom.js';
import { t } from '../ui/localize.js';
import { notSentText } from '../ui/notSent.js';

export interface HistoryView {
  refresh(): Promise<void>;
}

/** The secrets history did not keep for this entry (request and response), said on its row. */
const notKept = (entry: HistoryEntry) =>
  [...(entry.redacted ?? []), ...(entry.responseRedacted ?? [])].filter((name, i, all) => all.indexOf(name) === i).join(', ');

/** The core's outcome rule (error code, OK, HTTP status, no response), as VS Code's history shows it too. */
const outcomeOf = (entry: HistoryEntry) =>
  historyOutcome(entry.response ? { status: entry.response.status, ...(entry.response.error ? { errorCode: entry.response.error.code } : {}) } : {});
const outcomeLabel = (entry: HistoryEntry) => {
  const outcome = outcomeOf(entry);
  return outcome.kind === 'noResponse' ? t('networkFailure', 'No response') : outcome.kind === 'ok' ? `HTTP ${entry.response?.status} OK` : outcome.label;
};
/** ProductId and DeviceName, or the first two plain parameters: what tells one row from the next. */
const keyParamsOf = (entry: HistoryEntry) => entry.keyParams ?? [];

/**
 * Sends a replay, asking first when the action is destructive. Undefined when the developer declined. An
 * edit-and-replay passes the edited request and the profile the page shows; a plain replay uses the entry's.
 */
export async function replayWithConfirmation(id: string, request?: HistoryEntry['request'], profileId?: string): Promise<SendOutcome | undefined> {
  const edited = { ...(request ? { request } : {}), ...(profileId !== undefined ? { profileId } : {}) };
  let outcome = await callBackground('replayHistory', { id, confirmed: false, ...edited });
  if (outcome.status === 'needsConfirmation') {
    if (!(await confirmAction(outcome.action))) return undefined;
    outcome = await callBackground('replayHistory', { id, confirmed: true, ...edited });
  }
  return outcome;
}

export function setupHistoryView(callbacks: {
  edit(entry: HistoryEntry): void;
  showOutcome(outcome: SendOutcome): void;
  status(text: string): void;
}): HistoryView {
  const list = byId('history-list');
  const search = byId<HTMLInputElement>('history-search');
  const empty = byId('history-empty');
  const clear = byId<HTMLButtonElement>('clear-history');

  const render = ({ entries, total }: HistoryPage) => {
    // An empty history and a search that matches nothing are different news; while Undo is offered, it tells.
    empty.hidden = entries.length > 0 || !byId('history-undo').hidden;
    const query = search.value.trim();
    setText(
      empty,
      total === 0 ? t('historyEmpty', 'Nothing sent yet.') : t('historyNoMatch', `No match for "${query}" (${total} in history).`, [query, String(total)]),
    );
    clear.disabled = total === 0;
    list.replaceChildren(
      ...entries.map((entry) => {
        const replay = el('button', { type: 'button', 'data-command': 'replay' }, t('replay', 'Replay'));
        replay.addEventListener('click', async () => {
          try {
            const outcome = await replayWithConfirmation(entry.id);
            if (!outcome) return callbacks.status(notSentText(outcome));
            callbacks.showOutcome(outcome);
            if (outcome.status === 'invalid') callbacks.status(notSentText(outcome));
            if (outcome.status === 'sent')
              callbacks.status(
                `${t('replayed', 'replay')}: ${outcome.entry.action} · ${outcomeLabel(outcome.entry)}${outcome.entry.response?.requestId ? ` · RequestId ${outcome.entry.response.requestId}` : ''}`,
              );
            await view.refresh();
          } catch (error) {
            callbacks.status((error as Error).message);
          }
        });
        const edit = el('button', { type: 'button', 'data-command': 'edit' }, t('editAndReplay', 'Edit'));
        edit.addEventListener('click', () => callbacks.edit(entry));
        const curl = el('button', { type: 'button', 'data-command': 'curl' }, t('copyCurl', 'Copy curl'));
        curl.addEventListener('click', async () => {
          try {
            const command = await callBackground('curlForHistory', { id: entry.id });
            await navigator.clipboard.writeText(command).catch(() => undefined);
            callbacks.status(t('curlCopied', 'curl copied (signed now, valid for 5 minutes).'));
          } catch (error) {
            callbacks.status((error as Error).message);
          }
        });
        const failed = outcomeOf(entry).kind !== 'ok';
        const params = keyParamsOf(entry);
        return el(
          'li',
          { 'data-history': entry.id },
          el(
            'div',
            { class: 'line' },
            el('span', { class: 'action' }, entry.action),
            el('span', { class: `badge ${failed ? 'bad' : 'ok'}`, 'data-outcome': outcomeOf(entry).kind }, outcomeLabel(entry)),
            el('time', { datetime: new Date(entry.sentAt).toISOString() }, new Date(entry.sentAt).toLocaleTimeString()),
          ),
          ...(params.length > 0
            ? [el('div', { class: 'line params mono', 'data-key-params': true }, ...params.map((param) => el('span', {}, `${param.name}=${param.value}`)))]
            : []),
          el(
            'div',
            { class: 'line' },
            el('span', { class: 'profile' }, `${entry.profileName} · ${entry.wire.url}${entry.replayOf ? ` · ${t('replayed', 'replay')}` : ''}`),
          ),
          ...(notKept(entry) ? [el('div', { class: 'line redacted' }, t('historyRedacted', `Not kept: ${notKept(entry)}`, [notKept(entry)]))] : []),
          el('div', { class: 'buttons' }, replay, edit, curl),
        );
      }),
    );
  };

  const view: HistoryView = {
    async refresh() {
      render(await callBackground('listHistory', { query: search.value }));
    },
  };
  search.addEventListener('input', () => void view.refresh());
  const undo = setupUndo(view, callbacks.status);
  clear.addEventListener('click', async () => {
    try {
      const { total } = await callBackground('listHistory', { query: '' });
      if (total === 0) return view.refresh();
      const question =
        total === 1
          ? t('confirmClearHistoryOne', 'Clear the 1 request in history? You can undo it for a few seconds.')
          : t('confirmClearHistory', `Clear all ${total} requests from history? You can undo it for a few seconds.`, [String(total)]);
      if (!(await confirmInPage(question, t('clearHistory', 'Clear')))) return;
      undo.offer(await callBackground('clearHistory', {}));
      await view.refresh();
    } catch (error) {
      callbacks.status((error as Error).message);
    }
  });
  return view;
}

/** "Cleared 12 requests — Undo", offered until the service worker's undo window closes; Undo restores them. */
function setupUndo(view: HistoryView, status: (text: string) => void): { offer(cleared: ClearedHistory): void } {
  const bar = byId('history-undo');
  const button = byId<HTMLButtonElement>('history-undo-button');
  let offered: ClearedHistory | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const withdraw = () => {
    clearTimeout(timer);
    offered = undefined;
    bar.hidden = true;
  };
  const expire = () => {
    withdraw();
    void view.refresh();
  };
  button.addEventListener('click', async () => {
    const cleared = offered;
    if (!cleared) return;
    withdraw();
    try {
      const { restored } = await callBackground('undoClearHistory', { token: cleared.token });
      status(restored === 1 ? t('historyRestoredOne', 'Restored 1 request.') : t('historyRestored', `Restored ${restored} requests.`, [String(restored)]));
      await view.refresh();
      byId('history-search').focus();
    } catch (error) {
      status((error as Error).message);
    }
  });
  return {
    offer(cleared) {
      withdraw();
      status('');
      offered = cleared;
      setText(
        byId('history-undo-text'),
        cleared.count === 1 ? t('historyClearedOne', 'Cleared 1 request.') : t('historyCleared', `Cleared ${cleared.count} requests.`, [String(cleared.count)]),
      );
      bar.hidden = false;
      // Keyboard users land on Undo: Enter or Space right after clearing brings everything back.
      button.focus();
      timer = setTimeout(expire, Math.max(0, cleared.undoUntil - Date.now()));
    },
  };
}
