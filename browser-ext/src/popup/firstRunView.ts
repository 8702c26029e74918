// First run in the popup (issue 16): with no profile yet, the Profiles tab offers "Use the local emulator" when it
// answers on 127.0.0.1:9180 (the service worker asks it, and saves the profile with its demo key), else one line on
// what to do, with Check again for someone who starts the emulator after reading it.
import { callBackground } from '../messaging.js';
import type { ProfileView } from '../protocol.js';
import { byId, el, setText } from '../ui/dom.js';
import { pick, t } from '../ui/localize.js';

export interface FirstRun {
  /** Shown while there is no profile, gone once there is one. */
  sync(profiles: readonly ProfileView[]): void;
}

export function setupFirstRun(profilesAdded: () => void): FirstRun {
  const box = byId('first-run');
  let asked = false;
  const ask = async () => {
    const offer = await callBackground('firstRun', {});
    if (box.hidden) return;
    if (offer.kind === 'hint') {
      const again = el('button', { type: 'button', id: 'first-run-again' }, t('checkAgain', 'Check again'));
      again.addEventListener('click', () => void ask());
      return box.replaceChildren(el('p', { id: 'first-run-line' }, pick(offer.text)), again);
    }
    const use = el('button', { type: 'button', id: 'use-emulator', class: 'primary' }, pick(offer.label));
    const status = el('p', { class: 'hint', role: 'status' });
    use.addEventListener('click', async () => {
      use.disabled = true;
      try {
        const profile = await callBackground('useLocalEmulator', {});
        setText(status, t('profileSaved', `Saved "${profile.name}".`, [profile.name]));
        profilesAdded();
      } catch (error) {
        use.disabled = false;
        setText(status, (error as Error).message);
      }
    });
    box.replaceChildren(el('p', { id: 'first-run-line' }, pick(offer.detail)), use, status);
  };
  return {
    sync(profiles) {
      box.hidden = profiles.length > 0;
      if (box.hidden || asked) return;
      asked = true;
      void ask();
    },
  };
}
