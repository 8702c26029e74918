import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyShadowUpdate, mergeShadowSection } from './applyShadowUpdate.js';
import { computeShadowDelta } from './computeShadowDelta.js';
import { createMergePatch } from './createMergePatch.js';
import { formatShadowData } from './formatShadowData.js';
import { mergeDesired } from './mergeDesired.js';
import { parseShadowData } from './parseShadowData.js';
import { prepareShadowUpdate } from './prepareShadowUpdate.js';
import { readShadowState } from './readShadowState.js';
import type { JsonObject, ShadowDocument } from './ShadowDocument.js';

// DescribeDeviceShadow's output example from the doc, character for character.
const DOC_DATA =
  '{"payload":{"state":{"reported":{"color":"red"}},"metadata":{"reported":{"color":{"timestamp":1509092895971}}},"timestamp":1509443636326,"version":5},"result":0,"timestamp":1509440846582,"type":"get"}';

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error!.code);

test('parseShadowData reads the doc example: reported state, metadata, version 5, no delta', () => {
  const parsed = parseShadowData(DOC_DATA);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.shadow.state, { reported: { color: 'red' } });
  assert.equal(parsed.shadow.version, 5);
  assert.equal(parsed.shadow.timestamp, 1509443636326);
  assert.deepEqual(parsed.envelope, { result: 0, timestamp: 1509440846582, type: 'get' });
  assert.equal(parsed.delta, undefined);
});

test('parseShadowData names what is wrong', () => {
  assert.equal(codeOf(parseShadowData('{"payload":')), 'InvalidParameterValue.InvalidJSON');
  const noVersion = parseShadowData('{"payload":{"state":{}}}');
  assert.ok(!noVersion.ok);
  assert.match(noVersion.error.message, /^Data\.payload\.version: /);
  const badHalf = parseShadowData('{"state":{"desired":[1]},"version":1}');
  assert.ok(!badHalf.ok);
  assert.match(badHalf.error.message, /^Data\.state\.desired: expected an object/);
});

test('formatShadowData round-trips through parseShadowData in the doc key order', () => {
  const shadow: ShadowDocument = {
    state: { desired: { t: 21 }, reported: { t: 19 } },
    metadata: { desired: { t: { timestamp: 2 } }, reported: { t: { timestamp: 1 } } },
    version: 3,
    timestamp: 2,
  };
  const data = formatShadowData(shadow, 'update', 9);
  assert.ok(data.startsWith('{"payload":{"state":'));
  assert.ok(data.endsWith(',"result":0,"timestamp":9,"type":"update"}'));
  const parsed = parseShadowData(data);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.shadow, shadow);
  assert.deepEqual(parsed.delta, { t: 21 });
});

test('mergeDesired merges objects key by key, replaces scalars and arrays, and null deletes', () => {
  const target = { color: 'red', led: { on: true, level: 3 }, list: [1, 2], keep: 1 };
  const merged = mergeDesired(target, { color: 'blue', led: { level: null, mode: 'eco' }, list: [3], keep: null, added: { a: 1 } });
  assert.deepEqual(merged, { color: 'blue', led: { on: true, mode: 'eco' }, list: [3], added: { a: 1 } });
  assert.deepEqual(target, { color: 'red', led: { on: true, level: 3 }, list: [1, 2], keep: 1 }, 'input untouched');
});

test('mergeDesired stores a "__proto__" key as data, never as a prototype', () => {
  const patch = JSON.parse('{"__proto__":{"polluted":true}}') as JsonObject;
  const merged = mergeDesired({}, patch);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.equal(Object.getPrototypeOf(merged), Object.prototype);
  assert.deepEqual(JSON.parse(JSON.stringify(merged)), JSON.parse('{"__proto__":{"polluted":true}}'));
});

test('computeShadowDelta keeps only desired values the device has not reported', () => {
  assert.deepEqual(
    computeShadowDelta({ color: 'red', led: { on: true, level: 3 }, list: [1] }, { color: 'red', led: { on: true, level: 1 }, list: [1, 2], extra: 1 }),
    { led: { level: 3 }, list: [1] },
  );
  assert.equal(computeShadowDelta({ a: 1 }, { a: 1, b: 2 }), undefined);
  assert.deepEqual(computeShadowDelta({ a: 1 }, undefined), { a: 1 });
  assert.equal(computeShadowDelta(undefined, { a: 1 }), undefined);
});

test('readShadowState applies the documented codes: 8 KB, invalid JSON, invalid node, not mergeable', () => {
  const pad = (bytes: number) => `{"desired":{"p":"${'x'.repeat(bytes - 20)}"}}`;
  assert.equal(pad(8192).length, 8192);
  assert.equal(codeOf(readShadowState(pad(8192))), 'ok');
  assert.equal(codeOf(readShadowState(pad(8193))), 'InvalidParameterValue.JSONSizeExceedLimit');
  // Bytes, not characters: 3,000 CJK characters are 9,000 bytes of UTF-8.
  assert.equal(codeOf(readShadowState(`{"desired":{"p":"${'设'.repeat(3000)}"}}`)), 'InvalidParameterValue.JSONSizeExceedLimit');
  assert.equal(codeOf(readShadowState('{"desired":{"color":"red"}')), 'InvalidParameterValue.InvalidJSON');
  assert.equal(codeOf(readShadowState('{"desired":{},"reported":{"color":"red"}}')), 'InvalidParameterValue.JSONHasInvalidNode');
  assert.equal(codeOf(readShadowState('{"desired":"red"}')), 'InvalidParameterValue.NotMergeAble');
  assert.equal(codeOf(readShadowState('[1]')), 'InvalidParameterValue.NotMergeAble');
  assert.equal(codeOf(readShadowState('{}')), 'InvalidParameterValue');
});

test('applyShadowUpdate checks ShadowVersion, merges desired and bumps the version', () => {
  const first = applyShadowUpdate(undefined, { state: '{"desired":{"color":"red"}}', shadowVersion: 0 }, 1000);
  assert.ok(first.ok);
  assert.equal(first.shadow.version, 1);
  assert.deepEqual(first.shadow.metadata.desired, { color: { timestamp: 1000 } });
  const stale = applyShadowUpdate(first.shadow, { state: '{"desired":{"color":"blue"}}', shadowVersion: 0 }, 2000);
  assert.equal(codeOf(stale), 'FailedOperation.UpdateVersionNotMatch');
  assert.ok(!stale.ok && stale.error.message.includes('version 1'));
  const second = applyShadowUpdate(first.shadow, { state: '{"desired":{"color":null,"mode":"eco"}}', shadowVersion: 1 }, 2000);
  assert.ok(second.ok);
  assert.deepEqual(second.shadow.state.desired, { mode: 'eco' });
  assert.deepEqual(second.shadow.metadata.desired, { mode: { timestamp: 2000 } });
  assert.equal(second.shadow.version, 2);
  const reported = mergeShadowSection(second.shadow, 'reported', { mode: 'eco' }, 3000);
  assert.equal(reported.version, 3);
  assert.deepEqual(reported.state, { desired: { mode: 'eco' }, reported: { mode: 'eco' } });
});

test('createMergePatch is the inverse of mergeDesired', () => {
  const from = { a: 1, b: { c: 2, d: 3 }, e: [1], gone: true };
  const to = { a: 1, b: { c: 5 }, e: [1, 2], added: 'x' };
  const patch = createMergePatch(from, to);
  assert.deepEqual(patch, { gone: null, b: { c: 5, d: null }, e: [1, 2], added: 'x' });
  assert.deepEqual(mergeDesired(from, patch), to);
});

test('prepareShadowUpdate sends only the desired patch with the version that was read', () => {
  const original: ShadowDocument = { state: { desired: { color: 'red', level: 2 }, reported: { color: 'green' } }, metadata: {}, version: 7, timestamp: 1 };
  const edited = JSON.stringify({ state: { desired: { color: 'blue' }, reported: { color: 'hacked' } }, metadata: {}, version: 99, timestamp: 1 });
  const prepared = prepareShadowUpdate({ productId: 'ABCDE12345', deviceName: 'dev1', editedText: edited, original });
  assert.ok(prepared.ok);
  assert.deepEqual(prepared.params, { ProductId: 'ABCDE12345', DeviceName: 'dev1', State: '{"desired":{"level":null,"color":"blue"}}', ShadowVersion: 7 });
  assert.equal(prepared.changes, 2);
  assert.equal(prepared.ignored.length, 2);
  assert.match(prepared.ignored[0]!, /^state\.reported: /);
  assert.match(prepared.ignored[1]!, /^version: .*ShadowVersion 7/);
});

test('prepareShadowUpdate accepts the whole Data envelope and refuses invalid JSON or more than 8 KB', () => {
  const fromEnvelope = prepareShadowUpdate({
    productId: 'P',
    deviceName: 'd',
    editedText: DOC_DATA.replace('"reported":{"color":"red"}', '"desired":{"color":"blue"},"reported":{"color":"red"}'),
  });
  assert.ok(fromEnvelope.ok);
  assert.equal(fromEnvelope.params.ShadowVersion, 5);
  assert.equal(fromEnvelope.params.State, '{"desired":{"color":"blue"}}');
  const broken = prepareShadowUpdate({ productId: 'P', deviceName: 'd', editedText: '{"state":{"desired":{"a":1}},"version":1' });
  assert.ok(!broken.ok);
  assert.equal(broken.error.code, 'InvalidParameterValue.InvalidJSON');
  assert.match(broken.error.message, /nothing was sent/);
  const big = prepareShadowUpdate({
    productId: 'P',
    deviceName: 'd',
    editedText: JSON.stringify({ state: { desired: { blob: 'x'.repeat(9000) } }, version: 1 }),
  });
  assert.ok(!big.ok);
  assert.equal(big.error.code, 'InvalidParameterValue.JSONSizeExceedLimit');
  assert.match(big.error.message, /9\d{3} bytes.*8192/);
});

test('shadow JSON nested past the limit is refused with a ShadowError naming the field, never a stack overflow', async () => {
  const { readShadowState } = await import('./readShadowState.js');
  const { prepareShadowUpdate } = await import('./prepareShadowUpdate.js');
  const nested = '['.repeat(3000) + ']'.repeat(3000);
  const state = readShadowState(`{"desired":{"a":${nested}}}`);
  assert.ok(!state.ok);
  assert.equal(state.error.code, 'InvalidParameterValue');
  assert.match(state.error.message, /^State: nested more than 32 levels deep/);
  const edit = prepareShadowUpdate({ productId: 'P', deviceName: 'd', editedText: `{"state":{"desired":{"a":${nested}}},"version":1}` });
  assert.ok(!edit.ok);
  assert.match(edit.error.message, /^the edited shadow: nested more than 32 levels deep.*nothing was sent$/);
  const data = parseShadowData(`{"payload":{"state":{"reported":{"a":${nested}}},"version":1}}`);
  assert.ok(!data.ok);
  assert.match(data.error.message, /^Data: nested more than 32 levels deep/);
  assert.ok(readShadowState(`{"desired":{"a":${'['.repeat(20)}${']'.repeat(20)}}}`).ok, 'ordinary nesting is fine');
});
