import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRequestSize } from './checkRequestSize.js';
import { validateParams, type ParamRules, type StructureRules } from './validateParams.js';

const structures: StructureRules[] = [
  { name: 'Attribute', fields: [{ name: 'Tags', array: true, baseType: 'DeviceTag', structure: 'DeviceTag' }] },
  {
    name: 'DeviceTag',
    fields: [
      { name: 'Tag', required: true, baseType: 'String' },
      { name: 'Type', required: true, baseType: 'Integer', enum: [1, 2, 3] },
    ],
  },
];
const params: ParamRules[] = [
  { name: 'ProductId', required: true, baseType: 'String' },
  { name: 'DeviceName', required: true, baseType: 'String', pattern: '^[a-zA-Z0-9:_-]{1,48}$' },
  { name: 'Attribute', baseType: 'Attribute', structure: 'Attribute' },
];

test('nested structures are checked field by field, with dotted names', () => {
  const problems = validateParams(
    {
      ProductId: 'P',
      DeviceName: 'd',
      Attribute: {
        Tags: [
          { Tag: 't', Type: 1 },
          { Type: 9, Extra: 1 },
        ],
      },
    },
    params,
    structures,
  );
  assert.deepEqual(
    problems.map((p) => [p.field, p.code]),
    [
      ['Attribute.Tags.1.Extra', 'UnknownParameter'],
      ['Attribute.Tags.1.Tag', 'MissingParameter'],
      ['Attribute.Tags.1.Type', 'InvalidParameterValue'],
    ],
  );
});

test('a wrongly cased name gets a did-you-mean', () => {
  const [problem] = validateParams({ ProductId: 'P', devicename: 'd', DeviceName: 'd' }, params, structures);
  assert.match(problem!.message, /^devicename: not a parameter of this action \(did you mean DeviceName\?\)/);
});

test('a swapped or dropped letter in a parameter name gets a did-you-mean too (edit distance with swaps)', () => {
  const [swapped] = validateParams({ ProductId: 'P', DeviceNmae: 'd' }, params, structures);
  assert.match(swapped!.message, /^DeviceNmae: not a parameter of this action \(did you mean DeviceName\?\)/);
  const [dropped] = validateParams({ ProdutId: 'P', DeviceName: 'd' }, params, structures);
  assert.match(dropped!.message, /^ProdutId: not a parameter of this action \(did you mean ProductId\?\)/);
  const [noise] = validateParams({ ProductId: 'P', DeviceName: 'd', Zzzzzzzz: 1 }, params, structures);
  assert.doesNotMatch(noise!.message, /did you mean/);
});

test('size limits: GET over 32 KB, v1 POST over 1 MB, TC3 POST over 10 MB', () => {
  const big = (n: number) => 'x'.repeat(n);
  assert.equal(checkRequestSize({ method: 'GET', url: 'https://h/?' + big(1000), headers: {}, body: '' }, 'TC3-HMAC-SHA256'), undefined);
  assert.match(
    checkRequestSize({ method: 'GET', url: 'https://h/?' + big(33 * 1024), headers: {}, body: '' }, 'TC3-HMAC-SHA256')!,
    /^request: a GET request is limited to 32 KB/,
  );
  assert.match(checkRequestSize({ method: 'POST', url: 'https://h/', headers: {}, body: big(1024 * 1024 + 1) }, 'HmacSHA1')!, /^body: .* limited to 1 MB/);
  assert.equal(checkRequestSize({ method: 'POST', url: 'https://h/', headers: {}, body: big(1024 * 1024 + 1) }, 'TC3-HMAC-SHA256'), undefined);
  assert.match(
    checkRequestSize({ method: 'POST', url: 'https://h/', headers: {}, body: big(10 * 1024 * 1024 + 1) }, 'TC3-HMAC-SHA256')!,
    /^body: .* limited to 10 MB/,
  );
});
