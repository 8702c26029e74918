import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTopicRulePayload, readTopicRulePayload } from './buildTopicRulePayload.js';
import { checkRuleActions } from './checkRuleActions.js';
import { checkRuleSql } from './checkRuleSql.js';
import { decodeRuleSql, encodeRuleSql } from './ruleSqlBase64.js';

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error!.code);

test("encodeRuleSql gives the doc's base64 for SELECT * FROM 'pid/dname/event' and decodes back", () => {
  // The doc prints this value OCR-garbled (U0VMRUNUICogRIJPTSancGik…); this is what the SQL it names encodes to.
  assert.equal(encodeRuleSql("SELECT * FROM 'pid/dname/event'"), 'U0VMRUNUICogRlJPTSAncGlkL2RuYW1lL2V2ZW50Jw==');
  const decoded = decodeRuleSql('U0VMRUNUIGZpZWxkMSwgZmllbGQyIEZST00gJ3NyY1Byb2R1Y3RjZC9zcmNEZXZpY2VOYW1lL2V2ZW50Jw==');
  assert.ok(decoded.ok);
  assert.equal(decoded.sql, "SELECT field1, field2 FROM 'srcProductcd/srcDeviceName/event'");
  const unicode = "SELECT 温度 FROM 'ABCDE12345/设备/event'";
  const round = decodeRuleSql(encodeRuleSql(unicode));
  assert.ok(round.ok);
  assert.equal(round.sql, unicode);
});

test('decodeRuleSql says plainly whether the text is not base64 or not UTF-8', () => {
  const plain = decodeRuleSql("SELECT * FROM 'a/b/c'");
  assert.ok(!plain.ok);
  assert.equal(plain.error.code, 'InvalidParameterValue');
  assert.match(plain.error.message, /not valid base64.*looks like plain SQL/);
  // The doc's garbled example: valid base64 whose bytes (0x82, 0xa7, 0xa4) are not UTF-8.
  const garbled = decodeRuleSql('U0VMRUNUICogRIJPTSancGikL2RuYW1lL2V2ZW50Jw==');
  assert.ok(!garbled.ok);
  assert.equal(garbled.error.code, 'InvalidParameterValue.InvalidSQL');
  assert.match(garbled.error.message, /31 bytes that are not UTF-8/);
  assert.equal(codeOf(decodeRuleSql('')), 'InvalidParameterValue.TopicRuleSqlNotEdited');
  assert.equal(codeOf(decodeRuleSql('U0VMRUNU')), 'ok');
  assert.equal(codeOf(decodeRuleSql('U0VMRUNUIA')), 'InvalidParameterValue', 'unpadded base64 is refused');
});

test('checkRuleSql splits a well-formed rule into its parts', () => {
  const checked = checkRuleSql("select temperature, humidity FROM 'ABCDE12345/+/event' WHERE temperature > 30");
  assert.ok(checked.ok);
  assert.deepEqual(checked.parts, {
    select: 'temperature, humidity',
    topic: 'ABCDE12345/+/event',
    productId: 'ABCDE12345',
    deviceName: '+',
    topicName: 'event',
    where: 'temperature > 30',
  });
  const noWhere = checkRuleSql("SELECT * FROM 'pid/dname/data/#';");
  assert.ok(noWhere.ok);
  assert.equal(noWhere.parts.topicName, 'data/#');
  assert.equal(noWhere.parts.where, undefined);
});

test('checkRuleSql names each shape mistake', () => {
  const cases: [string, RegExp][] = [
    ["DELETE FROM 'a/b/c'", /must start with SELECT/],
    ['SELECT *', /no FROM clause/],
    ['SELECT * FROM "a/b/c"', /double quotes; use single quotes/],
    ['SELECT * FROM a/b/c', /must be in single quotes/],
    ["SELECT * FROM 'a/b'", /got 2 levels/],
    ["SELECT * FROM 'a-b/dev/c'", /first level must be the ProductId/],
    ["SELECT * FROM 'P/dev ice/c'", /second level must be a DeviceName/],
    ["SELECT * FROM 'P/dev/#/x'", /final #/],
  ];
  for (const [sql, message] of cases) {
    const checked = checkRuleSql(sql);
    assert.ok(!checked.ok, sql);
    assert.equal(checked.error.code, 'InvalidParameterValue.InvalidSQL', sql);
    assert.match(checked.error.message, message, sql);
  }
  assert.equal(codeOf(checkRuleSql('  ')), 'InvalidParameterValue.TopicRuleSqlNotEdited');
});

test('checkRuleActions accepts the documented kinds and refuses malformed ones', () => {
  const fine = checkRuleActions(
    JSON.stringify([{ republish: { topic: 'TEST/test/data' } }, { forward: { api: 'http://127.0.0.1:8080', token: 'xxx' } }, { lambda: { name: 'f' } }]),
  );
  assert.ok(fine.ok);
  assert.deepEqual(fine.kinds, ['republish', 'forward', 'lambda']);
  assert.equal(fine.notes.length, 1);
  assert.match(fine.notes[0]!, /"lambda" is not one of the kinds/);
  assert.equal(codeOf(checkRuleActions('[]')), 'ok');
  assert.equal(codeOf(checkRuleActions('[{"republish":{"topic":"TEST/test"}}]')), 'InvalidParameterValue.RepublishTopicFormatError');
  assert.equal(codeOf(checkRuleActions('[{"forward":{"api":"ftp://x"}}]')), 'InvalidParameterValue.CheckForwardURLFail');
  assert.equal(codeOf(checkRuleActions('[{"republish":{}}]')), 'InvalidParameterValue');
  assert.equal(codeOf(checkRuleActions('{"republish":{"topic":"a/b/c"}}')), 'InvalidParameterValue');
  assert.equal(codeOf(checkRuleActions('[{"republish":{"topic":"a/b/c"},"forward":{}}]')), 'InvalidParameterValue');
  const notJson = checkRuleActions('[{republish}]');
  assert.ok(!notJson.ok);
  assert.match(notJson.error.message, /^Actions: not valid JSON/);
});

test('buildTopicRulePayload produces what CreateTopicRule sends, and readTopicRulePayload reads it back', () => {
  const built = buildTopicRulePayload({
    sql: "SELECT * FROM 'ABCDE12345/dev1/event'",
    actions: [{ republish: { topic: 'ABCDE12345/dev2/control' } }],
    description: 'copy events',
    ruleDisabled: false,
  });
  assert.ok(built.ok);
  assert.deepEqual(built.payload, {
    Sql: encodeRuleSql("SELECT * FROM 'ABCDE12345/dev1/event'"),
    Actions: '[{"republish":{"topic":"ABCDE12345/dev2/control"}}]',
    Description: 'copy events',
    RuleDisabled: false,
  });
  const read = readTopicRulePayload(built.payload);
  assert.ok(read.ok);
  assert.equal(read.sql, "SELECT * FROM 'ABCDE12345/dev1/event'");
  assert.deepEqual(read.actions.kinds, ['republish']);
  assert.equal(read.ruleDisabled, false);
  assert.equal(codeOf(buildTopicRulePayload({ sql: 'SELECT * FROM x' })), 'InvalidParameterValue.InvalidSQL');
  assert.equal(codeOf(buildTopicRulePayload({ sql: "SELECT * FROM 'a/b/c'", actions: 'nope' })), 'InvalidParameterValue');
  assert.equal(codeOf(readTopicRulePayload({ Sql: "SELECT * FROM 'a/b/c'" })), 'InvalidParameterValue');
});

test("checkRuleSql reads the doc's expression syntax: calls, aliases, JSON paths, both quotes, IN, LIKE, BETWEEN, IS NULL", () => {
  const accepted = [
    'SELECT status, deviceName() as deviceName, bright FROM \'ProductA/+/update\' WHERE status="on" and bright <= 50',
    "SELECT a.key2, b[0] AS first, * FROM 'P1/dev/data/+' WHERE NOT (a.key2 <> 'x' OR b[1] % 2 = 1)",
    "SELECT 温度 t FROM 'ABCDE12345/dev/event' WHERE 温度 BETWEEN -10 AND 1.5e2 AND mode IN ('a', 'b') AND name NOT LIKE 'x%' AND note IS NOT NULL",
    // count(*) was accepted here until calls were checked against the doc's function list, which has no count.
    "SELECT payloadLen() FROM 'P/d/t' WHERE 'it''s' = s;",
    "SELECT `my field`, `from` FROM 'P/d/t' WHERE flag IS NOT TRUE",
  ];
  for (const sql of accepted) assert.ok(checkRuleSql(sql).ok, sql);
});

test('checkRuleSql names the token at fault and where it is, for an editor to underline', () => {
  const cases: [string, RegExp, string][] = [
    ["SELECT * FROM 'P/d/t' WHERE", /WHERE has no condition after it/, 'WHERE'],
    ["SELECT * FROM 'P/d/t' WHERE temperature >", /expected a field, a constant or a function after ">", got the end of the SQL \(column 42\)/, ''],
    ["SELECT * FROM 'P/d/t' WHERE a = 1 b", /unexpected "b" after the WHERE condition/, 'b'],
    ["SELECT * FROM 'P/d/t' garbage", /unexpected "garbage" after the FROM topic/, 'garbage'],
    ["SELECT a b c FROM 'P/d/t'", /expected "," or FROM after the SELECT list, got "c"/, 'c'],
    ["SELECT FROM 'P/d/t'", /empty SELECT list/, 'FROM'],
    ["SELECT f(a, FROM 'P/d/t'", /got the keyword FROM/, 'FROM'],
    ["SELECT * FROM 'P/d/t' WHERE s = 'open", /has no closing '/, "'open"],
    ["SELECT * FROM 'P/d/t' WHERE a IS 3", /expected NULL, TRUE or FALSE after "IS"/, '3'],
    ["SELECT `open FROM 'P/d/t'", /the quoted name "`open FROM 'P\/d\/t'" has no closing `/, "`open FROM 'P/d/t'"],
    ["SELECT *\nFROM 'P/d/t'\nWHERE a = = 1", /line 3 column 11/, '='],
    ["SELECT count(*) FROM 'P/d/t'", /unknown function "count"; the rule engine's functions are productId\(\), deviceName\(\), timestamp\(\)/, 'count'],
    ["SELECT * FROM 'P/d/t' WHERE clientid() = 'x'", /unknown function "clientid"/, 'clientid'],
    ["SELECT deviceName(*) FROM 'P/d/t'", /deviceName\(\*\): "\*" is not an argument; expected deviceName\(\)/, '*'],
    ["SELECT upper(a, b) FROM 'P/d/t'", /upper\(\) takes 1 argument, got 2; expected upper\(string\)/, 'upper'],
    ["SELECT topic(1, 2) FROM 'P/d/t'", /topic\(\) takes 0 to 1 arguments, got 2/, 'topic'],
  ];
  for (const [sql, message, token] of cases) {
    const checked = checkRuleSql(sql);
    assert.ok(!checked.ok, sql);
    assert.equal(checked.error.code, 'InvalidParameterValue.InvalidSQL', sql);
    assert.match(checked.error.message, message, sql);
    assert.ok(checked.error.at, sql);
    if (token !== '') assert.equal(sql.slice(checked.error.at.start, checked.error.at.end), token, sql);
    else assert.equal(checked.error.at.start, sql.length, sql);
  }
});

test('checkRuleSql refuses nesting past its depth limit instead of recursing, and reads long runs of one character', () => {
  for (const condition of [
    '('.repeat(5000) + 'a' + ')'.repeat(5000),
    'NOT '.repeat(3000) + 'a',
    '-'.repeat(8000) + '1',
    'f('.repeat(3000) + ')'.repeat(3000),
  ]) {
    const checked = checkRuleSql(`SELECT * FROM 'P/d/t' WHERE ${condition}`);
    assert.ok(!checked.ok);
    assert.match(checked.error.message, /nested more than 32 levels deep/);
  }
  assert.ok(checkRuleSql(`SELECT * FROM 'P/d/t' WHERE ${'('.repeat(20)}a${')'.repeat(20)}`).ok, 'shallow parentheses are fine');
  // The input that froze the emulator for every client: the regex checker took 8 s on it.
  const spaces = checkRuleSql(`SELECT a FROM 'p/d/t'${' '.repeat(3000)}x`);
  assert.ok(!spaces.ok);
  assert.match(spaces.error.message, /unexpected "x" after the FROM topic; .* \(column 3022\)/);
});
