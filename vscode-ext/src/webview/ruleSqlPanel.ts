import type { RuleSqlForm, RuleSqlView, RuleTestForm, RuleTestResult } from '../protocol.js';
import { copyButton, debounce, field, h, icon, replaceChildren, t } from './dom.js';
import { loadDraft, request, saveDraft } from './hostClient.js';

const DEFAULT_RULE: RuleSqlForm = {
  from: 'sql',
  sql: "SELECT * FROM 'ABCDE12345/abc/event'",
  base64: '',
  ruleName: 'rule_1',
  description: '',
  actions: '[{"republish":{"topic":"ABCDE12345/abc/data"}}]',
  ruleDisabled: false,
};

const DEFAULT_TEST = { topic: 'ABCDE12345/abc/event', payload: '{"temperature": 35}' };

/**
 * "Test the rule": a sample topic and payload through the emulator's rule engine (the host asks the core's
 * buildRuleTestView); shows whether FROM matched and WHERE held, SELECT's output and what each action would do.
 */
function ruleTestSection(read: () => Pick<RuleTestForm, 'sql' | 'actions'>): HTMLElement {
  const start = loadDraft<typeof DEFAULT_TEST>('ruleTest') ?? DEFAULT_TEST;
  const topic = h('input', { id: 'rule-test-topic', type: 'text', spellcheck: 'false' });
  topic.value = start.topic;
  const payload = h('textarea', { id: 'rule-test-payload', rows: '3', spellcheck: 'false' });
  payload.value = start.payload;
  const run = h('button', { type: 'button', class: 'secondary', id: 'rule-test-run' }, icon('beaker'), ' ', t('testRun'));
  const result = h('div', { id: 'rule-test-result' });
  const render = (r: RuleTestResult) => {
    const fired = r.verdict === 'fired';
    const invalid = r.verdict === 'invalid';
    replaceChildren(
      result,
      h(
        'div',
        { id: 'rule-test-verdict', class: fired ? 'ok' : invalid ? 'error' : '', 'data-verdict': r.verdict },
        icon(fired ? 'pass' : invalid ? 'error' : 'info'),
        ' ',
        r.summary,
      ),
      ...(r.problem !== undefined ? [h('div', { id: 'rule-test-problem', class: 'error' }, r.problem)] : []),
      ...(r.output !== undefined ? [h('h3', {}, t('testOutput')), h('pre', { id: 'rule-test-output', class: 'value' }, r.output)] : []),
      ...(r.actions.length > 0
        ? [h('h3', {}, t('testActions')), h('ul', { id: 'rule-test-actions', class: 'checks' }, ...r.actions.map((line) => h('li', {}, line)))]
        : []),
    );
  };
  run.addEventListener('click', () => {
    const sample = { topic: topic.value, payload: payload.value };
    saveDraft('ruleTest', sample);
    void request('testRule', { ...read(), ...sample }).then(render);
  });
  return h(
    'div',
    { id: 'rule-test' },
    h('h3', {}, t('testRule')),
    field(t('testTopic'), topic).row,
    field(t('testPayload'), payload).row,
    h('div', { class: 'buttons' }, run),
    result,
  );
}

/** Rule SQL: SQL ↔ base64 live in both directions, shape and Actions checks, the TopicRulePayload preview; send. */
export function ruleSqlPanel(): HTMLElement {
  const start = loadDraft<RuleSqlForm>('rule') ?? DEFAULT_RULE;
  let from: RuleSqlForm['from'] = start.from;
  const sql = h('textarea', { id: 'rule-sql', rows: '4', spellcheck: 'false' });
  sql.value = start.sql;
  const base64 = h('textarea', { id: 'rule-base64', rows: '3', spellcheck: 'false' });
  base64.value = start.base64;
  const ruleName = h('input', { id: 'rule-name', type: 'text', spellcheck: 'false' });
  ruleName.value = start.ruleName;
  const description = h('input', { id: 'rule-description', type: 'text' });
  description.value = start.description;
  const actions = h('textarea', { id: 'rule-actions', rows: '3', spellcheck: 'false' });
  actions.value = start.actions;
  const disabled = h('input', { id: 'rule-disabled', type: 'checkbox' });
  disabled.checked = start.ruleDisabled;
  const base64Field = field(t('base64'), base64);
  const checks = h('ul', { id: 'rule-checks', class: 'checks' });
  // The SQL again with the token the check names underlined: a textarea cannot draw a squiggle itself.
  const marked = h('pre', { id: 'rule-sql-marked', class: 'value', hidden: true });
  const payload = h('pre', { id: 'rule-payload', class: 'value' });
  const result = h('div', { id: 'rule-result' });
  const create = h('button', { type: 'button', id: 'rule-create' }, icon('add'), ' ', t('createRule'));
  const replace = h('button', { type: 'button', class: 'secondary', id: 'rule-replace' }, icon('refresh'), ' ', t('replaceRule'));

  const read = (): RuleSqlForm => ({
    from,
    sql: sql.value,
    base64: base64.value,
    ruleName: ruleName.value,
    description: description.value,
    actions: actions.value,
    ruleDisabled: disabled.checked,
  });
  const render = (view: RuleSqlView) => {
    if (from === 'sql') base64.value = view.base64;
    else if (!view.decodeError) sql.value = view.sql;
    base64Field.message.textContent = view.decodeError ?? '';
    base64Field.message.classList.toggle('error', view.decodeError !== undefined);
    replaceChildren(checks, ...view.checks.map((c) => h('li', { class: c.ok ? 'ok' : 'bad' }, icon(c.ok ? 'pass' : 'error'), ' ', c.message)));
    const mark = view.checks.find((c) => c.mark)?.mark;
    marked.hidden = mark === undefined;
    if (mark) {
      const token = view.sql.slice(mark.start, mark.end);
      // An error at the end has no token: a space stands for "here", where the missing part is due.
      const squiggle = h('span', { id: 'rule-sql-mark', class: 'squiggle', 'data-start': String(mark.start), 'data-end': String(mark.end) }, token || ' ');
      replaceChildren(marked, view.sql.slice(0, mark.start), squiggle, view.sql.slice(mark.end));
    }
    payload.textContent = view.payload;
  };
  const update = debounce(() => {
    saveDraft('rule', read());
    void request('ruleSql', read()).then(render);
  }, 60);
  sql.addEventListener('input', () => {
    from = 'sql';
    update();
  });
  base64.addEventListener('input', () => {
    from = 'base64';
    update();
  });
  for (const control of [ruleName, description, actions]) control.addEventListener('input', update);
  disabled.addEventListener('change', update);
  const send = (replaceRule: boolean) => {
    void request('sendRule', { ...read(), replace: replaceRule }).then((r) =>
      replaceChildren(
        result,
        r.ok
          ? h(
              'div',
              { class: r.error ? 'error' : 'ok' },
              `HTTP ${r.status} ${r.error ? `${r.error.code}: ${r.error.description ?? r.error.message}` : (r.requestId ?? '')}`,
            )
          : h('div', { class: 'error' }, r.message),
      ),
    );
  };
  create.addEventListener('click', () => send(false));
  replace.addEventListener('click', () => send(true));
  update();

  return h(
    'section',
    { id: 'panel-rulesql', class: 'panel', role: 'tabpanel', hidden: true },
    h(
      'div',
      { class: 'step-head' },
      h('label', { for: 'rule-sql' }, t('sql')),
      copyButton(() => sql.value),
    ),
    sql,
    h(
      'div',
      { class: 'step-head' },
      h('span', {}),
      copyButton(() => base64.value),
    ),
    base64Field.row,
    h('h3', {}, t('checks')),
    checks,
    marked,
    field(t('ruleName'), ruleName).row,
    field(t('description'), description).row,
    field(t('actions'), actions).row,
    h('label', { class: 'check' }, disabled, ' ', t('ruleDisabled')),
    h(
      'div',
      { class: 'step-head' },
      h('h3', {}, t('payload')),
      copyButton(() => payload.textContent ?? ''),
    ),
    payload,
    h('div', { class: 'buttons' }, create, replace),
    result,
    ruleTestSection(() => ({ sql: sql.value, actions: actions.value })),
  );
}
