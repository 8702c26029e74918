import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findActionEntry, listActions } from '../catalog/catalog.js';
import { coerceParams } from './coerceParams.js';
import { validateParams } from './validateParams.js';
import { actionSkeleton } from './actionSkeleton.js';

test('every input parameter of every action is in its skeleton, with a legend line per path', () => {
  for (const entry of listActions()) {
    const skeleton = actionSkeleton(entry.action.params, entry.service, 'input');
    assert.deepEqual(
      Object.keys(skeleton.value),
      entry.action.params.map((p) => p.name),
      entry.action.name,
    );
    for (const param of entry.action.params)
      assert.ok(
        skeleton.fields.some((f) => f.path === param.name && f.type === param.type),
        `${entry.action.name}.${param.name}`,
      );
  }
});

test('values are typed as documented: numbers, booleans, arrays of one item, structures field by field', () => {
  const entry = findActionEntry('iotcloud', 'CreateDevice')!;
  const { value, fields } = actionSkeleton(entry.action.params, entry.service, 'input');
  assert.equal(typeof value['Isp'], 'number');
  assert.deepEqual(Object.keys((value['Attribute'] as { Tags: object[] }).Tags[0]!), ['Tag', 'Type', 'Value', 'Name']);
  assert.deepEqual(
    fields.filter((f) => f.path.startsWith('Attribute')).map((f) => [f.path, f.required]),
    [
      ['Attribute', false],
      ['Attribute.Tags', false],
      ['Attribute.Tags.0.Tag', false],
      ['Attribute.Tags.0.Type', false],
      ['Attribute.Tags.0.Value', false],
      ['Attribute.Tags.0.Name', false],
    ],
  );
  // The required parameters alone, as the skeleton gives them, pass the catalog's own checks.
  const required = Object.fromEntries(entry.action.params.filter((p) => p.required).map((p) => [p.name, value[p.name]]));
  assert.deepEqual(validateParams(coerceParams(required, entry.action.params, entry.service.structures), entry.action.params, entry.service.structures), []);
});

test('output skeletons hold the documented response fields', () => {
  const entry = findActionEntry('iotcloud', 'DescribeDeviceShadow')!;
  const { value } = actionSkeleton(entry.action.outputs, entry.service, 'output');
  assert.deepEqual(
    Object.keys(value),
    entry.action.outputs.map((o) => o.name),
  );
});
