import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editDistance, suggestNearest } from './suggestNearest.js';

test('edit distance counts insertions, deletions, substitutions and swaps, ignoring case', () => {
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('abc', 'ABC'), 0);
  assert.equal(editDistance('SignatureExpire', 'SignatureExpried'), 2);
  assert.equal(editDistance('ab', 'ba'), 1);
  assert.equal(editDistance('', 'abc'), 3);
});

test('nearest candidates: full code, last segment, contained words; nothing for noise', () => {
  const codes = [
    'AuthFailure.SignatureExpire',
    'AuthFailure.SignatureFailure',
    'InvalidParameter',
    'InvalidParameterValue',
    'FailedOperation.UpdateVersionNotMatch',
  ];
  assert.equal(suggestNearest('authfailure.signatureexpir', codes)[0], 'AuthFailure.SignatureExpire');
  assert.equal(suggestNearest('SignatureExpired', codes)[0], 'AuthFailure.SignatureExpire');
  assert.deepEqual(suggestNearest('UpdateVersionNotMatch', codes), ['FailedOperation.UpdateVersionNotMatch']);
  assert.deepEqual(suggestNearest('InvalidParameterValu', codes, 1), ['InvalidParameterValue']);
  assert.deepEqual(suggestNearest('zzzzzzzz', codes), []);
  assert.deepEqual(suggestNearest('', codes), []);
});
