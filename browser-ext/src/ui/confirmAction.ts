import { byId, setText } from './dom.js';
import { t } from './localize.js';

/**
 * Asks in the page: a <dialog>, not window.confirm, since a popup's native confirm box steals focus, which closes
 * the popup in Chrome. Cancel has the focus (Enter keeps things as they are, Tab reaches `okLabel`); Escape cancels.
 */
export function confirmInPage(text: string, okLabel: string): Promise<boolean> {
  const dialog = byId<HTMLDialogElement>('confirm');
  setText(byId('confirm-text'), text);
  setText(byId('confirm-ok'), okLabel);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    byId('confirm-cancel').focus();
  });
}

/** Asks before a destructive action goes out (on send and on replay). */
export const confirmAction = (action: string): Promise<boolean> =>
  confirmInPage(t('confirmDestructive', `${action} cannot be undone. Send it?`, [action]), t('sendAnyway', 'Send'));
