import assert from 'node:assert/strict';
import { test } from 'node:test';
import { httpFileCompletionAt } from './httpFileCompletionAt.js';
import { jsonKeyContextAt } from './jsonKeyContextAt.js';
import { parseHttpFile } from './parseHttpFile.js';

/** The completion where `|` stands in the text (the bar removed). */
const at = (text: string, language: 'en' | 'zh-CN' = 'en') => {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('|'));
  const column = lines[line]!.indexOf('|') + 1;
  return httpFileCompletionAt(parseHttpFile(text.replace('|', '')), { line: line + 1, column }, language);
};

const HEAD = ['POST https://iotcloud.tencentcloudapi.com/', 'Authorization: TC3 region:ap-guangzhou', 'X-TC-Action: DescribeDevice', ''];

test("in X-TC-Action's value: the service's actions with their titles in the UI language, replacing the whole value", () => {
  const completion = at('POST https://iotcloud.tencentcloudapi.com/\nX-TC-Action: DescribeDev|ice');
  assert.equal(completion?.kind, 'action');
  if (completion?.kind !== 'action') return;
  assert.equal(completion.prefix, 'DescribeDev');
  assert.deepEqual(
    [completion.start, completion.end],
    [
      { line: 2, column: 14 },
      { line: 2, column: 14 + 'DescribeDevice'.length },
    ],
  );
  const device = completion.actions.find((a) => a.name === 'DescribeDevice')!;
  assert.equal(device.service, 'iotcloud');
  assert.ok(device.title.text.length > 0);
  assert.ok(
    completion.actions.every((a) => a.service === 'iotcloud'),
    'the host names iotcloud',
  );
  const zh = at('POST https://iotcloud.tencentcloudapi.com/\nX-TC-Action: |', 'zh-CN');
  assert.equal(zh?.kind === 'action' && zh.actions.find((a) => a.name === 'DescribeDevice')!.title.lang, 'zh-CN');
  // "X-TC-Action: " with the space typed: the range is at the cursor (an editor needs it to hold the cursor).
  const spaced = at('POST https://iotcloud.tencentcloudapi.com/\nX-TC-Action: |');
  assert.deepEqual(spaced && [spaced.prefix, spaced.start, spaced.end], ['', { line: 2, column: 14 }, { line: 2, column: 14 }]);
  // Without a service said, every service's actions.
  const any = at('POST {{endpoint}}/\nX-TC-Action: |');
  assert.ok(any?.kind === 'action' && any.actions.some((a) => a.service === 'iotexplorer'));
});

test('at the body top level: the parameters not yet given, with type, required and description', () => {
  const completion = at([...HEAD, '{"ProductId": "P", "|"}'].join('\n'));
  assert.equal(completion?.kind, 'parameter');
  if (completion?.kind !== 'parameter') return;
  assert.equal(completion.action, 'DescribeDevice');
  assert.deepEqual(completion.path, []);
  assert.equal(completion.prefix, '');
  const names = completion.parameters.map((p) => p.name);
  assert.ok(names.includes('DeviceName') && !names.includes('ProductId'), names.join());
  const deviceName = completion.parameters.find((p) => p.name === 'DeviceName')!;
  assert.deepEqual([deviceName.type, deviceName.required, deviceName.valueKind], ['String', true, 'string']);
  assert.ok(deviceName.description.text.length > 0);
  // The quotes typed are replaced: "|" spans the opening quote to the closing one.
  assert.deepEqual([completion.start.column, completion.end.column], [20, 22]);
});

test("inside a nested object: the structure's fields (CreateDevice Attribute → Tags → DeviceTag)", () => {
  const text = [...HEAD.slice(0, 2), 'X-TC-Action: CreateDevice', '', '{', '  "Attribute": {"Tags": [{"Tag": "floor", "Va|', '}'].join('\n');
  const completion = at(text);
  assert.equal(completion?.kind, 'parameter');
  if (completion?.kind !== 'parameter') return;
  assert.deepEqual(completion.path, ['Attribute', 'Tags']);
  assert.equal(completion.prefix, 'Va');
  const names = completion.parameters.map((p) => p.name);
  assert.ok(names.includes('Value') && !names.includes('Tag') && !names.includes('ProductId'), names.join());
});

test('a value position, a URL or another header offers nothing', () => {
  assert.equal(at([...HEAD, '{"ProductId": "|"}'].join('\n')), undefined);
  assert.equal(at([...HEAD, '{"ProductId": |}'].join('\n')), undefined);
  assert.equal(at('POST https://iotcloud.tencentcloudapi.com/|\nX-TC-Action: DescribeDevice'), undefined);
  assert.equal(at('POST https://iotcloud.tencentcloudapi.com/\nContent-Type: app|\nX-TC-Action: DescribeDevice'), undefined);
});

test('jsonKeyContextAt: placeholders as values, colons already typed, depth limit', () => {
  const text = '{"A": {{x}}, "B": [1, {"C": 2}], "|": 1}';
  const offset = text.indexOf('|');
  const context = jsonKeyContextAt(text.replace('|', ''), offset);
  assert.deepEqual(context && [context.path, context.prefix, context.hasColon, context.present], [[], '', true, ['A', 'B']]);
  const deep = '{"a": '.repeat(40);
  assert.equal(jsonKeyContextAt(deep + '{', deep.length + 1), undefined);
  assert.equal(jsonKeyContextAt('[{', 2), undefined, 'a top-level array is not a parameter object');
});
