// Why? under a response the server refused for its signature (the core's DIAGNOSABLE_ERROR_CODES, marked by
// explainResponse): the service worker diagnoses the request it just sent, with the key of the profile that signed it.
import { callBackground } from '../messaging.js';
import type { HistoryEntry } from '../protocol.js';
import { el } from './dom.js';
import { renderDiagnosis } from './renderDiagnosis.js';

export interface WhyElements {
  /** Holds the button and the answer; hidden unless the response is a diagnosable error. */
  readonly box: HTMLElement;
  readonly button: HTMLButtonElement;
  readonly answer: HTMLElement;
}

export function offerWhy(target: WhyElements, entry: HistoryEntry): void {
  target.answer.replaceChildren();
  delete target.answer.dataset['kind'];
  delete target.answer.dataset['cause'];
  target.box.hidden = !entry.response?.error?.diagnosable;
  target.button.onclick = async () => {
    try {
      renderDiagnosis(target.answer, await callBackground('whySent', { historyId: entry.id }));
    } catch (error) {
      target.answer.replaceChildren(el('p', { class: 'error', role: 'alert' }, (error as Error).message));
    }
  };
}
