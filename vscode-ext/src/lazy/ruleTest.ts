// "Test the rule" of the Rule SQL tab, loaded on first use: it carries the emulator's rule engine (evaluateTopicRules),
// which nothing at activation needs.
import { buildRuleTestView } from '@iot-devkit/core';
import type { RuleTestForm, RuleTestResult } from '../protocol.js';
import { inLanguage } from '../host/sidebar/localizedViews.js';
import { text } from '../host/sidebar/RequestHandlers.js';

/** "Test the rule": the core's shared view of one sample message through the emulator's rule engine, in the UI language. */
export function testRule(form: RuleTestForm, zh: boolean, now = Date.now()): RuleTestResult {
  const view = buildRuleTestView({ sql: text(form.sql), actions: text(form.actions), topic: text(form.topic).trim(), payload: text(form.payload), now });
  const say = inLanguage(zh);
  return {
    verdict: view.verdict,
    summary: say(view.summary),
    ...(view.output !== undefined ? { output: view.output } : {}),
    actions: view.actions.map(say),
    ...(view.problem !== undefined ? { problem: view.problem } : {}),
  };
}
