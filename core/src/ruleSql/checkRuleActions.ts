import { RULE_ERROR_CODES, ruleError, type RuleResult } from './RuleSqlError.js';

type JsonRecord = Record<string, unknown>;
const isRecord = (value: unknown): value is JsonRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The action kinds TopicRulePayload.Actions documents ("大部分种类举例如下"), with the fields its example gives
 * each. The list is "most kinds", so an unknown kind is a note, not an error.
 */
export const RULE_ACTION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  republish: ['topic'],
  forward: ['api'],
  ckafka: ['instance', 'topic', 'region'],
  cmqueue: ['queuename', 'region'],
  mysql: ['instanceid', 'region', 'username', 'userpwd', 'dbname', 'tablename', 'fieldpairs'],
};

export interface CheckedRuleActions {
  /** The parsed Actions array. */
  readonly actions: readonly JsonRecord[];
  /** Each action's kind (its single key), in order. */
  readonly kinds: readonly string[];
  /** Things worth a look that do not make the cloud refuse the rule (an undocumented kind). */
  readonly notes: readonly string[];
}

function checkOne(kind: string, body: unknown, where: string): RuleResult<{ readonly note?: string }> {
  const fields = RULE_ACTION_FIELDS[kind];
  if (fields === undefined)
    return { ok: true, note: `${where}: "${kind}" is not one of the kinds the doc shows (${Object.keys(RULE_ACTION_FIELDS).join(', ')}); it is sent as is` };
  if (!isRecord(body)) return ruleError(RULE_ERROR_CODES.invalidValue, `${where}.${kind}: expected an object with ${fields.join(', ')}`);
  const missing = fields.filter((field) => body[field] === undefined || body[field] === null || body[field] === '');
  if (missing.length > 0) return ruleError(RULE_ERROR_CODES.invalidValue, `${where}.${kind}: missing ${missing.join(', ')}`);
  if (kind === 'republish') {
    const topic = body['topic'];
    if (typeof topic !== 'string' || !/^[A-Za-z0-9]+\/[a-zA-Z0-9:_-]{1,48}\/[a-zA-Z0-9:_/-]+$/.test(topic)) {
      return ruleError(RULE_ERROR_CODES.republishTopic, `${where}.republish.topic: expected <ProductId>/<DeviceName>/<topic>, got ${JSON.stringify(topic)}`);
    }
  }
  if (kind === 'forward') {
    const api = body['api'];
    if (typeof api !== 'string' || !/^https?:\/\/[^\s/?#]+/i.test(api))
      return ruleError(RULE_ERROR_CODES.forwardUrl, `${where}.forward.api: expected an http(s) URL, got ${JSON.stringify(api)}`);
  }
  if (kind === 'mysql' && !Array.isArray(body['fieldpairs']))
    return ruleError(RULE_ERROR_CODES.invalidValue, `${where}.mysql.fieldpairs: expected an array of {"field","value"}`);
  return { ok: true };
}

/**
 * TopicRulePayload.Actions: a JSON string holding an array of single-key objects such as
 * [{"republish":{"topic":"PID/dev/data"}},{"forward":{"api":"http://…","token":"…"}}]. "[]" is a valid empty list
 * (the doc's own example); whether a rule may run without actions is the caller's decision (ActionNil).
 */
export function checkRuleActions(actionsJson: string): RuleResult<CheckedRuleActions> {
  if (typeof actionsJson !== 'string')
    return ruleError(RULE_ERROR_CODES.invalidValue, 'Actions: expected a JSON string such as "[]" or "[{\\"republish\\":{\\"topic\\":\\"PID/dev/data\\"}}]"');
  let parsed: unknown;
  try {
    parsed = JSON.parse(actionsJson);
  } catch (error) {
    return ruleError(RULE_ERROR_CODES.invalidValue, `Actions: not valid JSON (${error instanceof Error ? error.message : 'parse error'})`);
  }
  if (!Array.isArray(parsed))
    return ruleError(RULE_ERROR_CODES.invalidValue, 'Actions: expected a JSON array of actions, e.g. [{"republish":{"topic":"PID/dev/data"}}]');
  const kinds: string[] = [];
  const notes: string[] = [];
  for (const [i, action] of parsed.entries()) {
    const where = `Actions[${i}]`;
    if (!isRecord(action) || Object.keys(action).length !== 1)
      return ruleError(
        RULE_ERROR_CODES.invalidValue,
        `${where}: expected an object with exactly one key naming the kind (${Object.keys(RULE_ACTION_FIELDS).join(', ')})`,
      );
    const kind = Object.keys(action)[0]!;
    const checked = checkOne(kind, action[kind], where);
    if (!checked.ok) return checked;
    if (checked.note) notes.push(checked.note);
    kinds.push(kind);
  }
  return { ok: true, actions: parsed as JsonRecord[], kinds, notes };
}
