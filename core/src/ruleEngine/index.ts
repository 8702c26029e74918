// The rule engine: SELECT and WHERE evaluated on a message, and the actions that follow. Part of @iot-devkit/core's
// public surface (core/src/index.ts).
export type { RuleContext } from './RuleContext.js';
export { evaluateRuleExpression, MAX_RULE_EVALUATION_DEPTH } from './evaluateRuleExpression.js';
export { evaluateRuleSql, type RuleSqlResult } from './evaluateRuleSql.js';
export { MAX_RULE_STRING_LENGTH } from './callRuleFunction.js';
export { evaluateTopicRules, MAX_RULE_PAYLOAD_LENGTH, type RuleActionOutcome, type RuleEvaluation, type RuleMessage } from './evaluateTopicRules.js';
