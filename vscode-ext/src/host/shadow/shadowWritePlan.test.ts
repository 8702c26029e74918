import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findJsonSyntaxProblem, locateSyntaxError } from './jsonSyntaxProblem.js';
import { planShadowWrite } from './shadowWritePlan.js';

const valid = '{\n  "state": {\n    "desired": {\n      "targetTemperature": 2\n    }\n  },\n  "version": 5\n}\n';

describe('push or keep a shadow write', () => {
  it("pushes only on the user's own save", () => {
    assert.deepEqual(planShadowWrite('manual', valid, false), { kind: 'push' });
    for (const reason of ['afterDelay', 'focusOut', undefined] as const)
      assert.deepEqual(planShadowWrite(reason, valid, false), { kind: 'stage' }, `reason ${reason}`);
  });

  it('keeps half-typed JSON from auto-save silently, and names where it breaks on a save', () => {
    const halfTyped = valid.replace('"targetTemperature": 2', '"targetTemperature": ');
    assert.deepEqual(planShadowWrite('afterDelay', halfTyped, false), { kind: 'stage' });
    assert.deepEqual(planShadowWrite('manual', halfTyped, false), { kind: 'refuse', problem: { line: 5, column: 5, expected: 'value', found: '}' } });
  });

  it('does not push over an unresolved conflict: it would only conflict again', () => {
    assert.deepEqual(planShadowWrite('manual', valid, true), { kind: 'conflict' });
    assert.deepEqual(planShadowWrite('afterDelay', valid, true), { kind: 'stage' });
  });
});

describe('where a shadow text stops being JSON', () => {
  const at = (text: string) => findJsonSyntaxProblem(text);

  it('is nothing for valid JSON', () => {
    assert.equal(at(valid), undefined);
    assert.equal(at('[1, -2.5e3, "a\\u00e9\\n", true, false, null, {}]'), undefined);
  });

  it('names line, column, what is expected and what was found', () => {
    // A half-done key rename: the quote of "mode" deleted.
    assert.deepEqual(at('{\n  "desired": {\n    mode": "heat"\n  }\n}'), { line: 3, column: 5, expected: 'keyOrClose', found: 'mode": "heat"' });
    assert.deepEqual(at('{\n  "a": 1\n  "b": 2\n}'), { line: 3, column: 3, expected: 'commaOrBrace', found: '"b": 2' });
    assert.deepEqual(at('{"a" 1}'), { line: 1, column: 6, expected: 'colon', found: '1}' });
    assert.deepEqual(at('{"a": 1,}'), { line: 1, column: 9, expected: 'key', found: '}' });
    assert.deepEqual(at('[1 2]'), { line: 1, column: 4, expected: 'commaOrBracket', found: '2]' });
    assert.deepEqual(at('{"a": [}'), { line: 1, column: 8, expected: 'valueOrClose', found: '}' });
    assert.deepEqual(at('{"a": 1}}'), { line: 1, column: 9, expected: 'end', found: '}' });
    assert.deepEqual(at('{"a": tru}'), { line: 1, column: 7, expected: 'value', found: 'tru}' });
    assert.deepEqual(at('{"a": 01}'), { line: 1, column: 8, expected: 'commaOrBrace', found: '1}' });
    assert.deepEqual(at('{"a": "x\ty"}'), { line: 1, column: 7, expected: 'value', found: '"x\ty"}' });
    assert.deepEqual(at('{\r\n"a": '), { line: 2, column: 6, expected: 'value', found: undefined });
  });

  it('agrees with JSON.parse on what is JSON', () => {
    for (const text of ['{"a":1}', '{"a":1,}', '[', ']', '"\\x"', '-', '1.', '1e', '{"a":"\\u12"}', ' {} ', '{} x', 'nul', '[-0.0e+1]']) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      assert.equal(at(text) === undefined, valid, text);
    }
  });

  it('refuses a too-deep text before locating anything, and locates in one pass without recursion', () => {
    assert.match((at('['.repeat(100) + ']'.repeat(100)) as { message: string }).message, /^shadow: nested more than 64 levels/);
    // 200,000 open brackets and no close: found at the end, without a stack overflow.
    assert.deepEqual(locateSyntaxError('['.repeat(200_000)), { offset: 200_000, expected: 'valueOrClose' });
  });
});
