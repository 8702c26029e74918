import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JSON_STYLES, serializeJson } from './jsonSerializations.js';

const style = (name: string) => JSON_STYLES.find((s) => s.name === name)!;

test("the doc's example body is Python json.dumps: spaces after , and :, non-ASCII as lowercase \\uXXXX", () => {
  const doc = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
  assert.equal(serializeJson(JSON.parse(doc), style('spaces after , and : (Python json.dumps default), keys in order, non-ASCII as \\uXXXX')), doc);
});

test('compact raw equals JSON.stringify; indent equals JSON.stringify with indent; sorting and escapes', () => {
  const value = { b: [1, { z: null, a: '温/<&>' }], a: {}, c: [] };
  assert.equal(serializeJson(value, style('compact, keys in order, non-ASCII raw')), JSON.stringify(value));
  assert.equal(serializeJson(value, style('indented by 2, keys in order, non-ASCII raw')), JSON.stringify(value, null, 2));
  assert.equal(serializeJson(value, style('compact, keys sorted, non-ASCII raw')), '{"a":{},"b":[1,{"a":"温/<&>","z":null}],"c":[]}');
  assert.equal(serializeJson('温/<', style('compact, keys in order, non-ASCII as \\uXXXX and / as \\/ (PHP json_encode)')), '"\\u6e29\\/<"');
  assert.equal(serializeJson('<&>', style('compact, keys in order, <, > and & as \\u003c… (Go json.Marshal, Gson)')), '"\\u003c\\u0026\\u003e"');
  assert.equal(JSON_STYLES.length, 32);
});
