// "Test the rule": a sample topic and payload run through the rule engine the emulator runs (evaluateTopicRules),
// shown the same in every UI: did the FROM topic match, did WHERE hold, what SELECT produced, what each action would
// do. The texts carry both languages; a host picks one (pickLanguage).
import { parseJsonBounded } from '../encoding/parseJsonBounded.js';
import { evaluateRuleSql } from '../ruleEngine/evaluateRuleSql.js';
import { evaluateTopicRules, MAX_RULE_PAYLOAD_LENGTH } from '../ruleEngine/evaluateTopicRules.js';
import type { RuleActionOutcome } from '../ruleEngine/ruleActionOutcomes.js';
import { checkRuleSql } from '../ruleSql/checkRuleSql.js';
import { encodeRuleSql } from '../ruleSql/ruleSqlBase64.js';
import type { LocalizedText } from '../signing/SigningStep.js';

export interface RuleTestInput {
  readonly sql: string;
  /** The topic the sample message is published to, e.g. ABCDE12345/dev1/event: ProductId and DeviceName are read from it. */
  readonly topic: string;
  /** The sample payload as a device would publish it. */
  readonly payload: string;
  /** TopicRulePayload.Actions as JSON text; "[]" when empty. */
  readonly actions: string;
  /** Milliseconds: the message's arrival, for timestamp(). */
  readonly now: number;
}

export interface RuleTestView {
  /** fired: WHERE held and the actions run; notHeld: WHERE did not; topicMismatch: FROM does not match; invalid: the SQL or Actions do not read. */
  readonly verdict: 'fired' | 'notHeld' | 'topicMismatch' | 'invalid';
  readonly summary: LocalizedText;
  /** SELECT's output, pretty JSON; shown for notHeld too (what it would have sent). Absent when the SQL does not read. */
  readonly output?: string;
  /** One line per action outcome, in the rule's order; empty unless fired. */
  readonly actions: readonly LocalizedText[];
  /** What made the answer less than the rule means: a payload that is not JSON, an Actions text that does not read. */
  readonly problem?: string;
}

const same = (text: string): LocalizedText => ({ en: text, zh: text });
const short = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

function describeOutcome(outcome: RuleActionOutcome): LocalizedText {
  switch (outcome.kind) {
    case 'republish':
      return {
        en: `republish to ${outcome.topic} (QoS ${outcome.qos}): ${short(outcome.payload)}`,
        zh: `重新发布到 ${outcome.topic}（QoS ${outcome.qos}）：${short(outcome.payload)}`,
      };
    case 'forward':
      return { en: `forward: POST ${outcome.url} ${short(outcome.body)}`, zh: `转发：POST ${outcome.url} ${short(outcome.body)}` };
    case 'recorded':
      return {
        en: `${outcome.actionType}: would send to ${outcome.target}: ${short(outcome.body)}`,
        zh: `${outcome.actionType}：将发送到 ${outcome.target}：${short(outcome.body)}`,
      };
  }
}

/** Runs one rule on one sample message and says what happened, for the Rule SQL tab's "Test the rule". */
export function buildRuleTestView(input: RuleTestInput): RuleTestView {
  const checked = checkRuleSql(input.sql);
  if (!checked.ok) return { verdict: 'invalid', summary: same(`${checked.error.code}: ${checked.error.message}`), actions: [] };
  const [productId = '', deviceName = ''] = input.topic.split('/');
  const message = { topic: input.topic, payload: input.payload, clientId: productId + deviceName, productId, deviceName, timestamp: input.now };
  const rule = { RuleName: 'test', Sql: encodeRuleSql(input.sql), Actions: input.actions.trim() || '[]', Description: '', RuleDisabled: false, CreatedAt: 0 };
  const [evaluation] = evaluateTopicRules([rule], message);
  if (evaluation === undefined)
    return {
      verdict: 'topicMismatch',
      summary: {
        en: `FROM '${checked.parts.topic}' does not match the topic ${input.topic}: the rule does not run for this message`,
        zh: `FROM '${checked.parts.topic}' 与 Topic ${input.topic} 不匹配：这条消息不会触发规则`,
      },
      actions: [],
    };
  const problem = evaluation.problem !== undefined ? { problem: evaluation.problem } : {};
  if (evaluation.whereHeld === null)
    return { verdict: 'invalid', summary: same(evaluation.problem ?? 'the rule could not be evaluated'), actions: [], ...problem };
  // The engine keeps the output only when the rule fires; for a WHERE that did not hold, SELECT is run on its own
  // (the same evaluator) so the developer still sees what it would have sent.
  const output =
    evaluation.output ??
    evaluateRuleSql(checked.tree, {
      payload: safeJson(input.payload),
      rawPayload: input.payload,
      topic: input.topic,
      productId,
      deviceName,
      timestamp: input.now,
    }).output;
  const shown = JSON.stringify(output, null, 2);
  if (!evaluation.whereHeld)
    return {
      verdict: 'notHeld',
      summary: { en: `WHERE ${checked.parts.where ?? ''} did not hold: the rule does not fire`, zh: `WHERE ${checked.parts.where ?? ''} 不成立：规则不触发` },
      output: shown,
      actions: [],
      ...problem,
    };
  const where = checked.parts.where;
  return {
    verdict: 'fired',
    summary:
      where === undefined
        ? { en: 'No WHERE: the rule fires for every message on its topic', zh: '没有 WHERE：该 Topic 的每条消息都会触发规则' }
        : { en: `WHERE ${where} held: the rule fires`, zh: `WHERE ${where} 成立：规则触发` },
    output: shown,
    actions: evaluation.actions.map(describeOutcome),
    ...problem,
  };
}

/** The payload as the engine reads it (its own bounded reader gave the problem already); undefined when not JSON. */
function safeJson(text: string): unknown {
  const read = parseJsonBounded(text, 'payload', { maxLength: MAX_RULE_PAYLOAD_LENGTH });
  return read.ok ? read.value : undefined;
}
