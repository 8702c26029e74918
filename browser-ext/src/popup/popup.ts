// The toolbar popup. It closes whenever it loses focus, so every field is a draft restored on reopen; it talks
// only to the service worker (protocol.ts), which holds the keys and sends the requests.
import type { ProfileView } from '../protocol.js';
import { byId, el } from '../ui/dom.js';
import { DraftBinding } from '../ui/draftBinding.js';
import { localizePage, t } from '../ui/localize.js';
import { setupTabs } from '../ui/tabs.js';
import { setupHistoryView } from './historyView.js';
import { setupProfilesView } from './profilesView.js';
import { setupRequestView } from './requestView.js';

async function main(): Promise<void> {
  localizePage();
  const draft = new DraftBinding('popup');
  const saveDraft = () => void draft.save();
  const activeTab = el('input', { type: 'hidden', id: 'active-tab', 'data-draft': true, value: 'tab-request' });
  document.body.append(activeTab);

  const profileSelect = byId<HTMLSelectElement>('profile');
  const fillProfileSelect = (profiles: ProfileView[]) => {
    const chosen = profileSelect.value;
    profileSelect.replaceChildren(...profiles.map((p) => el('option', { value: p.id }, `${p.name}${p.keyState === 'session' ? '' : ` (${p.keyState === 'locked' ? t('keyLocked', 'locked') : t('keyMissing', 'no key')})`}`)));
    if (profiles.length === 0) profileSelect.append(el('option', { value: '' }, t('noProfile', 'No profile yet: add one in Profiles')));
    if (profiles.some((p) => p.id === chosen)) profileSelect.value = chosen;
  };

  const history = setupHistoryView({
    edit(entry) {
      request.load(entry);
      selectTab('tab-request');
    },
    showOutcome: (outcome) => request.showOutcome(outcome),
    status: (text) => request.status(text),
  });
  const request = setupRequestView(saveDraft, () => void history.refresh());
  const profiles = setupProfilesView(fillProfileSelect, saveDraft);

  const selectTab = (tabId: string) => {
    show(tabId);
    activeTab.value = tabId;
    saveDraft();
    if (tabId === 'tab-history') void history.refresh();
  };
  const show = setupTabs(byId('tabs'), selectTab);
  for (const radio of ['mode-action', 'mode-paste']) byId(radio).addEventListener('change', () => request.syncMode());

  const profileList = await profiles.refresh();
  const restored = await draft.restore();
  if (!restored && profileList.length === 0) activeTab.value = 'tab-profiles';
  show(activeTab.value || 'tab-request');
  byId('passphrase-row').hidden = !byId<HTMLInputElement>('profile-remember').checked;
  request.syncMode();
  if (activeTab.value === 'tab-history') await history.refresh();
  // Tests and the benchmark wait for this: the popup is filled in and answers input.
  document.body.dataset['ready'] = String(Math.round(performance.now()));
}

void main().catch((error: unknown) => {
  const status = document.getElementById('status');
  if (status) status.textContent = error instanceof Error ? error.message : String(error);
});
