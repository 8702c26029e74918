import type { ParamProblemView, SendOutcome } from '../protocol.js';
import { t } from './localize.js';

/** The catalog's refusals, each naming its parameter. */
export const problemsText = (problems: readonly ParamProblemView[]): string => problems.map((p) => p.message).join('; ');

/** Why nothing went out: the developer declined a destructive action, or the catalog refused parameters (named). */
export function notSentText(outcome: SendOutcome | undefined): string {
  if (outcome?.status === 'invalid') return `${t('notSentInvalid', 'Not sent:')} ${problemsText(outcome.problems)}`;
  return t('cancelled', 'Not sent.');
}
