import { byId, setText } from './dom.js';
import { t } from './localize.js';

/**
 * Asks before a destructive action goes out (on send and on replay). A <dialog> in the page, not window.confirm:
 * a popup's native confirm box steals focus, which closes the popup in Chrome.
 */
export function confirmAction(action: string): Promise<boolean> {
  const dialog = byId<HTMLDialogElement>('confirm');
  setText(byId('confirm-text'), t('confirmDestructive', `${action} cannot be undone. Send it?`, [action]));
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
  });
}
