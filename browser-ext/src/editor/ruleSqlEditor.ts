// Rule SQL: the SQL and its Actions in Monaco, the base64 the API wants and the exact TopicRulePayload shown live
// as the developer types (the core's rule module builds and checks it), then CreateTopicRule/ReplaceTopicRule.
import { buildRuleTestView, buildTopicRulePayload, checkRuleSql, ruleSqlMarkRange, type RuleTestView } from '@iot-devkit/core';
import { callBackground } from '../messaging.js';
import type { SendOutcome } from '../protocol.js';
import { byId, el, setText } from '../ui/dom.js';
import { pick, t } from '../ui/localize.js';
import { notSentText } from '../ui/notSent.js';
import { renderResponse } from '../ui/renderExchange.js';
import { confirmDestructive } from './confirmDestructive.js';
import { createDraftEditor, monaco, setEditorText } from './monacoModel.js';

/** The marker owner tests read back (monaco.editor.getModelMarkers({ owner })). */
export const RULE_SQL_MARKER_OWNER = 'iot-devkit-rule-sql';

/**
 * "Test the rule", as VS Code's Rule SQL tab shows it: one sample message through the emulator's rule engine, from
 * the core's one view (buildRuleTestView) — whether FROM matched and WHERE held, SELECT's output, each action.
 */
function renderRuleTest(result: HTMLElement, view: RuleTestView): void {
  const fired = view.verdict === 'fired';
  const invalid = view.verdict === 'invalid';
  result.replaceChildren(
    el('div', { id: 'rule-test-verdict', class: fired ? 'ok' : invalid ? 'error' : '', 'data-verdict': view.verdict }, pick(view.summary)),
    ...(view.problem !== undefined ? [el('div', { id: 'rule-test-problem', class: 'error' }, view.problem)] : []),
    ...(view.output !== undefined ? [el('h3', {}, t('testOutput', 'SELECT output')), el('pre', { id: 'rule-test-output' }, view.output)] : []),
    ...(view.actions.length > 0
      ? [el('h3', {}, t('testActions', 'Actions it would run')), el('ul', { id: 'rule-test-actions' }, ...view.actions.map((line) => el('li', {}, pick(line))))]
      : []),
  );
}

export interface RuleSqlEditor {
  restore(): void;
  layout(): void;
}

export function setupRuleSqlEditor(profile: HTMLSelectElement, saveDraft: () => void): RuleSqlEditor {
  const status = byId('rule-status');
  const problem = byId('rule-problem');
  const sqlMirror = byId<HTMLTextAreaElement>('rule-sql-text');
  const actionsMirror = byId<HTMLTextAreaElement>('rule-actions-text');
  const description = byId<HTMLInputElement>('rule-description');
  const disabled = byId<HTMLInputElement>('rule-disabled');

  const build = () =>
    buildTopicRulePayload({
      sql: sqlEditor.getValue(),
      actions: actionsEditor.getValue(),
      ...(description.value !== '' ? { description: description.value } : {}),
      ruleDisabled: disabled.checked,
    });

  /** The SQL check as a Monaco marker on the token the core's reader names (the end, for "WHERE temperature >"). */
  const markSql = () => {
    const model = sqlEditor.getModel();
    if (!model) return;
    const text = model.getValue();
    const checked = checkRuleSql(text);
    if (checked.ok) return monaco.editor.setModelMarkers(model, RULE_SQL_MARKER_OWNER, []);
    const range = ruleSqlMarkRange(text, checked.error);
    const start = model.getPositionAt(range.start);
    const end = model.getPositionAt(range.end);
    monaco.editor.setModelMarkers(model, RULE_SQL_MARKER_OWNER, [
      {
        severity: monaco.MarkerSeverity.Error,
        message: checked.error.message,
        code: checked.error.code,
        startLineNumber: start.lineNumber,
        startColumn: start.column,
        endLineNumber: end.lineNumber,
        endColumn: end.column,
      },
    ]);
  };
  const preview = () => {
    markSql();
    const built = build();
    problem.hidden = built.ok;
    if (!built.ok) {
      setText(problem, `${built.error.code}: ${built.error.message}`);
      setText(byId('rule-sql-base64'), '');
      setText(byId('rule-payload'), '');
      return;
    }
    setText(byId('rule-sql-base64'), built.payload.Sql);
    setText(byId('rule-payload'), JSON.stringify({ RuleName: byId<HTMLInputElement>('rule-name').value, TopicRulePayload: built.payload }, null, 2));
  };
  const changed = () => {
    preview();
    saveDraft();
  };
  const sqlEditor = createDraftEditor(byId('rule-sql-editor'), sqlMirror, 'sql', changed);
  const actionsEditor = createDraftEditor(byId('rule-actions-editor'), actionsMirror, 'json', changed);
  for (const id of ['rule-name', 'rule-description', 'rule-disabled']) byId(id).addEventListener('input', preview);
  byId('rule-disabled').addEventListener('change', preview);

  const send = async () => {
    const built = build();
    if (!built.ok) return setText(status, `${built.error.code}: ${built.error.message}`);
    const action = byId<HTMLSelectElement>('rule-action').value === 'ReplaceTopicRule' ? 'ReplaceTopicRule' : 'CreateTopicRule';
    const request = {
      kind: 'action',
      service: 'iotcloud',
      version: '2021-04-08',
      action,
      region: '',
      method: 'POST',
      params: { RuleName: byId<HTMLInputElement>('rule-name').value.trim(), TopicRulePayload: built.payload },
    } as const;
    try {
      byId('rule-response').hidden = true;
      setText(status, t('sending', 'Sending…'));
      const outcome: SendOutcome | undefined = await confirmDestructive((confirmed) =>
        callBackground('sendRequest', { profileId: profile.value, request, confirmed }),
      );
      if (!outcome || outcome.status !== 'sent') return setText(status, notSentText(outcome));
      byId('rule-response').hidden = false;
      renderResponse(
        { meta: byId('rule-response-meta'), error: byId('rule-response-error'), body: byId('rule-response-body') },
        outcome.entry.response,
        outcome.entry.failure,
      );
      setText(status, t('sent', 'Sent.'));
    } catch (error) {
      setText(status, (error as Error).message);
    }
  };
  byId('rule-send').addEventListener('click', () => void send());
  byId('rule-test-run').addEventListener('click', () =>
    renderRuleTest(
      byId('rule-test-result'),
      buildRuleTestView({
        sql: sqlEditor.getValue(),
        actions: actionsEditor.getValue(),
        topic: byId<HTMLInputElement>('rule-test-topic').value.trim(),
        payload: byId<HTMLTextAreaElement>('rule-test-payload').value,
        now: Date.now(),
      }),
    ),
  );

  return {
    restore() {
      setEditorText(sqlEditor, sqlMirror.value);
      setEditorText(actionsEditor, actionsMirror.value);
      preview();
    },
    layout() {
      sqlEditor.layout();
      actionsEditor.layout();
    },
  };
}
