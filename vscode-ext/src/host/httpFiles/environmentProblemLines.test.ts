import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEnvironments } from '@iot-devkit/core';
import { locateEnvironmentProblems } from './environmentProblemLines.js';

const located = (text: string) => {
  const read = parseEnvironments(text, '/w/iot-devkit.environments.json');
  assert.ok(!read.ok);
  return locateEnvironmentProblems(text, '/w/iot-devkit.environments.json', read.problems);
};

describe("an environments file's problems, each at its line", () => {
  it('a variable, an environment name and a value that is not text: the line of their key', () => {
    const text = [
      '{',
      '  "$shared": { "secretKey": "abc" },',
      '  "dev": {',
      '    "device": "d1",',
      '    "secretKey": "abc",',
      '    "n": {}',
      '  },',
      '  "b c": {}',
      '}',
    ].join('\n');
    assert.deepEqual(
      located(text).map((p) => `${p.line} ${p.message.split(': ')[0]}`),
      ['2 $shared.secretKey', '5 dev.secretKey', '6 dev.n', '8 environment "b c"'],
    );
  });

  it('broken JSON: the line of the position the parser names', () => {
    const [problem] = located('{\n  "dev": {\n    "x": 1,\n  }\n}');
    assert.equal(problem?.line, 4);
    assert.match(problem!.message, /^not valid JSON/);
  });

  it('a whole-file problem is on line 1', () => {
    assert.deepEqual(
      located('[1, 2]').map((p) => p.line),
      [1],
    );
  });
});
