import { buildTopicRulePayload, checkRuleActions, checkRuleSql, decodeRuleSql, encodeRuleSql, ruleSqlMarkRange } from '@iot-devkit/core';
import type { RuleCheck, RuleSqlForm, RuleSqlView, SendResult } from '../../protocol.js';
import { loadLazy } from '../loadLazy.js';
import { text, type RequestHandlers } from './RequestHandlers.js';

/** SQL ↔ base64 from whichever box was typed in, the checks of its shape and Actions, and the payload it makes. */
export function viewRuleSql(form: RuleSqlForm): RuleSqlView {
  let sql = text(form.sql);
  let base64 = text(form.base64);
  let decodeError: string | undefined;
  if (form.from === 'base64') {
    const decoded = decodeRuleSql(base64);
    if (decoded.ok) sql = decoded.sql;
    else decodeError = `${decoded.error.code}: ${decoded.error.message}`;
  } else {
    base64 = encodeRuleSql(sql);
  }
  const checks: RuleCheck[] = [];
  if (decodeError === undefined) {
    const shape = checkRuleSql(sql);
    checks.push(
      shape.ok
        ? {
            ok: true,
            message: `SELECT ${shape.parts.select} · FROM '${shape.parts.topic}' (ProductId ${shape.parts.productId}, DeviceName ${shape.parts.deviceName}, topic ${shape.parts.topicName})${shape.parts.where ? ` · WHERE ${shape.parts.where}` : ''}`,
          }
        : { ok: false, message: `${shape.error.code}: ${shape.error.message}`, mark: ruleSqlMarkRange(sql, shape.error) },
    );
  }
  const actions = checkRuleActions(text(form.actions).trim() || '[]');
  if (actions.ok)
    checks.push(
      { ok: true, message: `Actions: ${actions.kinds.length ? actions.kinds.join(', ') : '[] (none)'}` },
      ...actions.notes.map((note) => ({ ok: true, message: note })),
    );
  else checks.push({ ok: false, message: `${actions.error.code}: ${actions.error.message}` });
  if (!/^[A-Za-z0-9_]{1,32}$/.test(text(form.ruleName))) checks.push({ ok: false, message: 'RuleName: 1-32 letters, digits or _' });

  const payload = {
    RuleName: text(form.ruleName),
    TopicRulePayload: {
      Sql: decodeError === undefined ? base64 : text(form.base64),
      Actions: text(form.actions).trim() || '[]',
      ...(text(form.description) ? { Description: text(form.description) } : {}),
      RuleDisabled: form.ruleDisabled === true,
    },
  };
  return { sql, base64, ...(decodeError !== undefined ? { decodeError } : {}), payload: JSON.stringify(payload, null, 2), checks };
}

export function ruleSqlHandlers(
  sendRule: (ruleName: string, payload: object, replace: boolean) => Promise<SendResult>,
  zh: boolean,
): Pick<RequestHandlers, 'ruleSql' | 'sendRule' | 'testRule'> {
  return {
    ruleSql: viewRuleSql,
    // The rule engine is needed only when a rule is tested: a lazy bundle, out of the activation path.
    testRule: (form) => loadLazy<typeof import('../../lazy/ruleTest.js')>('ruleTest').testRule(form, zh),
    async sendRule(form) {
      const view = viewRuleSql(form);
      const failed = view.checks.find((c) => !c.ok);
      if (view.decodeError || failed) return { ok: false, message: `not sent: ${view.decodeError ?? failed?.message}` };
      const built = buildTopicRulePayload({
        sql: view.sql,
        actions: text(form.actions).trim() || '[]',
        ...(text(form.description) ? { description: text(form.description) } : {}),
        ruleDisabled: form.ruleDisabled === true,
      });
      if (!built.ok) return { ok: false, message: `not sent: ${built.error.code}: ${built.error.message}` };
      return sendRule(text(form.ruleName), built.payload, form.replace === true);
    },
  };
}
