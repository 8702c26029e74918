import type { SendOutcome } from '../protocol.js';
import { t } from '../ui/localize.js';

/**
 * Sends unconfirmed first; when the service worker says the action is destructive, asks, then sends confirmed.
 * A full tab may use the browser's own confirm box (unlike the popup, it does not close on losing focus).
 */
export async function confirmDestructive(send: (confirmed: boolean) => Promise<SendOutcome>): Promise<SendOutcome | undefined> {
  const first = await send(false);
  if (first.status !== 'needsConfirmation') return first;
  return window.confirm(t('confirmDestructive', `${first.action} cannot be undone. Send it?`, [first.action])) ? send(true) : undefined;
}
