// Rule SQL: the tokenizer and parser of IoT Hub's rule statements, with positions for editor squiggles. Part of @iot-
// devkit/core's public surface (core/src/index.ts).
export { RULE_ERROR_CODES, type RuleResult, type RuleSqlError } from './RuleSqlError.js';
export { decodeRuleSql, encodeRuleSql } from './ruleSqlBase64.js';
export { checkRuleSql, type RuleSqlParts } from './checkRuleSql.js';
export { checkRuleActions, RULE_ACTION_FIELDS, type CheckedRuleActions } from './checkRuleActions.js';
export { buildTopicRulePayload, readTopicRulePayload, type ReadTopicRule, type TopicRuleInput, type TopicRulePayload } from './buildTopicRulePayload.js';
export type {
  RuleAccessStep,
  RuleArithmeticOperator,
  RuleComparisonOperator,
  RuleExpression,
  RuleSelectItem,
  RuleSqlSpan,
  RuleSqlTree,
} from './RuleSqlTree.js';
export { findRuleFunction, RULE_FUNCTIONS, type RuleFunctionName } from './ruleFunctions.js';
export { tokenizeRuleSql, type RuleSqlToken } from './tokenizeRuleSql.js';
export { MAX_RULE_EXPRESSION_DEPTH } from './readRuleExpression.js';
// Rule SQL squiggles: the range both editors underline (cred-dym)
export { ruleSqlMarkRange } from './ruleSqlMarkRange.js';
