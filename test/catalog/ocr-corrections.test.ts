import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { findAction, findService, findStructure, getCatalog, lookupErrorCode } from '@iot-devkit/core';
import { readSeed, SEED } from './seedDocs.js';

const documents = new Map<string, string[]>(Object.values(SEED).map((file) => [file, readSeed(file).split('\n')]));
const services = [...getCatalog().services, ...getCatalog().vendors];
const corrections = services.flatMap((s) => s.ocrCorrections);

test('every recorded correction quotes text that really is in the document, at the line it names', () => {
  assert.ok(corrections.length >= 25, `${corrections.length} corrections`);
  for (const c of corrections) {
    const lines = documents.get(c.source);
    assert.ok(lines, `source ${c.source}`);
    assert.ok(c.line !== undefined && lines[c.line - 1]!.includes(c.from), `${c.source}:${c.line} contains "${c.from}" (${c.where})`);
    assert.notEqual(c.from, c.to);
    assert.ok(c.reason.length > 10, 'a reason is given');
  }
});

test('l/I confusions in error codes are corrected everywhere and the printed spelling is kept', () => {
  const bind = findAction('iotcloud', 'BindDevices')!;
  const gateway = bind.errors.find((e) => e.code === 'InvalidParameterValue.DeviceIsNotGateway');
  assert.equal(gateway?.docSpelling, 'InvalidParameterValue.DevicelsNotGateway');
  const codes = services.flatMap((s) => [...s.errorCodes.map((e) => e.code), ...('actions' in s ? s.actions.flatMap((a) => a.errors.map((e) => e.code)) : [])]);
  // "ls" after a lowercase letter and before a capital is never a real CamelCase word in these codes.
  assert.deepEqual(
    codes.filter((c) => /[a-z]ls[A-Z]/.test(c)),
    [],
  );
  for (const printed of [
    'FailedOperation.DevicelsUpdating',
    'UnauthorizedOperation.DevicelsNotEnabled',
    'UnauthorizedOperation.ProductsIsForbidden',
    'UnauthorizedOperation.ProductsForbidden',
  ]) {
    assert.ok(!codes.includes(printed), `${printed} is gone`);
    const lookup = lookupErrorCode(printed);
    assert.ok(lookup.found && lookup.viaDocSpelling === printed, `${printed} still finds the corrected code`);
  }
  // The vendor's own misspellings are real codes and stay as they are.
  for (const real of ['FailedOperation.DeviceFirmwareTaskAlreadDone', 'UnauthorizedOperation.UserNotAuthenticaed']) assert.ok(codes.includes(real), real);
});

test('field names, naming rules and garbled base64 examples are corrected', () => {
  assert.ok(findAction('iotcloud', 'DescribeDevice')!.outputs.some((o) => o.name === 'NBIoTDeviceID'));
  assert.equal(findAction('iotcloud', 'CreateDevice')!.params.find((p) => p.name === 'DeviceName')?.pattern, '^[a-zA-Z0-9:_-]{1,48}$');
  assert.equal(findAction('iotcloud', 'DescribeDeviceShadow')!.params.find((p) => p.name === 'DeviceName')?.pattern, '^[a-zA-Z0-9:_-]{1,60}$');
  const sql = findStructure('iotcloud', 'TopicRulePayload')!.fields.find((f) => f.name === 'Sql')!;
  assert.equal(Buffer.from(sql.example!, 'base64').toString('utf8'), "SELECT * FROM 'pid/dname/event'");
  for (const name of ['CreateTopicRule', 'ReplaceTopicRule']) {
    const body = findAction('iotcloud', name)!.examples[0]!.request.body as { TopicRulePayload: { Sql: string } };
    assert.equal(Buffer.from(body.TopicRulePayload.Sql, 'base64').toString('utf8'), "SELECT field1, field2 FROM 'srcProductId/srcDeviceName/event'", name);
  }
  const base64Fixes = corrections.filter((c) => /^[A-Za-z0-9+/]{20,}={0,2}$/.test(c.from));
  assert.equal(base64Fixes.length, 3);
  // The printed value decodes to bytes that are not text, which is how the garble shows.
  assert.ok(base64Fixes.some((c) => Buffer.from(c.from, 'base64').toString('utf8').includes('\uFFFD')));
  assert.equal(findService('iotcloud')!.structures.find((s) => s.name === 'CertInfo')!.fields[0]!.example, 'IotHub');
});

test('the committed data is exactly what the extractor makes from the seeds (--check)', () => {
  const script = new URL('../../core/scripts/extract-catalog.mjs', import.meta.url).pathname;
  const result = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});
