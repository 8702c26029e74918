import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { checkHttpDocument } from './checkHttpDocument.js';

const EXAMPLE = new URL('../../../../cli/examples/emulator.http', import.meta.url);

test('the example collection the extension ships checks clean', async () => {
  assert.deepEqual(await checkHttpDocument(readFileSync(EXAMPLE, 'utf8')), []);
});

test("a file's syntax problems come first, then each request's catalog problems, with 1-based ranges", async () => {
  const text = [
    'POST https://iotcloud.tencentcloudapi.com/',
    'X-TC-Action: DescribeDevice',
    '',
    '{"ProductId": "{{$nope}}", "DeviceName": "d", "Extra": 1}',
    '###',
    'POST https://iotexplorer.tencentcloudapi.com/',
    'X-TC-Action: ControlDeviceDaat',
  ].join('\n');
  const problems = await checkHttpDocument(text);
  assert.deepEqual(
    problems.map((p) => [p.code, p.start.line, p.start.column]),
    [
      ['syntax', 4, 16],
      ['unknownParameter', 4, 47],
      ['unknownAction', 7, 14],
    ],
  );
  assert.match(problems[2]!.message, /did you mean ControlDeviceData/);
});
