import type { LocalizedText } from '../signing/SigningStep.js';
import type { RuleEvaluation } from '../ruleEngine/evaluateTopicRules.js';

/** A device connected to the emulator's broker now (DescribeDevice's Online, LoginTime and ClientIP come from here). */
export interface DeviceConnection {
  readonly clientId: string;
  readonly productId: string;
  readonly deviceName: string;
  readonly clientIp: string;
  readonly transport: 'tcp' | 'ws';
  /** Milliseconds. */
  readonly connectedAt: number;
}

/** A CONNECT the broker refused, kept with the verifier's named cause. No username, password or PSK is kept. */
export interface RefusedConnection {
  /** Milliseconds. */
  readonly at: number;
  readonly clientId: string;
  readonly clientIp: string;
  readonly returnCode: number;
  readonly cause: LocalizedText;
  readonly problems: readonly string[];
}

/** A PUBLISH dropped or a SUBSCRIBE answered 0x80, with the reason. */
export interface TopicRefusal {
  readonly at: number;
  readonly clientId: string;
  readonly operation: 'publish' | 'subscribe';
  readonly topic: string;
  readonly reason: string;
}

/** The broker's side of the state: what is live now and what happened recently. Never saved to the data file. */
export interface BrokerRecord {
  /** Keyed by client id. */
  readonly connections: Map<string, DeviceConnection>;
  readonly refusedConnections: RefusedConnection[];
  readonly topicRefusals: TopicRefusal[];
  readonly ruleEvaluations: RuleEvaluationRecord[];
  nextEvaluationId: number;
}

/** One rule evaluated on one message, numbered so a UI can ask for what is new (GET /_emulator/rule-evaluations?since=). */
export interface RuleEvaluationRecord extends RuleEvaluation {
  readonly id: number;
  /** What sent the message: a device's client id, "PublishMessage", or the rule that republished it. */
  readonly source: string;
  /** How many republishes led to this message (0 for a device's or the API's own message). */
  readonly hop: number;
}

/** How many refusals of each kind, and rule evaluations, are kept, newest last. */
export const MAX_BROKER_RECORDS = 200;

export const createBrokerRecord = (): BrokerRecord => ({
  connections: new Map(),
  refusedConnections: [],
  topicRefusals: [],
  ruleEvaluations: [],
  nextEvaluationId: 1,
});

/** Appends and drops the oldest beyond `limit`, so a client retrying in a loop cannot grow the record. */
export function pushBounded<T>(list: T[], item: T, limit = MAX_BROKER_RECORDS): void {
  list.push(item);
  if (list.length > limit) list.splice(0, list.length - limit);
}

/** The live connection of a device, if any (a device has at most one: a second CONNECT with its client id takes over). */
export function connectionOf(record: BrokerRecord, productId: string, deviceName: string): DeviceConnection | undefined {
  return record.connections.get(productId + deviceName);
}
