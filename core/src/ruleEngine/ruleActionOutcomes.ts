import { toBase64, utf8Encode } from '../encoding/bytes.js';

/** What one of a fired rule's actions does with its output; the broker carries out republish and forward. */
export type RuleActionOutcome =
  | {
      readonly kind: 'republish';
      readonly topic: string;
      readonly payload: string;
      readonly qos: 0 | 1;
      /** The rule that produced this message, so the broker can tell a republished message from a device's and stop loops. */
      readonly viaRule: string;
    }
  | { readonly kind: 'forward'; readonly url: string; readonly body: string }
  /** An action the emulator does not carry out: what it would send, and to where. */
  | { readonly kind: 'recorded'; readonly actionType: string; readonly target: string; readonly body: string };

/** The fired message, as the action payloads describe it. */
export interface FiredMessage {
  readonly ruleName: string;
  readonly topic: string;
  readonly productId: string;
  readonly deviceName: string;
  /** Milliseconds. */
  readonly timestamp: number;
  /** SELECT's output as JSON text: what republish publishes. */
  readonly outputJson: string;
  readonly output: Readonly<Record<string, unknown>>;
}

type JsonRecord = Readonly<Record<string, unknown>>;
const isRecord = (value: unknown): value is JsonRecord => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const named = (value: unknown): string => (isRecord(value) ? text(value['name']) || text(value['id']) : text(value));

/** "2018-08-14 15:12:05", the doc's Time format; in Beijing time (UTC+8), where the cloud's examples are written. */
function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The message queue envelope from the doc's "数据处理 / Data Processing" page (JSON sample for forwarding to
 * CMQ/CKafka, https://tencentcloud.com/document/product/1105/41485). Its Payload is "the original message's
 * payload, Base64-encoded"; here that is the rule's output, which is the original payload for SELECT *. Seq is
 * the cloud's internal counter, which the emulator does not have, so it is left out.
 */
const queueEnvelope = (m: FiredMessage) =>
  JSON.stringify({
    MsgType: 'Publish',
    Topic: m.topic,
    PayloadLen: utf8Encode(m.outputJson).length,
    Payload: toBase64(utf8Encode(m.outputJson)),
    ProductId: m.productId,
    DeviceName: m.deviceName,
    Time: beijingTime(m.timestamp),
  });

/** The same page's JSON sample for forwarding to a third-party service (http forward); timestamp in seconds, as shown. */
const forwardBody = (m: FiredMessage) =>
  JSON.stringify({ devicename: m.deviceName, payload: m.output, productid: m.productId, timestamp: Math.floor(m.timestamp / 1000), topic: m.topic });

/**
 * One action of TopicRulePayload.Actions (the shapes the CreateTopicRule doc lists: republish {topic}, forward
 * {api, token}, ckafka {instance, topic, region}, cmqueue {queuename, region}, mysql {instanceid, …}) as what it
 * does with a fired message. Targets name where a message would go and never carry a credential (mysql's
 * userpwd, forward's token).
 */
function outcomeOf(kind: string, body: unknown, m: FiredMessage): RuleActionOutcome {
  const b = isRecord(body) ? body : {};
  switch (kind) {
    case 'republish':
      return { kind: 'republish', topic: text(b['topic']), payload: m.outputJson, qos: b['qos'] === 1 ? 1 : 0, viaRule: m.ruleName };
    case 'forward':
      return { kind: 'forward', url: text(b['api']), body: forwardBody(m) };
    case 'ckafka':
      return {
        kind: 'recorded',
        actionType: kind,
        target: `CKafka ${named(b['instance'])} topic ${named(b['topic'])} (${text(b['region'])})`,
        body: queueEnvelope(m),
      };
    case 'cmqueue':
      return { kind: 'recorded', actionType: kind, target: `CMQ queue ${text(b['queuename'])} (${text(b['region'])})`, body: queueEnvelope(m) };
    case 'mysql':
      return {
        kind: 'recorded',
        actionType: kind,
        target: `MySQL ${text(b['instanceid'])} ${text(b['dbname'])}.${text(b['tablename'])} (${text(b['region'])})`,
        body: m.outputJson,
      };
    default:
      return { kind: 'recorded', actionType: kind, target: kind, body: m.outputJson };
  }
}

/** The outcomes of a fired rule's actions, in the order the rule lists them (each action a single-key object). */
export function ruleActionOutcomes(actions: readonly unknown[], message: FiredMessage): RuleActionOutcome[] {
  const outcomes: RuleActionOutcome[] = [];
  for (const action of actions) {
    if (!isRecord(action)) continue;
    for (const [kind, body] of Object.entries(action)) outcomes.push(outcomeOf(kind, body, message));
  }
  return outcomes;
}
