import { checkRuleActions, type CheckedRuleActions } from './checkRuleActions.js';
import { checkRuleSql, type RuleSqlParts } from './checkRuleSql.js';
import { decodeRuleSql, encodeRuleSql } from './ruleSqlBase64.js';
import { RULE_ERROR_CODES, ruleError, type RuleResult } from './RuleSqlError.js';

/** The TopicRulePayload structure CreateTopicRule and ReplaceTopicRule send. */
export interface TopicRulePayload {
  /** The rule SQL, UTF-8, base64-encoded. */
  readonly Sql: string;
  /** The actions as a JSON string (not an array). */
  readonly Actions?: string;
  readonly Description?: string;
  readonly RuleDisabled?: boolean;
}

export interface TopicRuleInput {
  readonly sql: string;
  /** An array of actions, or the JSON string of one; default "[]". */
  readonly actions?: string | readonly unknown[];
  readonly description?: string;
  readonly ruleDisabled?: boolean;
}

/** Builds TopicRulePayload from plain SQL and actions, refusing a malformed SQL or Actions before anything is sent. */
export function buildTopicRulePayload(
  input: TopicRuleInput,
): RuleResult<{ readonly payload: TopicRulePayload; readonly parts: RuleSqlParts; readonly notes: readonly string[] }> {
  const sql = checkRuleSql(input.sql);
  if (!sql.ok) return sql;
  const actionsJson = input.actions === undefined ? '[]' : typeof input.actions === 'string' ? input.actions : JSON.stringify(input.actions);
  const actions = checkRuleActions(actionsJson);
  if (!actions.ok) return actions;
  if (input.description !== undefined && typeof input.description !== 'string')
    return ruleError(RULE_ERROR_CODES.invalidValue, 'Description: expected a string');
  if (input.ruleDisabled !== undefined && typeof input.ruleDisabled !== 'boolean')
    return ruleError(RULE_ERROR_CODES.invalidValue, 'RuleDisabled: expected true or false');
  const payload: TopicRulePayload = {
    Sql: encodeRuleSql(input.sql),
    Actions: actionsJson,
    ...(input.description !== undefined ? { Description: input.description } : {}),
    ...(input.ruleDisabled !== undefined ? { RuleDisabled: input.ruleDisabled } : {}),
  };
  return { ok: true, payload, parts: sql.parts, notes: actions.notes };
}

export interface ReadTopicRule {
  readonly sql: string;
  readonly parts: RuleSqlParts;
  readonly actions: CheckedRuleActions;
  readonly description: string;
  readonly ruleDisabled: boolean;
}

/** The other direction: a received TopicRulePayload decoded and checked (what the emulator does on CreateTopicRule). */
export function readTopicRulePayload(payload: TopicRulePayload): RuleResult<ReadTopicRule> {
  const decoded = decodeRuleSql(payload.Sql);
  if (!decoded.ok) return decoded;
  const sql = checkRuleSql(decoded.sql);
  if (!sql.ok) return sql;
  const actions = checkRuleActions(payload.Actions ?? '[]');
  if (!actions.ok) return actions;
  return { ok: true, sql: decoded.sql, parts: sql.parts, actions, description: payload.Description ?? '', ruleDisabled: payload.RuleDisabled ?? false };
}
