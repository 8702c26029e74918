// The History tab: newest first, searchable; replay signs again with a fresh timestamp, edit loads the request
// into the Request tab, curl copies a freshly signed command.
import { callBackground } from '../messaging.js';
import type { HistoryEntry, SendOutcome } from '../protocol.js';
import { confirmAction } from '../ui/confirmAction.js';
import { byId, el, setText } from '../ui/dom.js';
import { t } from '../ui/localize.js';
import { notSentText } from '../ui/notSent.js';

export interface HistoryView {
  refresh(): Promise<void>;
}

/** The secrets history did not keep for this entry (request and response), said on its row. */
const notKept = (entry: HistoryEntry) => [...(entry.redacted ?? []), ...(entry.responseRedacted ?? [])].filter((name, i, all) => all.indexOf(name) === i).join(', ');

const outcomeLabel = (entry: HistoryEntry) => entry.response?.error?.code ?? (entry.response ? `HTTP ${entry.response.status}` : t('networkFailure', 'No response'));

/** Sends a replay, asking first when the action is destructive. Undefined when the developer declined. */
export async function replayWithConfirmation(id: string, request?: HistoryEntry['request']): Promise<SendOutcome | undefined> {
  let outcome = await callBackground('replayHistory', { id, confirmed: false, ...(request ? { request } : {}) });
  if (outcome.status === 'needsConfirmation') {
    if (!(await confirmAction(outcome.action))) return undefined;
    outcome = await callBackground('replayHistory', { id, confirmed: true, ...(request ? { request } : {}) });
  }
  return outcome;
}

export function setupHistoryView(callbacks: { edit(entry: HistoryEntry): void; showOutcome(outcome: SendOutcome): void; status(text: string): void }): HistoryView {
  const list = byId('history-list');
  const search = byId<HTMLInputElement>('history-search');
  const empty = byId('history-empty');

  const render = (entries: HistoryEntry[]) => {
    empty.hidden = entries.length > 0;
    list.replaceChildren(
      ...entries.map((entry) => {
        const replay = el('button', { type: 'button', 'data-command': 'replay' }, t('replay', 'Replay'));
        replay.addEventListener('click', async () => {
          try {
            const outcome = await replayWithConfirmation(entry.id);
            if (!outcome) return callbacks.status(notSentText(outcome));
            callbacks.showOutcome(outcome);
            if (outcome.status === 'invalid') callbacks.status(notSentText(outcome));
            if (outcome.status === 'sent') callbacks.status(`${t('replayed', 'replay')}: ${outcome.entry.action} · ${outcomeLabel(outcome.entry)}${outcome.entry.response?.requestId ? ` · RequestId ${outcome.entry.response.requestId}` : ''}`);
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
        const failed = entry.failure !== undefined || entry.response?.error !== undefined || (entry.response?.status ?? 0) >= 400;
        return el(
          'li',
          { 'data-history': entry.id },
          el('div', { class: 'line' }, el('span', { class: 'action' }, entry.action), el('span', { class: failed ? 'bad' : 'ok' }, outcomeLabel(entry)), el('time', { datetime: new Date(entry.sentAt).toISOString() }, new Date(entry.sentAt).toLocaleTimeString())),
          el('div', { class: 'line' }, el('span', { class: 'profile' }, `${entry.profileName} · ${entry.wire.url}${entry.replayOf ? ` · ${t('replayed', 'replay')}` : ''}`)),
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
  byId('clear-history').addEventListener('click', async () => {
    await callBackground('clearHistory', {});
    await view.refresh();
  });
  return view;
}
