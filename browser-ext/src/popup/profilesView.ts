// The Profiles tab: SecretId, region, endpoint; the SecretKey is typed here, handed to the service worker and
// from then on only shown masked (first 4 characters + ****).
import { callBackground } from '../messaging.js';
import type { ProfileView } from '../protocol.js';
import { byId, el, setText } from '../ui/dom.js';
import { t } from '../ui/localize.js';

export interface ProfilesView {
  refresh(): Promise<ProfileView[]>;
}

const keyLabel = (profile: ProfileView) =>
  profile.keyState === 'session'
    ? `${profile.maskedKey}${profile.remembered ? ` · ${t('remembered', 'remembered')}` : ''}`
    : profile.keyState === 'locked'
      ? t('keyLocked', 'locked')
      : t('keyMissing', 'no key');

export function setupProfilesView(onProfilesChanged: (profiles: ProfileView[]) => void, saveDraft: () => void): ProfilesView {
  const list = byId('profile-list');
  const status = byId('profile-status');
  const form = byId<HTMLFormElement>('profile-form');
  const field = (id: string) => byId<HTMLInputElement>(id);
  const remember = field('profile-remember');
  const syncPassphrase = () => (byId('passphrase-row').hidden = !remember.checked);
  remember.addEventListener('change', syncPassphrase);

  const fill = (profile?: ProfileView) => {
    field('profile-id').value = profile?.id ?? '';
    field('profile-name').value = profile?.name ?? '';
    field('profile-secret-id').value = profile?.secretId ?? '';
    field('profile-region').value = profile?.region ?? 'ap-guangzhou';
    field('profile-endpoint').value = profile?.endpoint ?? '';
    field('profile-secret-key').value = '';
    field('profile-passphrase').value = '';
    remember.checked = profile?.remembered ?? false;
    syncPassphrase();
    saveDraft();
  };

  const render = (profiles: ProfileView[]) => {
    list.replaceChildren(
      ...profiles.map((profile) => {
        const unlock = el('button', { type: 'button' }, t('unlock', 'Unlock'));
        const passphrase = el('input', {
          type: 'password',
          'aria-label': t('passphrase', 'Passphrase'),
          placeholder: t('passphrase', 'Passphrase'),
          hidden: true,
        });
        unlock.addEventListener('click', async () => {
          if (passphrase.hidden) return ((passphrase.hidden = false), passphrase.focus());
          try {
            await callBackground('unlockProfile', { id: profile.id, passphrase: passphrase.value });
            setText(status, t('unlocked', 'Unlocked.'));
            await view.refresh();
          } catch (error) {
            setText(status, (error as Error).message);
          }
        });
        passphrase.addEventListener('keydown', (event) => event.key === 'Enter' && unlock.click());
        const edit = el('button', { type: 'button' }, t('edit', 'Edit'));
        edit.addEventListener('click', () => fill(profile));
        const remove = el('button', { type: 'button', class: 'danger' }, t('delete', 'Delete'));
        remove.addEventListener('click', async () => onProfilesChanged(render(await callBackground('deleteProfile', { id: profile.id }))));
        return el(
          'li',
          { 'data-profile': profile.id },
          el('span', { class: 'name' }, profile.name),
          el('span', { class: 'mono' }, profile.secretId.slice(0, 8)),
          el('span', { class: 'key mono' }, keyLabel(profile)),
          profile.keyState === 'locked' ? passphrase : null,
          profile.keyState === 'locked' ? unlock : null,
          edit,
          remove,
        );
      }),
    );
    return profiles;
  };

  byId('profile-new').addEventListener('click', () => fill());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const saved = await callBackground('saveProfile', {
        ...(field('profile-id').value ? { id: field('profile-id').value } : {}),
        name: field('profile-name').value,
        secretId: field('profile-secret-id').value,
        secretKey: field('profile-secret-key').value,
        region: field('profile-region').value,
        endpoint: field('profile-endpoint').value,
        remember: remember.checked,
        passphrase: field('profile-passphrase').value,
      });
      fill(saved);
      setText(status, t('profileSaved', `Saved "${saved.name}".`, [saved.name]));
      await view.refresh();
    } catch (error) {
      setText(status, (error as Error).message);
    }
  });

  const view: ProfilesView = {
    async refresh() {
      const profiles = render(await callBackground('listProfiles', {}));
      onProfilesChanged(profiles);
      syncPassphrase();
      return profiles;
    },
  };
  return view;
}
