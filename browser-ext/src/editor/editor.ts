// The editor page (a full tab): request bodies, device shadows and rule SQL in Monaco. Like the popup it holds no
// key and sends nothing itself: every call goes through the service worker (protocol.ts).
import { byId } from '../ui/dom.js';
import { DraftBinding } from '../ui/draftBinding.js';
import { localizePage } from '../ui/localize.js';
import { fillProfileSelect, loadProfileSelect } from '../ui/profileSelect.js';
import { setupTabs } from '../ui/tabs.js';
import { setupBodyEditor } from './bodyEditor.js';
import { setupRuleSqlEditor } from './ruleSqlEditor.js';
import { setupShadowEditor } from './shadowEditor.js';

const VIEWS = { body: 'tab-body', shadow: 'tab-shadow', ruleSql: 'tab-ruleSql' } as const;

async function main(): Promise<void> {
  localizePage();
  const draft = new DraftBinding('editor');
  const saveDraft = () => void draft.save();
  const profile = byId<HTMLSelectElement>('profile');
  const profiles = await loadProfileSelect(profile);
  await draft.restore();
  // The draft may name no profile (saved before there was one) or one deleted since: the first is used then.
  if (fillProfileSelect(profile, profiles)) saveDraft();

  const body = setupBodyEditor(profile, saveDraft);
  const shadow = setupShadowEditor(profile, saveDraft);
  const ruleSql = setupRuleSqlEditor(profile, saveDraft);
  for (const view of [body, shadow, ruleSql]) view.restore();

  const show = setupTabs(byId('tabs'), (tabId) => {
    history.replaceState(null, '', `#${Object.entries(VIEWS).find(([, id]) => id === tabId)?.[0] ?? 'body'}`);
    for (const view of [body, shadow, ruleSql]) view.layout();
  });
  // editor.html#shadow, #ruleSql, #body, #body:<historyId> (edit-and-replay) or #body:compose (the popup's call).
  const [view = 'body', historyId] = location.hash.slice(1).split(':');
  show(VIEWS[view as keyof typeof VIEWS] ?? VIEWS.body);
  if (historyId === 'compose') await body.loadHandoff();
  else if (historyId) await body.loadHistory(historyId);
  document.body.dataset['ready'] = String(Math.round(performance.now()));
}

void main().catch((error: unknown) => {
  document.body.prepend(
    Object.assign(document.createElement('p'), { className: 'error', textContent: error instanceof Error ? error.message : String(error) }),
  );
});
