import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeRuleSql } from '@iot-devkit/core';
import { findSqlFields } from './findSqlFields.js';

describe('findSqlFields', () => {
  it('finds every "Sql": "<base64>" with its decoded SQL and the range of the value', () => {
    const sql = "SELECT * FROM 'ABCDE12345/abc/event' WHERE temp > 30";
    const text = `POST https://iotcloud.tencentcloudapi.com/\n\n{"RuleName":"r1","TopicRulePayload":{"Sql" : "${encodeRuleSql(sql)}","Actions":"[]"}}\n{"Sql":"${encodeRuleSql("SELECT 温度 FROM 'P1/d/data'")}"}`;
    const fields = findSqlFields(text);
    assert.equal(fields.length, 2);
    assert.deepEqual(fields[0]!.decoded, { ok: true, sql });
    assert.equal(text.slice(fields[0]!.start, fields[0]!.end), JSON.stringify(encodeRuleSql(sql)));
    assert.deepEqual(fields[1]!.decoded, { ok: true, sql: "SELECT 温度 FROM 'P1/d/data'" });
  });

  it('says plainly when the value is not base64 or not UTF-8', () => {
    const [plain, binary] = findSqlFields(`{"Sql": "SELECT * FROM 'a/b/c'"} {"Sql": "/w=="}`);
    assert.ok(plain && !plain.decoded.ok);
    assert.match(plain.decoded.reason, /not valid base64.*looks like plain SQL/);
    assert.ok(binary && !binary.decoded.ok);
    assert.match(binary.decoded.reason, /not UTF-8/);
  });

  it('ignores other keys and handles JSON escapes in the value', () => {
    assert.deepEqual(findSqlFields('{"SqlText": "U0VMRUNU", "sql": "U0VMRUNU"}'), []);
    const [escaped] = findSqlFields('{"Sql": "U0VMRUNUICogRlJPTSAnYS9iL2NkJw\\u003d\\u003d"}');
    assert.deepEqual(escaped?.decoded, { ok: true, sql: "SELECT * FROM 'a/b/cd'" });
  });
});
