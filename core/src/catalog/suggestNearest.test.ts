import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editDistance, suggestNearest } from './suggestNearest.js';

test('edit distance counts insertions, deletions, substitutions and swaps, ignoring case', () => {
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('abc', 'ABC'), 0);
  assert.equal(editDistance('SignatureExpire', 'SignatureExpried'), 2);
  assert.equal(editDistance('ab', 'ba'), 1);
  assert.equal(editDistance('', 'abc'), 3);
  // A transposition costs 1 (plain Levenshtein counts it 2): the SigantureFailure.
  assert.equal(editDistance('SigantureFailure', 'SignatureFailure'), 1);
  assert.equal(editDistance('DeviceNmae', 'DeviceName'), 1);
  assert.equal(editDistance('CraeteDevcie', 'CreateDevice'), 2);
  // Optimal string alignment: a swapped pair is not edited again, so "ca" → "abc" is 3 (unrestricted Damerau–Levenshtein
  // gives 2). Typos in names are single swaps; OSA keeps three rolling rows and no alphabet table.
  assert.equal(editDistance('ca', 'abc'), 3);
  assert.equal(editDistance('abc', 'ca'), 3);
  // Symmetric and zero only for equal (case-insensitive) text.
  for (const [a, b] of [
    ['SignatureExpire', 'SignatureExpried'],
    ['InvalidAction', 'InvaildAction'],
    ['x', ''],
  ] as const) {
    assert.equal(editDistance(a, b), editDistance(b, a));
    assert.ok(editDistance(a, b) > 0);
  }
});

test("did you mean for the issue's typos: a swap in a code, an action, a dotted code", () => {
  const codes = ['AuthFailure.SignatureExpire', 'AuthFailure.SignatureFailure', 'AuthFailure.SecretIdNotFound', 'InvalidAction'];
  assert.equal(suggestNearest('SigantureFailure', codes)[0], 'AuthFailure.SignatureFailure');
  assert.equal(suggestNearest('AuthFailure.SigantureFailure', codes)[0], 'AuthFailure.SignatureFailure');
  assert.deepEqual(suggestNearest('DescirbeDevice', ['DescribeDevice', 'DescribeDevices', 'DeleteDevice'], 2), ['DescribeDevice', 'DescribeDevices']);
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

test('editDistance with a cap answers exactly, or cap + 1 when farther', () => {
  // A small deterministic generator: strings over a 3-letter alphabet hit transpositions and repeats often.
  let seed = 15;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const word = () => Array.from({ length: Math.floor(next() * 9) }, () => 'abC'[Math.floor(next() * 3)]).join('');
  for (let i = 0; i < 3000; i++) {
    const [a, b, cap] = [word(), word(), Math.floor(next() * 6)];
    const exact = editDistance(a, b);
    assert.equal(editDistance(a, b, cap), exact <= cap ? exact : cap + 1, `${a} / ${b} capped at ${cap}`);
  }
});

test('did you mean gives the same answer with the character-count bound as by distance alone', () => {
  // The bound only skips candidates that are provably too far: compare with a plain ranking by distance.
  let seed = 151;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const word = () => Array.from({ length: 3 + Math.floor(next() * 8) }, () => 'abcdE'[Math.floor(next() * 5)]).join('');
  const candidates = Array.from({ length: 300 }, word);
  for (let i = 0; i < 300; i++) {
    const query = word();
    const q = query.toLowerCase();
    const allowed = Math.max(2, Math.floor(q.length * 0.35));
    for (const c of candidates) {
      const exact = editDistance(query, c);
      if (exact <= allowed && Math.abs(c.length - q.length) <= allowed)
        assert.ok(suggestNearest(query, [c], 1).length === 1, `${query} keeps ${c} (distance ${exact})`);
    }
  }
});
