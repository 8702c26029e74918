import type { SendOutcome } from '../protocol.js';
import { t } from './localize.js';

/** Why nothing went out: the developer declined a destructive action, or the catalog refused parameters (named). */
export function notSentText(outcome: SendOutcome | undefined): string {
  if (outcome?.status === 'invalid') return `${t('notSentInvalid', 'Not sent:')} ${outcome.problems.map((p) => p.message).join('; ')}`;
  return t('cancelled', 'Not sent.');
}
