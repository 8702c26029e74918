// Every parser and entry point that reads text from outside, as fuzz targets (one file per area in targets/; the
// contract in targets/fuzzKit.ts). The fuzz test and the benchmark both read this list, so the inputs timed are the
// inputs tested. The order is the seed order (each target's seed is offset by its index): keep it.
import { CAPTURE_TARGETS } from './targets/captureTargets.js';
import { DEVICE_TARGETS } from './targets/deviceTargets.js';
import type { FuzzTarget } from './targets/fuzzKit.js';
import { RULE_TARGETS } from './targets/ruleTargets.js';
import { SHADOW_TARGETS } from './targets/shadowTargets.js';
import { SIGN_INPUT_TARGETS } from './targets/signInputTargets.js';

export { UndocumentedOutcome, type FuzzTarget, type Outcome } from './targets/fuzzKit.js';

const ALL = [...CAPTURE_TARGETS, ...RULE_TARGETS, ...SHADOW_TARGETS, ...SIGN_INPUT_TARGETS, ...DEVICE_TARGETS];
const ORDER = [
  'curl',
  'raw HTTP',
  'HAR',
  'rule SQL',
  'rule engine',
  'shadow JSON',
  'sign input',
  'diagnosis',
  'URL reader',
  'OneNET token',
  'device credentials',
  'MQTT CONNECT',
  'MQTT topic',
  'shadow over MQTT',
];

export const FUZZ_TARGETS: readonly FuzzTarget[] = ORDER.map((name) => ALL.find((target) => target.name === name)!);
