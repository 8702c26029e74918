import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkHttpFileRequest, type HttpFileCheckProblem } from './checkHttpFileRequest.js';
import { parseHttpFile } from './parseHttpFile.js';

const check = (text: string): HttpFileCheckProblem[] => {
  const file = parseHttpFile(text);
  assert.deepEqual(file.problems, [], 'the test file parses');
  return file.requests.flatMap((r) => checkHttpFileRequest(r).problems);
};

const request = (action: string, body: string, headers: string[] = []) =>
  ['POST https://iotcloud.tencentcloudapi.com/', 'Authorization: TC3 region:ap-guangzhou', `X-TC-Action: ${action}`, ...headers, '', body].join('\n');

test('the example collection for the emulator (cli/examples/emulator.http) has no problem', () => {
  const text = readFileSync(new URL('../../../cli/examples/emulator.http', import.meta.url), 'utf8');
  assert.deepEqual(check(text), []);
});

test('a transposed action name is unknown, with the catalog action as "did you mean", ranged over the header value', () => {
  const [problem, ...rest] = check(request('DescribeDeivce', '{}'));
  assert.deepEqual(rest, []);
  assert.equal(problem!.code, 'unknownAction');
  assert.ok(problem!.suggestions!.includes('DescribeDevice'), JSON.stringify(problem));
  assert.match(problem!.message, /did you mean .*DescribeDevice/);
  assert.deepEqual(
    [problem!.start, problem!.end],
    [
      { line: 3, column: 14 },
      { line: 3, column: 14 + 'DescribeDeivce'.length },
    ],
  );
});

test('an action of another service than the auth form names says where it is', () => {
  const text = request('DescribeDevice', '{}').replace('TC3 region:ap-guangzhou', 'TC3 service:trro');
  const [problem] = check(text);
  assert.equal(problem!.code, 'unknownAction');
  assert.match(problem!.message, /not an action of trro \(read from the auth form\); the catalog has it in iotcloud/);
});

test('without a service in the auth form or host, the action is looked up in every service (no false alarm for {{endpoint}})', () => {
  const text = ['POST {{endpoint}}/', 'X-TC-Action: ControlDeviceData', '', '{"ProductId": "P", "DeviceName": "d", "Data": "{}"}'].join('\n');
  assert.deepEqual(check(text), []);
});

test('an unknown parameter is named with its nearest parameter, ranged over its key', () => {
  const problems = check(request('DescribeDevice', '{"ProductId": "ABCDEFGHIJ", "DeviceNmae": "dev1"}'));
  const unknown = problems.find((p) => p.code === 'unknownParameter')!;
  assert.match(unknown.message, /^DeviceNmae: not a parameter of DescribeDevice \(did you mean DeviceName\?\)/);
  assert.deepEqual(unknown.suggestions, ['DeviceName']);
  const column = '{"ProductId": "ABCDEFGHIJ", '.length + 1;
  assert.deepEqual(
    [unknown.start, unknown.end],
    [
      { line: 5, column },
      { line: 5, column: column + '"DeviceNmae"'.length },
    ],
  );
  // DeviceName, offered for the typo, is not reported missing too: one mistake, one problem.
  assert.deepEqual(
    problems.map((p) => p.code),
    ['unknownParameter'],
  );
});

test('missing required parameters are reported on the object opening line', () => {
  const problems = check(request('DescribeDevice', '{\n  "ProductId": "ABCDEFGHIJ"\n}'));
  assert.deepEqual(
    problems.map((p) => [p.code, p.message, p.start, p.end]),
    [['missingParameter', 'DeviceName: required by DescribeDevice (String)', { line: 5, column: 1 }, { line: 5, column: 2 }]],
  );
});

test('a literal of the wrong JSON type is reported; a placeholder standing for the value is not judged', () => {
  const problems = check(request('UpdateDeviceShadow', '{"ProductId": "P", "DeviceName": "d", "State": "{\\"desired\\":{}}", "ShadowVersion": "3"}'));
  assert.deepEqual(
    problems.map((p) => [p.code, p.message]),
    [['wrongType', 'ShadowVersion: a number (Integer), got a string']],
  );
  assert.deepEqual(check(request('UpdateDeviceShadow', '{"ProductId": "{{p}}", "DeviceName": "{{d}}", "State": "{{state}}", "ShadowVersion": {{v}}}')), []);
  // A string holding a placeholder is a string once resolved: where a number goes it is still judged.
  assert.equal(check(request('UpdateDeviceShadow', '{"ProductId": "P", "DeviceName": "d", "State": "{}", "ShadowVersion": "{{v}}"}'))[0]!.code, 'wrongType');
});

test("a literal breaking the documented rule is the request builder's message (a State that is not JSON)", () => {
  const problems = check(request('UpdateDeviceShadow', '{"ProductId": "P", "DeviceName": "d", "State": "{not json", "ShadowVersion": 1}'));
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.code, 'invalidValue');
  assert.match(problems[0]!.message, /^State: a JSON string/);
});

test('nested structures are checked against their fields (CreateDevice Attribute.Tags: DeviceTag)', () => {
  const body = '{"ProductId": "P", "DeviceName": "d", "Attribute": {"Tags": [{"Tag": "floor", "Type": 1, "Vlaue": "3"}]}}';
  const problems = check(request('CreateDevice', body));
  const unknown = problems.find((p) => p.code === 'unknownParameter');
  assert.ok(unknown, JSON.stringify(problems));
  assert.match(unknown.message, /^Attribute\.Tags\.0\.Vlaue: not a parameter of the structure at Attribute\.Tags\.0 \(did you mean Value\?\)/);
  const wrong = check(request('CreateDevice', '{"ProductId": "P", "DeviceName": "d", "Attribute": {"Tags": {"Tag": "x"}}}'));
  assert.deepEqual(
    wrong.map((p) => [p.code, p.message]),
    [['wrongType', 'Attribute.Tags: an array (Array of DeviceTag), got an object']],
  );
});

test('a body that is not JSON is one syntax problem at its position; placeholders as values are not syntax errors', () => {
  const [problem, ...rest] = check(request('DescribeDevice', '{"ProductId": "P",\n "DeviceName" "d"}'));
  assert.deepEqual(rest, []);
  assert.equal(problem!.code, 'bodySyntax');
  assert.match(problem!.message, /expected ":" after "DeviceName"/);
  assert.deepEqual(problem!.start, { line: 6, column: 15 });
  assert.deepEqual(check(request('DescribeDevice', '{"ProductId": {{product}}, "DeviceName": {{name}}}')), []);
});

test('an X-TC-Version the catalog lacks is a warning and the parameters are not checked', () => {
  const [problem, ...rest] = check(request('DescribeDevice', '{"Nope": 1}', ['X-TC-Version: 2019-01-01']));
  assert.deepEqual(rest, []);
  assert.equal(problem!.code, 'unknownVersion');
  assert.equal(problem!.severity, 'warning');
});

test('requests without X-TC-Action, with a placeholder action, or GET are not judged', () => {
  assert.deepEqual(check('GET https://example.com/\n\n{"anything": 1}'), []);
  assert.deepEqual(check(request('{{action}}', '{"anything": 1}')), []);
  assert.deepEqual(check('GET https://iotcloud.tencentcloudapi.com/?ProductId=P\nX-TC-Action: DescribeDevice'), []);
});

test('deep nesting stops at the depth limit with a message, and a long body is read in linear time', () => {
  const deep = '{"ProductId": ' + '['.repeat(5000) + ']'.repeat(5000) + '}';
  const [problem] = check(request('DescribeDevice', deep));
  assert.equal(problem!.code, 'bodySyntax');
  assert.match(problem!.message, /nested deeper than 32 levels/);
  const wide = `{"ProductId": "P", "DeviceName": "d", ${Array.from({ length: 20000 }, (_, i) => `"X${i}": "{{v}}"`).join(', ')}}`;
  const started = performance.now();
  const problems = check(request('DescribeDevice', wide));
  assert.equal(problems.length, 20000);
  assert.ok(performance.now() - started < 5000, 'linear, not quadratic');
});
