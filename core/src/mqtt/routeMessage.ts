import { utf8DecodeStrict, utf8Encode } from '../encoding/bytes.js';
import { evaluateTopicRules, type RuleMessage } from '../ruleEngine/evaluateTopicRules.js';
import type { EmulatorState } from '../emulator/EmulatorState.js';
import type { BrokerEffect } from './BrokerEffect.js';
import { pushBounded } from './BrokerRecord.js';
import { RRPC_REPLY_PREFIX, shadowOperationTopic, shadowResultTopic } from './deviceTopics.js';
import { applyShadowOperation } from './shadowOperation.js';

/** A message entering the emulator: from a connected device, or from PublishMessage for a device. */
export interface BrokerMessage {
  readonly topic: string;
  readonly payload: Uint8Array;
  readonly qos: 0 | 1;
  /** The device that sent it (MQTT) or that it is for (PublishMessage). */
  readonly productId: string;
  readonly deviceName: string;
  /** The sender's client id; "" for the API. */
  readonly clientId: string;
}

export interface RouteOutcome {
  readonly effects: BrokerEffect[];
  /** Rules whose topic matched and WHERE held, in evaluation order (republished messages' rules included). */
  readonly firedRules: string[];
  /** True when the state changed (a shadow report), so the host saves it. */
  readonly changed: boolean;
  /** A device's reply to PublishRRPCMessage (`$rrpc/txd/${ProductId}/${DeviceName}/${MessageId}`). */
  readonly rrpcReply?: { readonly messageId: number; readonly payload: Uint8Array };
}

/**
 * How many republishes may follow one message. A rule never runs on a message it produced itself (directly or through
 * other rules), which already ends every cycle; the hop limit also bounds long chains of distinct rules.
 */
export const MAX_REPUBLISH_HOPS = 8;

/** The rule engine's payload is text; bytes that are not UTF-8 are read with replacement characters. */
const lossyDecoder = new TextDecoder('utf-8');
const payloadText = (payload: Uint8Array): string => utf8DecodeStrict(payload) ?? lossyDecoder.decode(payload);

/**
 * Evaluates the enabled rules on one message, keeps every evaluation (bounded), and turns each fired rule's actions
 * into effects: republish → a delivery (itself evaluated in turn, without the rules of its chain), forward → a POST.
 * Other action types are only recorded by the engine ("would send to …").
 */
export function runTopicRules(
  state: EmulatorState,
  message: BrokerMessage,
  now: number,
  source: string,
  effects: BrokerEffect[],
  hop = 0,
  chain: ReadonlySet<string> = new Set(),
): string[] {
  // The engine skips disabled rules itself; a copy is made only to leave out the rules of a republish chain.
  const rules = chain.size === 0 ? state.rules.values() : [...state.rules.values()].filter((rule) => !chain.has(rule.RuleName));
  if (state.rules.size === 0) return [];
  const ruleMessage: RuleMessage = {
    topic: message.topic,
    payload: payloadText(message.payload),
    clientId: message.clientId,
    productId: message.productId,
    deviceName: message.deviceName,
    timestamp: now,
  };
  const fired: string[] = [];
  for (const evaluation of evaluateTopicRules(rules, ruleMessage)) {
    const record = state.broker;
    pushBounded(record.ruleEvaluations, { ...evaluation, id: record.nextEvaluationId++, source, hop });
    if (!evaluation.topicMatched || !evaluation.whereHeld || evaluation.problem !== undefined) continue;
    fired.push(evaluation.ruleName);
    for (const action of evaluation.actions) {
      if (action.kind === 'forward') effects.push({ kind: 'forward', url: action.url, body: action.body, ruleName: evaluation.ruleName });
      if (action.kind !== 'republish' || hop + 1 > MAX_REPUBLISH_HOPS) continue;
      const republished: BrokerMessage = { ...message, topic: action.topic, payload: utf8Encode(action.payload), qos: action.qos === 1 ? 1 : 0, clientId: '' };
      effects.push({
        kind: 'deliver',
        topic: republished.topic,
        payload: republished.payload,
        qos: republished.qos,
        cause: `rule ${evaluation.ruleName} republish`,
      });
      fired.push(...runTopicRules(state, republished, now, `rule ${evaluation.ruleName}`, effects, hop + 1, new Set([...chain, evaluation.ruleName])));
    }
  }
  return fired;
}

/**
 * What a device's PUBLISH (already allowed by checkDevicePublish) does besides reaching subscribers: a shadow request
 * is answered on the result topic, an RRPC reply is handed to the waiting PublishRRPCMessage, and the rules run.
 */
export function routeDeviceMessage(state: EmulatorState, message: BrokerMessage, now: number): RouteOutcome {
  const effects: BrokerEffect[] = [];
  let changed = false;
  let rrpcReply: RouteOutcome['rrpcReply'];
  const { productId, deviceName } = message;
  if (message.topic === shadowOperationTopic(productId, deviceName)) {
    const outcome = applyShadowOperation(state, productId, deviceName, payloadText(message.payload), now);
    changed = outcome.changed;
    effects.push({ kind: 'deliver', topic: shadowResultTopic(productId, deviceName), payload: utf8Encode(outcome.reply), qos: 0, cause: 'shadow result' });
  } else if (message.topic.startsWith(`${RRPC_REPLY_PREFIX}${productId}/${deviceName}/`)) {
    const id = message.topic.slice(`${RRPC_REPLY_PREFIX}${productId}/${deviceName}/`.length);
    if (/^\d{1,15}$/.test(id)) rrpcReply = { messageId: Number(id), payload: message.payload };
  }
  const firedRules = runTopicRules(state, message, now, message.clientId, effects);
  return { effects, firedRules, changed, ...(rrpcReply ? { rrpcReply } : {}) };
}
