import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTopicRulePayload } from '@iot-devkit/core';
import type { RuleSqlForm } from '../../protocol.js';
import { testRule } from '../../lazy/ruleTest.js';
import { viewRuleSql } from './ruleSqlHandlers.js';

const form: RuleSqlForm = {
  from: 'sql',
  sql: "SELECT temp FROM 'ABCDE12345/+/event' WHERE temp > 30",
  base64: '',
  ruleName: 'hot_1',
  description: 'too hot',
  actions: '[{"republish":{"topic":"ABCDE12345/dev1/alarm"}}]',
  ruleDisabled: false,
};

describe('rule SQL view', () => {
  it('a failing SQL check carries the range to underline: the stray token, or the end where a value is due', () => {
    // "a b" is a with the alias b: c is the stray token.
    const stray = viewRuleSql({ ...form, sql: "SELECT a b c FROM 'ABCDE12345/+/event'" });
    const mark = stray.checks.find((c) => !c.ok)?.mark;
    assert.deepEqual(mark, { start: 11, end: 12 });
    assert.equal(stray.sql.slice(mark!.start, mark!.end), 'c');
    const open = viewRuleSql({ ...form, sql: "SELECT * FROM 'ABCDE12345/+/event' WHERE temp >" });
    const end = open.checks.find((c) => !c.ok)?.mark;
    assert.deepEqual(end, { start: open.sql.length, end: open.sql.length });
    assert.ok(viewRuleSql(form).checks.every((c) => c.mark === undefined));
  });

  it('encodes as you type and previews the TopicRulePayload the core reads back', () => {
    const view = viewRuleSql(form);
    assert.equal(Buffer.from(view.base64, 'base64').toString('utf8'), form.sql);
    assert.ok(
      view.checks.every((c) => c.ok),
      JSON.stringify(view.checks),
    );
    const payload = JSON.parse(view.payload) as {
      RuleName: string;
      TopicRulePayload: { Sql: string; Actions: string; Description: string; RuleDisabled: boolean };
    };
    assert.equal(payload.RuleName, 'hot_1');
    const read = readTopicRulePayload(payload.TopicRulePayload);
    assert.ok(read.ok);
    assert.equal(read.sql, form.sql);
    assert.equal(read.parts.deviceName, '+');
  });

  it('decodes pasted base64, and says plainly when it is not base64 or not UTF-8', () => {
    assert.equal(viewRuleSql({ ...form, from: 'base64', base64: 'U0VMRUNUICogRlJPTSAnYS9iL2Mn' }).sql, "SELECT * FROM 'a/b/c'");
    assert.match(viewRuleSql({ ...form, from: 'base64', base64: "SELECT * FROM 'a/b/c'" }).decodeError!, /not valid base64/);
    assert.match(viewRuleSql({ ...form, from: 'base64', base64: '/w==' }).decodeError!, /not UTF-8/);
  });

  it('checks the SQL shape, the Actions and the rule name', () => {
    const failures = (change: Partial<RuleSqlForm>) =>
      viewRuleSql({ ...form, ...change })
        .checks.filter((c) => !c.ok)
        .map((c) => c.message);
    assert.match(failures({ sql: 'SELECT * FROM "ABCDE12345/dev/event"' })[0]!, /double quotes/);
    assert.match(failures({ actions: '[{"republish":{"topic":"no-levels"}}]' })[0]!, /RepublishTopicFormatError/);
    assert.match(failures({ actions: '{' })[0]!, /Actions: not valid JSON/);
    assert.match(failures({ ruleName: 'has space' })[0]!, /RuleName/);
  });

  it('tests the rule on a sample message through the core, in the UI language', () => {
    const sample = { sql: form.sql, actions: form.actions, topic: ' ABCDE12345/dev1/event ', payload: '{"temp": 31}' };
    const fired = testRule(sample, false, Date.UTC(2026, 0, 1));
    assert.equal(fired.verdict, 'fired');
    assert.equal(fired.summary, 'WHERE temp > 30 held: the rule fires');
    assert.deepEqual(JSON.parse(fired.output!), { temp: 31 });
    assert.deepEqual(fired.actions, ['republish to ABCDE12345/dev1/alarm (QoS 0): {"temp":31}']);
    const cool = testRule({ ...sample, payload: '{"temp": 20}' }, true);
    assert.equal(cool.verdict, 'notHeld');
    assert.equal(cool.summary, 'WHERE temp > 30 不成立：规则不触发');
    assert.deepEqual(cool.actions, []);
    assert.equal(testRule({ ...sample, topic: 'OTHER/dev1/event' }, false).verdict, 'topicMismatch');
  });
});
