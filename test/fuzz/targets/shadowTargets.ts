// Fuzz target for the shadow JSON readers (the editor's text, DescribeDeviceShadow's Data, an update prepared).
import fc from 'fast-check';
import { parseShadowData, prepareShadowUpdate, readShadowState, SHADOW_ERROR_CODES } from '@iot-devkit/core';
import { expect, repeat, textInputs, type FuzzTarget, type Outcome } from './fuzzKit.js';

// ── shadow ──────────────────────────────────────────────────────────────────────────────────────────────────────
const SHADOW_DATA = JSON.stringify({
  payload: {
    state: { reported: { temperature: 21, mode: 'auto' }, desired: { targetTemperature: 18, __proto__: 1 } },
    metadata: { reported: { temperature: { timestamp: 1551113065000 } } },
    timestamp: 1551113065000,
    version: 5,
  },
  result: 0,
  timestamp: 1551113065000,
  type: 'get',
});
const SHADOW_SAMPLES = [
  '{"desired":{"color":"red","level":{"a":[1,2,{"b":null}]}}}',
  '{"desired":{"__proto__":{"x":1},"constructor":2}}',
  SHADOW_DATA,
  '{"state":{"desired":{"a":1}},"version":3}',
];
const shadowInputs = fc.oneof(
  { weight: 4, arbitrary: textInputs(SHADOW_SAMPLES, ['{', '}', '[', ']', '"', ',', ':', 'null', '"desired":', '"reported":', '\\ud800', '[[[[[[[[[[']) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 5 }).map((desired) => JSON.stringify({ desired })) },
  { weight: 1, arbitrary: fc.nat({ max: 4000 }).map((depth) => `{"desired":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}`) },
);
const SHADOW_CODES = new Set<string>(Object.values(SHADOW_ERROR_CODES));
const ORIGINAL = { state: { desired: { targetTemperature: 18 }, reported: { temperature: 21 } }, metadata: {}, version: 5, timestamp: 0 };

function checkShadow(result: { ok: boolean; error?: { code: string; message: string } }): Outcome {
  if (result.ok) return 'ok';
  expect(SHADOW_CODES.has(result.error!.code), `a documented shadow error code, got ${result.error!.code}`);
  expect(result.error!.message.length > 0, 'a message');
  return 'refused';
}

export const SHADOW_TARGETS: readonly FuzzTarget[] = [
  {
    name: 'shadow JSON',
    inputs: shadowInputs,
    run: (input) => {
      const text = input as string;
      const outcomes = [
        checkShadow(readShadowState(text)),
        checkShadow(parseShadowData(text)),
        checkShadow(prepareShadowUpdate({ productId: 'ABCDE12345', deviceName: 'dev1', editedText: text, original: ORIGINAL })),
      ];
      return outcomes.includes('ok') ? 'ok' : 'refused';
    },
    adversarial: (n) => [
      ['nested arrays in desired (8 KB passes the size limit)', `{"desired":{"a":${'['.repeat(n / 2)}${']'.repeat(n / 2)}}}`],
      ['nested objects', `{"desired":${repeat('{"a":', n)}1${'}'.repeat(Math.floor(n / 5))}}`],
      ['backslashes in a string', `{"desired":{"a":"${repeat('\\\\', n)}"}}`],
      ['many keys', `{"desired":{${repeat('"k":1,', n)}"z":0}}`],
    ],
  },
];
