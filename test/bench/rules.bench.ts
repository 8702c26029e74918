import { createDemoState, DEMO_PRODUCT_ID, encodeRuleSql, evaluateTopicRules, type EmulatedRule, type RuleMessage } from '@iot-devkit/core';
import { availableParallelism, loadavg } from 'node:os';
import { fmt, measureMicrosInterleaved } from './measure.js';

/**
 * Rule evaluation per published message, as the broker calls it: the demo rule (one enabled rule on the topic, the
 * issue's throughput setup) firing and not firing, a rule using functions, nested fields and LIKE, and ten rules of
 * which one matches the topic. The issue's 20,000 messages/s through the broker leave 50 µs a message for
 * everything; the rule's share is what this prints.
 */
export async function bench(): Promise<string[]> {
  const now = Date.now();
  const demo = [...createDemoState(now).rules.values()];
  const topic = `${DEMO_PRODUCT_ID}/thermostat-1/event`;
  const message = (payload: unknown): RuleMessage => ({
    topic,
    payload: JSON.stringify(payload),
    clientId: `${DEMO_PRODUCT_ID}thermostat-1`,
    productId: DEMO_PRODUCT_ID,
    deviceName: 'thermostat-1',
    timestamp: now,
  });
  const hot = message({ temperature: 35, humidity: 40, mode: 'auto' });
  const cool = message({ temperature: 21, humidity: 40, mode: 'auto' });
  const rule = (name: string, sql: string): EmulatedRule => ({
    RuleName: name,
    Sql: encodeRuleSql(sql),
    Actions: JSON.stringify([{ republish: { topic: `${DEMO_PRODUCT_ID}/thermostat-2/control` } }, { forward: { api: 'http://127.0.0.1:9/hook' } }]),
    Description: '',
    RuleDisabled: false,
    CreatedAt: 0,
  });
  const rich = [
    rule(
      'rich',
      `SELECT upper(mode) AS mode, temperature * 9 / 5 + 32 AS f, deviceName() AS d, topic(2), concat(mode, '-x') FROM '${DEMO_PRODUCT_ID}/+/event' WHERE (temperature > 30 OR humidity IS NULL) AND mode LIKE 'a%' AND mode IN ('auto', 'eco')`,
    ),
  ];
  const ten = Array.from({ length: 10 }, (_, i) =>
    rule(`r${i}`, `SELECT * FROM '${DEMO_PRODUCT_ID}/+/${i === 0 ? 'event' : `topic${i}`}' WHERE temperature > 30`),
  );
  const results = measureMicrosInterleaved(
    {
      demoFires: () => evaluateTopicRules(demo, hot),
      demoHolds: () => evaluateTopicRules(demo, cool),
      rich: () => evaluateTopicRules(rich, hot),
      ten: () => evaluateTopicRules(ten, hot),
    },
    20_000,
  );
  const perSecond = (micros: number) => `${Math.round(1e6 / micros).toLocaleString('en-US')}/s`;
  return [
    `Rule engine: evaluateTopicRules per published message (median of 7 rounds of 20,000 calls; load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
    `  demo rule thermostat_overheat, WHERE holds (republish)       ${fmt(results.demoFires).padStart(9)}   ${perSecond(results.demoFires)}`,
    `  demo rule thermostat_overheat, WHERE does not hold            ${fmt(results.demoHolds).padStart(9)}   ${perSecond(results.demoHolds)}`,
    `  functions, arithmetic, LIKE, IN; republish + forward           ${fmt(results.rich).padStart(9)}   ${perSecond(results.rich)}`,
    `  ten rules, one on the topic                                   ${fmt(results.ten).padStart(9)}   ${perSecond(results.ten)}`,
  ];
}
