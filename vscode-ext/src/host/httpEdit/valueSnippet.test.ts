import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ParameterCompletion } from '@iot-devkit/core';
import { parameterSnippet } from './valueSnippet.js';

const parameter = (overrides: Partial<ParameterCompletion>): ParameterCompletion => ({
  name: 'DeviceName',
  type: 'String',
  required: true,
  description: { text: 'Device name', lang: 'en' },
  valueKind: 'string',
  secret: false,
  ...overrides,
});

test('the value tab stop follows the JSON kind of the parameter', () => {
  assert.equal(parameterSnippet(parameter({}), false), '"DeviceName": "$1"');
  assert.equal(parameterSnippet(parameter({ name: 'Limit', valueKind: 'number' }), false), '"Limit": ${1:0}');
  assert.equal(parameterSnippet(parameter({ name: 'On', valueKind: 'boolean' }), false), '"On": ${1|true,false|}');
  assert.equal(parameterSnippet(parameter({ name: 'Tags', valueKind: 'array' }), false), '"Tags": [$1]');
  assert.equal(parameterSnippet(parameter({ name: 'Attribute', valueKind: 'object' }), false), '"Attribute": {$1}');
});

test('a documented enum is a choice; an example fills a string unless the parameter is secret; a ":" already typed keeps the name only', () => {
  assert.equal(parameterSnippet(parameter({ name: 'Mode', valueKind: 'number', enum: [0, 1] }), false), '"Mode": ${1|0,1|}');
  assert.equal(parameterSnippet(parameter({ example: 'dev_$1}' }), false), '"DeviceName": "${1:dev_\\$1\\}}"');
  assert.equal(parameterSnippet(parameter({ name: 'DefinedPsk', example: 'c2VjcmV0', secret: true }), false), '"DefinedPsk": "$1"');
  assert.equal(parameterSnippet(parameter({}), true), '"DeviceName"');
});
