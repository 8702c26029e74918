// The DevTools panel: the inspected page's API requests; for each, verify the signature with the stored key (the
// core's diagnosis says why it fails), replay it re-signed, copy it as curl. The service worker does the work.
// Opened as panel.html?tabId=N it shows the same list in a tab of its own.
import { devtools } from '../browserApi.js';
import { callBackground, onNotification } from '../messaging.js';
import type { ObservedRequest, SendOutcome } from '../protocol.js';
import { byId, el, formatBody, setText } from '../ui/dom.js';
import { localizePage, t } from '../ui/localize.js';
import { notSentText } from '../ui/notSent.js';
import { loadProfileSelect } from '../ui/profileSelect.js';
import { offerWhy } from '../ui/offerWhy.js';
import { renderDiagnosis } from '../ui/renderDiagnosis.js';
import { renderResponse } from '../ui/renderExchange.js';

const tabId = devtools.available ? devtools.inspectedTabId : Number(new URLSearchParams(location.search).get('tabId'));
const profile = byId<HTMLSelectElement>('profile');
const rows = byId('request-rows');
const status = byId('detail-status');
let requests: ObservedRequest[] = [];
let selectedId: string | undefined;

const header = (request: ObservedRequest, name: string) => request.headers.find((h) => h.name.toLowerCase() === name)?.value;
const actionOf = (request: ObservedRequest) => header(request, 'x-tc-action') ?? new URL(request.url).pathname;
function resultOf(request: ObservedRequest): string {
  try {
    const code = (JSON.parse(request.responseBody) as { Response?: { Error?: { Code?: unknown } } }).Response?.Error?.Code;
    if (typeof code === 'string') return code;
  } catch {
    // Not JSON: the HTTP status says enough.
  }
  return String(request.status);
}
const describeRequest = (r: ObservedRequest) => `${r.method} ${r.url}\n${r.headers.map((h) => `${h.name}: ${h.value}`).join('\n')}\n\n${r.body}`;

function renderRows(): void {
  const words = byId<HTMLInputElement>('filter').value.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = requests.filter((r) => words.every((w) => `${actionOf(r)} ${r.url} ${resultOf(r)}`.toLowerCase().includes(w)));
  byId('empty').hidden = requests.length > 0;
  rows.replaceChildren(
    ...shown
      .slice()
      .reverse()
      .map((request) => {
        const result = resultOf(request);
        const row = el(
          'tr',
          { tabindex: '0', 'data-request': request.id, 'aria-selected': String(request.id === selectedId) },
          el('td', {}, request.startedAt ? new Date(request.startedAt * 1000).toLocaleTimeString() : ''),
          el('td', {}, actionOf(request)),
          el('td', {}, new URL(request.url).host),
          el('td', { class: /^\d+$/.test(result) && Number(result) < 400 ? 'ok' : 'bad' }, result),
        );
        row.addEventListener('click', () => select(request.id));
        row.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            select(request.id);
          }
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const next = (event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling) as HTMLElement | null;
            next?.focus();
          }
        });
        return row;
      }),
  );
}

/** The selected request's signature verified with the profile's key: the core's diagnosis view, conclusion first. */
async function diagnoseSelected(): Promise<void> {
  if (!selectedId) return;
  const box = byId('diagnosis');
  try {
    const { diagnosis } = await callBackground('diagnoseObserved', { profileId: profile.value, tabId, id: selectedId });
    box.hidden = false;
    renderDiagnosis(box, diagnosis);
    setText(status, '');
  } catch (error) {
    box.hidden = true;
    setText(status, (error as Error).message);
  }
}

function select(id: string): void {
  selectedId = id;
  const request = requests.find((r) => r.id === id);
  byId('detail').hidden = !request;
  if (!request) return;
  for (const row of rows.querySelectorAll('tr')) row.setAttribute('aria-selected', String(row.dataset['request'] === id));
  setText(byId('detail-title'), `${actionOf(request)} · ${request.method} ${new URL(request.url).host}`);
  setText(byId('detail-request'), describeRequest(request));
  setText(byId('detail-response'), `HTTP ${request.status}\n\n${formatBody(request.responseBody)}`);
  byId('replay-result').hidden = true;
  byId('curl').hidden = true;
  void diagnoseSelected();
}

async function replay(): Promise<void> {
  if (!selectedId) return;
  try {
    setText(status, t('sending', 'Sending…'));
    let outcome: SendOutcome = await callBackground('replayObserved', { profileId: profile.value, tabId, id: selectedId, confirmed: false });
    if (outcome.status === 'needsConfirmation') {
      if (!window.confirm(t('confirmDestructive', `${outcome.action} cannot be undone. Send it?`, [outcome.action])))
        return setText(status, t('cancelled', 'Not sent.'));
      outcome = await callBackground('replayObserved', { profileId: profile.value, tabId, id: selectedId, confirmed: true });
    }
    if (outcome.status !== 'sent') return setText(status, notSentText(outcome));
    byId('replay-result').hidden = false;
    renderResponse({ meta: byId('replay-meta'), error: byId('replay-error'), body: byId('replay-body') }, outcome.entry.response, outcome.entry.failure);
    offerWhy({ box: byId('replay-why'), button: byId<HTMLButtonElement>('why'), answer: byId('why-diagnosis') }, outcome.entry);
    setText(
      status,
      t('replayedSigned', `Replayed, signed at ${outcome.preview.timestamp}; it is in the popup's history.`, [String(outcome.preview.timestamp)]),
    );
  } catch (error) {
    setText(status, (error as Error).message);
  }
}

async function copyCurl(): Promise<void> {
  if (!selectedId) return;
  try {
    const command = await callBackground('curlForObserved', { profileId: profile.value, tabId, id: selectedId });
    const box = byId<HTMLTextAreaElement>('curl');
    box.hidden = false;
    box.value = command;
    await navigator.clipboard.writeText(command).catch(() => undefined);
    setText(status, t('curlCopied', 'curl copied (signed now, valid for 5 minutes).'));
  } catch (error) {
    setText(status, (error as Error).message);
  }
}

async function refresh(): Promise<void> {
  requests = await callBackground('listObserved', { tabId });
  renderRows();
}

async function main(): Promise<void> {
  localizePage();
  if (!Number.isSafeInteger(tabId)) throw new Error('tabId: open this panel from DevTools, or as panel.html?tabId=<tab id>');
  await loadProfileSelect(profile);
  onNotification('observedChanged', (payload) => payload.tabId === tabId && void refresh());
  byId('filter').addEventListener('input', renderRows);
  byId('clear').addEventListener('click', () => void callBackground('clearObserved', { tabId }));
  byId('diagnose').addEventListener('click', () => void diagnoseSelected());
  byId('replay').addEventListener('click', () => void replay());
  byId('copy-curl').addEventListener('click', () => void copyCurl());
  profile.addEventListener('change', () => void diagnoseSelected());
  await refresh();
  document.body.dataset['ready'] = String(Math.round(performance.now()));
}

void main().catch((error: unknown) => setText(byId('empty'), error instanceof Error ? error.message : String(error)));
