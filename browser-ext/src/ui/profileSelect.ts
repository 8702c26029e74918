import { callBackground } from '../messaging.js';
import type { ProfileView } from '../protocol.js';
import { chooseProfileId } from '../shared/chooseProfileId.js';
import { el } from './dom.js';
import { t } from './localize.js';

/**
 * Fills a profile <select>, keeping the chosen one while it exists, else choosing the first (chooseProfileId);
 * profiles without an unlocked key say so. Called again after a draft is restored, since a draft may hold a
 * profile that is gone. Returns whether the choice changed, so a page can save its draft.
 */
export function fillProfileSelect(select: HTMLSelectElement, profiles: readonly ProfileView[]): boolean {
  const chosen = select.value;
  select.replaceChildren(
    ...profiles.map((p) =>
      el(
        'option',
        { value: p.id },
        `${p.name}${p.keyState === 'session' ? '' : ` (${p.keyState === 'locked' ? t('keyLocked', 'locked') : t('keyMissing', 'no key')})`}`,
      ),
    ),
  );
  if (profiles.length === 0) select.append(el('option', { value: '' }, t('noProfile', 'No profile yet: add one in Profiles')));
  select.value = chooseProfileId(chosen, profiles);
  return select.value !== chosen;
}

export async function loadProfileSelect(select: HTMLSelectElement): Promise<ProfileView[]> {
  const profiles = await callBackground('listProfiles', {});
  fillProfileSelect(select, profiles);
  return profiles;
}
