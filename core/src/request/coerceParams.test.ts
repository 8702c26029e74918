import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coerceParams } from './coerceParams.js';

test('text becomes the documented type at any depth; what does not convert is left for validation', () => {
  const fields = [
    { name: 'ShadowVersion', baseType: 'Integer' },
    { name: 'Skip', baseType: 'Boolean' },
    { name: 'DeviceName', baseType: 'String' },
    { name: 'Ids', baseType: 'Integer', array: true },
    { name: 'Attribute', baseType: 'Attribute', structure: 'Attribute' },
  ];
  const structures = [
    { name: 'Attribute', fields: [{ name: 'Tags', baseType: 'DeviceTag', array: true, structure: 'DeviceTag' }] },
    {
      name: 'DeviceTag',
      fields: [
        { name: 'Type', baseType: 'Integer' },
        { name: 'Tag', baseType: 'String' },
      ],
    },
  ];
  assert.deepEqual(
    coerceParams(
      { ShadowVersion: '3', Skip: 'true', DeviceName: '123', Ids: ['1', 'x'], Attribute: { Tags: [{ Type: '2', Tag: '7' }] }, Other: '5' },
      fields,
      structures,
    ),
    {
      ShadowVersion: 3,
      Skip: true,
      DeviceName: '123',
      Ids: [1, 'x'],
      Attribute: { Tags: [{ Type: 2, Tag: '7' }] },
      Other: '5',
    },
  );
});
