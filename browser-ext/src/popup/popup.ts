// The toolbar popup. It closes whenever it loses focus, so every field is a draft restored on reopen; it talks
// only to the service worker (protocol.ts), which holds the keys and sends the requests.
import type { ProfileView } from '../protocol.js';
import { byId, el } from '../ui/dom.js';
import { DraftBinding } from '../ui/draftBinding.js';
import { localizePage } from '../ui/localize.js';
import { fillProfileSelect } from '../ui/profileSelect.js';
import { setupTabs } from '../ui/tabs.js';
import { setupActionPicker } from './actionPicker.js';
import { setupCredentialsView } from './credentialsView.js';
import { setupFirstRun } from './firstRunView.js';
import { setupHistoryView } from './historyView.js';
import { setupProfilesView } from './profilesView.js';
import { setupRequestView } from './requestView.js';

// When this script starts: the benchmark separates Chromium's own set-up of an extension page from ours.
const scriptStart = Math.round(performance.now());

async function main(): Promise<void> {
  localizePage();
  const draft = new DraftBinding('popup');
  const saveDraft = () => void draft.save();
  const activeTab = el('input', { type: 'hidden', id: 'active-tab', 'data-draft': true, value: 'tab-request' });
  document.body.append(activeTab);

  const profileSelect = byId<HTMLSelectElement>('profile');

  const history = setupHistoryView({
    edit(entry) {
      request.load(entry);
      selectTab('tab-request');
    },
    showOutcome: (outcome) => request.showOutcome(outcome),
    status: (text) => (byId('history-status').textContent = text),
  });
  const request = setupRequestView(saveDraft, () => void history.refresh());
  const picker = setupActionPicker(saveDraft);
  const firstRun = setupFirstRun(() => void profiles.refresh());
  // Once the draft is applied, a profile chosen for want of the draft's (first run, deleted) is saved into it.
  let draftApplied = false;
  const profiles = setupProfilesView((list: ProfileView[]) => {
    if (fillProfileSelect(profileSelect, list) && draftApplied) saveDraft();
    request.profilesChanged();
    firstRun.sync(list);
  }, saveDraft);

  const selectTab = (tabId: string) => {
    show(tabId);
    activeTab.value = tabId;
    saveDraft();
    if (tabId === 'tab-history') void history.refresh();
  };
  const show = setupTabs(byId('tabs'), selectTab);
  for (const radio of ['mode-action', 'mode-paste']) byId(radio).addEventListener('change', () => request.syncMode());

  const [profileList, saved] = await Promise.all([profiles.refresh(), draft.load()]);
  // The credential form is generated before the draft is applied, so what was typed in it comes back.
  const credentials = setupCredentialsView();
  const restored = draft.apply(saved);
  draftApplied = true;
  // The draft may name no profile (saved on a first run, before there was one) or one deleted since.
  if (fillProfileSelect(profileSelect, profileList)) saveDraft();
  if (!restored && profileList.length === 0) activeTab.value = 'tab-profiles';
  show(activeTab.value || 'tab-request');
  byId('passphrase-row').hidden = !byId<HTMLInputElement>('profile-remember').checked;
  request.syncMode();
  credentials.sync();
  await picker.sync();
  if (activeTab.value === 'tab-history') await history.refresh();
  // Tests and the benchmark wait for this: the popup is filled in and answers input.
  document.body.dataset['scriptStart'] = String(scriptStart);
  document.body.dataset['ready'] = String(Math.round(performance.now()));
}

void main().catch((error: unknown) => {
  const status = document.getElementById('status');
  if (status) status.textContent = error instanceof Error ? error.message : String(error);
});
