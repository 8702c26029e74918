import type { ErrorHit } from '../protocol.js';
import { copyButton, debounce, h, icon, replaceChildren, t } from './dom.js';
import { request } from './hostClient.js';

/** Errors: search any documented code by code or meaning; the panel can be opened on one code. */
export function errorsPanel(): { panel: HTMLElement; show: (code: string) => void } {
  const search = h('input', { id: 'errors-search', type: 'search', placeholder: t('searchErrors'), spellcheck: 'false' });
  const list = h('ul', { id: 'errors-list', class: 'errors' });
  const render = (hits: readonly ErrorHit[]) => {
    if (hits.length === 0) return replaceChildren(list, search.value.trim() ? h('li', { class: 'hint' }, t('noErrors')) : undefined);
    replaceChildren(
      list,
      hits[0]?.suggested ? h('li', { class: 'hint', id: 'errors-did-you-mean' }, t('didYouMean')) : undefined,
      ...hits.map((hit) =>
        h(
          'li',
          { 'data-code': hit.code },
          h(
            'div',
            { class: 'step-head' },
            h('strong', {}, hit.code),
            copyButton(() => hit.code),
          ),
          h('div', {}, hit.description),
          h('div', { class: 'hint' }, hit.service),
          hit.advice && h('div', { class: 'advice' }, icon('info'), ' ', hit.advice),
        ),
      ),
    );
  };
  const run = () => void request('searchErrors', { query: search.value }).then(render);
  search.addEventListener('input', debounce(run));
  const panel = h('section', { id: 'panel-errors', class: 'panel', role: 'tabpanel', hidden: true }, search, list);
  return {
    panel,
    show(code: string) {
      search.value = code;
      run();
    },
  };
}
