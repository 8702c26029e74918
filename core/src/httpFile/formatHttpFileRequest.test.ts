import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkHttpFileRequest } from './checkHttpFileRequest.js';
import { formatHttpFileRequest, secretVariableName } from './formatHttpFileRequest.js';
import { parseHttpFile } from './parseHttpFile.js';
import { readTc3AuthForm } from './readTc3AuthForm.js';
import { TemplateResolver } from './resolveTemplate.js';

const PSK = 'c2VjcmV0cHNrdmFsdWUxMjM0NQ==';

/** The text's one request, resolved with `env` as the process environment. */
function readBack(text: string, env: Record<string, string> = {}) {
  const file = parseHttpFile(text);
  assert.deepEqual(file.problems, []);
  assert.equal(file.requests.length, 1);
  const request = file.requests[0]!;
  const resolver = new TemplateResolver({
    fileVariables: new Map(),
    environment: new Map(),
    shared: new Map(),
    processEnv: env,
    responses: new Map(),
    timestamp: 0,
    random: () => 0,
  });
  const body = resolver.resolve(request.body!);
  assert.ok(body.ok, JSON.stringify(body));
  const header = (name: string) => request.headers.find((h) => h.name === name)?.value.raw;
  return { request, params: JSON.parse(body.text) as unknown, header };
}

test('a call written as a .http request parses back to the same action and parameters, signed by profile', () => {
  const params = { ProductId: 'ABCDEFGHIJ', DeviceName: 'dev1', Tags: [{ Tag: 'floor', Value: '{{not a placeholder}}' }] };
  const formatted = formatHttpFileRequest({
    service: 'iotcloud',
    version: '2021-04-08',
    action: 'DescribeDevice',
    region: 'ap-guangzhou',
    params,
    profile: 'work',
  });
  assert.ok(formatted.ok);
  const { request, params: back, header } = readBack(formatted.text);
  assert.equal(request.method, 'POST');
  assert.equal(request.url.raw, 'https://iotcloud.tencentcloudapi.com/');
  assert.equal(header('X-TC-Action'), 'DescribeDevice');
  assert.equal(header('X-TC-Version'), '2021-04-08');
  assert.deepEqual(readTc3AuthForm(header('Authorization')!), {
    credentials: { kind: 'profile', profile: 'work' },
    service: 'iotcloud',
    region: 'ap-guangzhou',
  });
  assert.deepEqual(back, params, '"{{" in a value stays a value');
  assert.equal(request.name, 'describeDevice');
});

test('a secret parameter is a $processEnv reference with a comment, never its value; the file checks clean', () => {
  const formatted = formatHttpFileRequest({
    service: 'iotcloud',
    version: '2021-04-08',
    action: 'CreateDevice',
    params: { ProductId: 'ABCDEFGHIJ', DeviceName: 'dev2', DefinedPsk: PSK },
    endpoint: 'http://127.0.0.1:9180',
  });
  assert.ok(formatted.ok);
  assert.ok(!formatted.text.includes(PSK));
  assert.deepEqual(formatted.secretVariables, ['DEFINED_PSK']);
  assert.match(formatted.text, /"DefinedPsk": "\{\{\$processEnv DEFINED_PSK\}\}"/);
  assert.match(formatted.text, /^# DEFINED_PSK: a secret, read from the environment variable DEFINED_PSK/m);
  assert.match(formatted.text, /^Authorization: TC3 service:iotcloud$/m, 'no profile named: the active one');
  assert.match(formatted.text, /^POST http:\/\/127\.0\.0\.1:9180\/ HTTP\/1\.1$/m);
  const { request, params } = readBack(formatted.text, { DEFINED_PSK: PSK });
  assert.deepEqual(params, { ProductId: 'ABCDEFGHIJ', DeviceName: 'dev2', DefinedPsk: PSK });
  assert.deepEqual(checkHttpFileRequest(request).problems, []);
});

test('a history entry whose secret was already dropped also gets the reference', () => {
  const formatted = formatHttpFileRequest({
    service: 'iotcloud',
    version: '2021-04-08',
    action: 'UpdateDevicePSK',
    params: { ProductId: 'P', DeviceName: 'd', Psk: '[redacted]' },
  });
  assert.ok(formatted.ok && formatted.text.includes('"Psk": "{{$processEnv PSK}}"'));
});

test('fields that would break the file are refused by name', () => {
  const base = { service: 'iotcloud', version: '2021-04-08', action: 'DescribeDevice', params: {} };
  for (const [change, field] of [
    [{ action: 'Describe\nX-Evil: 1' }, 'action'],
    [{ region: 'ap guangzhou' }, 'region'],
    [{ profile: 'my profile' }, 'profile'],
    [{ version: 'latest' }, 'version'],
    [{ endpoint: 'not a url' }, 'endpoint'],
  ] as const) {
    const formatted = formatHttpFileRequest({ ...base, ...change });
    assert.equal(formatted.ok ? 'ok' : formatted.field, field);
  }
  assert.equal(secretVariableName('LoraAppKey'), 'LORA_APP_KEY');
});
