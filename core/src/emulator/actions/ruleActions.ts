import { readTopicRulePayload, type TopicRulePayload } from '../../ruleSql/buildTopicRulePayload.js';
import { checkRuleSql } from '../../ruleSql/checkRuleSql.js';
import { decodeRuleSql } from '../../ruleSql/ruleSqlBase64.js';
import { parseJsonBounded } from '../../encoding/parseJsonBounded.js';
import { API_PARAMS_MAX_DEPTH } from '../apiParamsMaxDepth.js';
import type { EmulatedRule } from '../EmulatorState.js';
import { done, fail, int, seconds, str, type ActionHandler, type ActionOutcome } from './ActionHandler.js';

const noRule = (name: string) => fail('ResourceNotFound.TopicRuleNotExist', `RuleName: no rule ${JSON.stringify(name)}`);

/** An enabled rule needs something to do: CreateTopicRule, ReplaceTopicRule and EnableTopicRule all list ActionNil. */
const actionNil = (name: string) =>
  fail('InvalidParameterValue.ActionNil', `rule ${JSON.stringify(name)} has no actions ("规则行为未配置"); give Actions or keep RuleDisabled true`);

/** Actions is JSON inside a string; it is kept, and read again by EnableTopicRule, so it gets the body's depth limit too. */
function readActions(text: string, field: string): { ok: true; value: unknown } | { ok: false; failure: ActionOutcome } {
  const read = parseJsonBounded(text, field, { maxDepth: API_PARAMS_MAX_DEPTH });
  return read.ok ? read : { ok: false, failure: fail('InvalidParameterValue', read.message) };
}

function readPayload(
  params: Readonly<Record<string, unknown>>,
): { rule: Omit<EmulatedRule, 'RuleName' | 'CreatedAt'>; hasActions: boolean } | { failure: ActionOutcome } {
  const payload = params['TopicRulePayload'] as TopicRulePayload;
  if (typeof payload.Actions === 'string') {
    const actions = readActions(payload.Actions, 'TopicRulePayload.Actions');
    if (!actions.ok) return { failure: actions.failure };
  }
  const read = readTopicRulePayload(payload);
  if (!read.ok) return { failure: fail(read.error.code, `TopicRulePayload.${read.error.message}`) };
  return {
    rule: { Sql: payload.Sql, Actions: payload.Actions ?? '[]', Description: read.description, RuleDisabled: read.ruleDisabled },
    hasActions: read.actions.actions.length > 0,
  };
}

export const createTopicRule: ActionHandler = (state, params, env) => {
  const name = str(params, 'RuleName')!;
  if (state.rules.has(name)) return fail('InvalidParameterValue.TopicRuleAlreadyExist', `RuleName: a rule named ${JSON.stringify(name)} already exists`);
  const read = readPayload(params);
  if ('failure' in read) return read.failure;
  if (!read.rule.RuleDisabled && !read.hasActions) return actionNil(name);
  state.rules.set(name, { RuleName: name, ...read.rule, CreatedAt: seconds(env) });
  return done({}, true);
};

export const replaceTopicRule: ActionHandler = (state, params) => {
  const name = str(params, 'RuleName')!;
  const existing = state.rules.get(name);
  if (!existing) return noRule(name);
  const read = readPayload(params);
  if ('failure' in read) return read.failure;
  if (!read.rule.RuleDisabled && !read.hasActions) return actionNil(name);
  state.rules.set(name, { ...existing, ...read.rule });
  return done({}, true);
};

export const enableTopicRule: ActionHandler = (state, params) => {
  const name = str(params, 'RuleName')!;
  const rule = state.rules.get(name);
  if (!rule) return noRule(name);
  if (!rule.RuleDisabled) return fail('FailedOperation.RuleAlreadyEnabled', `rule ${JSON.stringify(name)} is already enabled`);
  // Read bounded: a data file edited by hand may hold anything here.
  const actions = readActions(rule.Actions, `rule ${JSON.stringify(name)}: its stored Actions`);
  if (!actions.ok) return actions.failure;
  if (!Array.isArray(actions.value) || actions.value.length === 0) return actionNil(name);
  rule.RuleDisabled = false;
  return done({}, true);
};

export const disableTopicRule: ActionHandler = (state, params) => {
  const name = str(params, 'RuleName')!;
  const rule = state.rules.get(name);
  if (!rule) return noRule(name);
  if (rule.RuleDisabled) return fail('FailedOperation.RuleAlreadyDisabled', `rule ${JSON.stringify(name)} is already disabled`);
  rule.RuleDisabled = true;
  return done({}, true);
};

export const deleteTopicRule: ActionHandler = (state, params) => {
  const name = str(params, 'RuleName')!;
  if (!state.rules.delete(name)) return noRule(name);
  return done({}, true);
};

/** TopicRuleInfo.TopicPattern: the topic the rule's FROM reads. */
function topicPattern(rule: EmulatedRule): string {
  const decoded = decodeRuleSql(rule.Sql);
  const checked = decoded.ok ? checkRuleSql(decoded.sql) : undefined;
  return checked?.ok ? checked.parts.topic : '';
}

/** ListTopicRules pages by PageNum (from 1) and PageSize. */
export const listTopicRules: ActionHandler = (state, params) => {
  const pageNum = int(params, 'PageNum') ?? 1;
  const pageSize = int(params, 'PageSize') ?? 10;
  if (pageNum < 1) return fail('InvalidParameterValue', `PageNum: pages count from 1, got ${pageNum}`);
  if (pageSize < 1) return fail('InvalidParameterValue', `PageSize: expected at least 1, got ${pageSize}`);
  const rules = [...state.rules.values()];
  const slice = rules.slice((pageNum - 1) * pageSize, pageNum * pageSize);
  return done({
    TotalCount: rules.length,
    Rules: slice.map((rule) => ({
      RuleName: rule.RuleName,
      Description: rule.Description,
      CreatedAt: rule.CreatedAt,
      RuleDisabled: rule.RuleDisabled,
      TopicPattern: topicPattern(rule),
    })),
  });
};
