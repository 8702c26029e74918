import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CAUSE_RULES } from './causeRules.js';
import { DIAGNOSIS_CAUSES } from './DiagnosisCause.js';

test('every diagnosis cause has one complete rule in both languages, and the data holds no other', () => {
  assert.deepEqual(Object.keys(CAUSE_RULES), [...DIAGNOSIS_CAUSES]);
  for (const id of DIAGNOSIS_CAUSES) {
    const rule = CAUSE_RULES[id];
    for (const part of ['title', 'rule', 'fix'] as const)
      for (const language of ['en', 'zh'] as const)
        assert.ok(typeof rule[part][language] === 'string' && rule[part][language].trim() !== '', `${id}.${part}.${language}`);
    assert.ok(rule.source === undefined || (typeof rule.source === 'string' && rule.source !== ''), `${id}.source`);
  }
});
