import { callBackground } from '../messaging.js';
import type { ProfileView } from '../protocol.js';
import { el } from './dom.js';
import { t } from './localize.js';

/** Fills a profile <select>, keeping the chosen one; profiles without an unlocked key say so. */
export function fillProfileSelect(select: HTMLSelectElement, profiles: readonly ProfileView[]): void {
  const chosen = select.value;
  select.replaceChildren(...profiles.map((p) => el('option', { value: p.id }, `${p.name}${p.keyState === 'session' ? '' : ` (${p.keyState === 'locked' ? t('keyLocked', 'locked') : t('keyMissing', 'no key')})`}`)));
  if (profiles.length === 0) select.append(el('option', { value: '' }, t('noProfile', 'No profile yet: add one in Profiles')));
  if (profiles.some((p) => p.id === chosen)) select.value = chosen;
}

export async function loadProfileSelect(select: HTMLSelectElement): Promise<ProfileView[]> {
  const profiles = await callBackground('listProfiles', {});
  fillProfileSelect(select, profiles);
  return profiles;
}
