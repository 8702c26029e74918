import { parseJsonBounded } from '../encoding/parseJsonBounded.js';
import type { EmulatedRule } from '../emulator/EmulatorState.js';
import { topicMatchesFilter } from '../mqtt/topicMatchesFilter.js';
import { checkRuleSql } from '../ruleSql/checkRuleSql.js';
import { decodeRuleSql } from '../ruleSql/ruleSqlBase64.js';
import type { RuleSqlTree } from '../ruleSql/RuleSqlTree.js';
import { evaluateRuleSql } from './evaluateRuleSql.js';
import { ruleActionOutcomes, type RuleActionOutcome } from './ruleActionOutcomes.js';

export type { RuleActionOutcome } from './ruleActionOutcomes.js';

export interface RuleMessage {
  readonly topic: string;
  /** UTF-8 text as published. */
  readonly payload: string;
  readonly clientId: string;
  readonly productId: string;
  readonly deviceName: string;
  /** Milliseconds. */
  readonly timestamp: number;
}

export interface RuleEvaluation {
  readonly ruleName: string;
  readonly topic: string;
  readonly at: number;
  readonly topicMatched: boolean;
  /** null when the rule could not be evaluated (see problem). */
  readonly whereHeld: boolean | null;
  /** SELECT's output when the rule fired (WHERE held), else null. */
  readonly output: Readonly<Record<string, unknown>> | null;
  readonly actions: readonly RuleActionOutcome[];
  /** Why the evaluation is not what the rule means to do: the payload not JSON, the stored SQL no longer valid… */
  readonly problem?: string;
}

/** A payload larger than IoT Hub carries is not read: 256 KB of text, the size the MQTT broker accepts per message. */
export const MAX_RULE_PAYLOAD_LENGTH = 256 * 1024;

interface CompiledRule {
  readonly tree?: RuleSqlTree;
  readonly actions?: readonly unknown[];
  readonly problem?: string;
}

// Rules change rarely and messages arrive thousands a second: each distinct (Sql, Actions) pair is read once.
// Bounded, oldest first out, so a stream of rule edits cannot grow it.
const compiled = new Map<string, CompiledRule>();
const COMPILED_LIMIT = 512;

// The same rule object comes back with every message: found by identity first, its Sql and Actions compared (the
// emulator edits rules in place) — no hashing of the SQL text per message.
const byRule = new WeakMap<EmulatedRule, { readonly sql: string; readonly actions: string; readonly compiled: CompiledRule }>();

function compile(rule: EmulatedRule): CompiledRule {
  const known = byRule.get(rule);
  if (known !== undefined && known.sql === rule.Sql && known.actions === rule.Actions) return known.compiled;
  const result = compileByText(rule);
  byRule.set(rule, { sql: rule.Sql, actions: rule.Actions, compiled: result });
  return result;
}

function compileByText(rule: EmulatedRule): CompiledRule {
  const cacheKey = `${rule.Sql}\u0000${rule.Actions}`;
  const cached = compiled.get(cacheKey);
  if (cached) return cached;
  const result = compileUncached(rule);
  if (compiled.size >= COMPILED_LIMIT) compiled.delete(compiled.keys().next().value!);
  compiled.set(cacheKey, result);
  return result;
}

function compileUncached(rule: EmulatedRule): CompiledRule {
  const decoded = decodeRuleSql(rule.Sql);
  if (!decoded.ok) return { problem: `the stored Sql cannot be read: ${decoded.error.message}` };
  const checked = checkRuleSql(decoded.sql);
  if (!checked.ok) return { problem: `the stored Sql is not valid: ${checked.error.message}` };
  const actions = parseJsonBounded(rule.Actions, 'Actions');
  if (!actions.ok) return { tree: checked.tree, problem: `the stored ${actions.message}` };
  if (!Array.isArray(actions.value)) return { tree: checked.tree, problem: 'the stored Actions is not a JSON array' };
  return { tree: checked.tree, actions: actions.value };
}

type PayloadRead = { readonly value: unknown; readonly problem?: string };

function readPayload(payload: string): PayloadRead {
  if (payload.length > MAX_RULE_PAYLOAD_LENGTH)
    return {
      value: undefined,
      problem: `payload: ${payload.length} characters, more than the ${MAX_RULE_PAYLOAD_LENGTH} a message carries; its fields were not read`,
    };
  const read = parseJsonBounded(payload, 'payload');
  if (!read.ok) return { value: undefined, problem: `${read.message}; its fields read as null` };
  if (typeof read.value !== 'object' || read.value === null || Array.isArray(read.value))
    return { value: read.value, problem: 'payload: JSON but not an object; its fields read as null' };
  return { value: read.value };
}

/**
 * Runs every enabled rule whose FROM topic filter matches the message's topic (wildcards as topicMatchesFilter),
 * as IoT Hub's rule engine does on each published message: WHERE decides, SELECT builds the output, and each of the
 * rule's actions becomes an outcome for the broker to carry out or record. Disabled rules are not evaluated and
 * rules on other topics give no evaluation; a rule whose stored SQL no longer reads gives one with topicMatched
 * false and its problem, so it is seen rather than silently never firing. Never throws: whatever the message or
 * the stored rule holds, the answer is an evaluation with a named problem.
 */
export function evaluateTopicRules(rules: Iterable<EmulatedRule>, message: RuleMessage): RuleEvaluation[] {
  const evaluations: RuleEvaluation[] = [];
  let payload: PayloadRead | undefined;
  // Every evaluation is built by this one function with its fields written out: object spreads cost several µs a
  // message here once transpiled (the bench showed it), and the broker calls this for every message.
  const record = (
    rule: EmulatedRule,
    topicMatched: boolean,
    whereHeld: boolean | null,
    output: Readonly<Record<string, unknown>> | null,
    actions: readonly RuleActionOutcome[],
    problem: string | undefined,
  ): void => {
    const evaluation: RuleEvaluation = { ruleName: rule.RuleName, topic: message.topic, at: message.timestamp, topicMatched, whereHeld, output, actions };
    evaluations.push(problem === undefined ? evaluation : { ...evaluation, problem });
  };
  for (const rule of rules) {
    if (rule.RuleDisabled) continue;
    const ready = compile(rule);
    if (ready.tree === undefined) {
      record(rule, false, null, null, [], ready.problem);
      continue;
    }
    if (!topicMatchesFilter(ready.tree.from, message.topic)) continue;
    if (ready.actions === undefined) {
      record(rule, true, null, null, [], ready.problem);
      continue;
    }
    payload ??= readPayload(message.payload);
    try {
      const result = evaluateRuleSql(ready.tree, {
        payload: payload.value,
        rawPayload: message.payload,
        topic: message.topic,
        productId: message.productId,
        deviceName: message.deviceName,
        timestamp: message.timestamp,
      });
      if (!result.whereHeld) {
        record(rule, true, false, null, [], payload.problem);
        continue;
      }
      const outputJson = JSON.stringify(result.output);
      const actions = ruleActionOutcomes(ready.actions, {
        ruleName: rule.RuleName,
        topic: message.topic,
        productId: message.productId,
        deviceName: message.deviceName,
        timestamp: message.timestamp,
        outputJson,
        output: result.output,
      });
      record(rule, true, true, result.output, actions, payload.problem);
    } catch (error) {
      // Nothing above is meant to throw; if it does, the broker still gets an answer naming what happened.
      record(rule, true, null, null, [], `evaluation failed: ${String(error)}`);
    }
  }
  return evaluations;
}
