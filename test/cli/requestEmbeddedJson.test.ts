import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEmulator } from '../../cli/src/emulator/startEmulator.js';
import { runCliAsync } from '../support/cli.js';

// `request --send` against a real emulator: DescribeDeviceShadow's Data is JSON text in a string field (seed 001
// "设备影子的JSON数据"). The outputs for people print it parsed; --output json keeps the API's string.
const credential = { secretId: 'AKIDrequestEmbeddedFake000000000000000', secretKey: 'requestEmbeddedFakeSecretKey0000' };
const env = { TENCENTCLOUD_SECRET_ID: credential.secretId, TENCENTCLOUD_SECRET_KEY: credential.secretKey };
let emulator: Awaited<ReturnType<typeof startEmulator>>;
before(async () => {
  emulator = await startEmulator({ port: 0, mqttPort: 0, mqttWsPort: 0, host: '127.0.0.1', demo: true, credentials: [credential] });
});
after(() => emulator.close());

interface ShadowData {
  payload: { state: { reported: Record<string, unknown>; desired: Record<string, unknown> }; version: number };
}
const send = (action: string, extra: string[]) =>
  runCliAsync(
    [
      'request',
      action,
      '--param',
      'ProductId=DEMO000001',
      '--param',
      'DeviceName=thermostat-1',
      '--endpoint',
      `http://127.0.0.1:${emulator.port}/`,
      '--region',
      'ap-guangzhou',
      '--send',
      ...extra,
    ],
    { env },
  );

/** The shadow as the API returns it: --output json, whose Data must still be a string. */
async function shadowAsTheApiSays(): Promise<ShadowData> {
  const json = await send('DescribeDeviceShadow', ['--output', 'json']);
  assert.equal(json.status, 0, json.stderr);
  const response = JSON.parse(json.stdout) as { Data: unknown };
  assert.equal(typeof response.Data, 'string', '--output json keeps Data the string the API returns');
  return JSON.parse(response.Data as string) as ShadowData;
}

test('without --output: the body indented, Data printed as the document it holds, and stderr says so', async () => {
  const expected = await shadowAsTheApiSays();
  const result = await send('DescribeDeviceShadow', []);
  assert.equal(result.status, 0, result.stderr);
  assert.ok(result.stdout.startsWith('HTTP 200\n{\n  "Response": {\n'), result.stdout.slice(0, 80));
  assert.ok(!result.stdout.includes('\\"'), 'no escaped quotes: Data is not printed as a string');
  const body = JSON.parse(result.stdout.slice('HTTP 200\n'.length)) as { Response: { Data: ShadowData } };
  assert.deepEqual(body.Response.Data.payload, expected.payload);
  assert.ok(typeof body.Response.Data.payload.state.reported['temperature'] === 'number');
  assert.match(result.stderr, /^Response\.Data: JSON text in a string field, printed parsed \(--output json prints the string as the API returns it\)$/m);
});

test('--output table: Data is a section of its own below the rows, parsed; --output text keeps one line a record', async () => {
  const expected = await shadowAsTheApiSays();
  const table = await send('DescribeDeviceShadow', ['--output', 'table']);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /^Data +\(JSON text, below\)$/m);
  assert.match(table.stdout, /^RequestId +[0-9a-f-]{36}$/m);
  const section = table.stdout.split('\nData (JSON text, parsed)\n')[1];
  assert.ok(section, table.stdout);
  assert.deepEqual((JSON.parse(section) as ShadowData).payload, expected.payload);
  const widest = Math.max(
    ...table.stdout
      .split('\n')
      .filter((line) => /^-+ +-+$/.test(line))
      .map((line) => line.length),
  );
  assert.ok(widest < 60, `the Value column is not as wide as the document: ${widest}`);

  const text = await send('DescribeDeviceShadow', ['--output', 'text']);
  assert.equal(text.status, 0, text.stderr);
  const lines = text.stdout.split('\n').filter((line) => line !== '');
  assert.equal(lines.length, 1, text.stdout);
  const [data, requestId] = lines[0]!.split('\t');
  assert.deepEqual((JSON.parse(data!) as ShadowData).payload, expected.payload);
  assert.match(requestId!, /^[0-9a-f-]{36}$/);
});

test('a response with no JSON in its strings is printed as before, with no note', async () => {
  const result = await send('DescribeDevice', []);
  assert.equal(result.status, 0, result.stderr);
  const body = JSON.parse(result.stdout.slice('HTTP 200\n'.length)) as { Response: { DeviceName: string } };
  assert.equal(body.Response.DeviceName, 'thermostat-1');
  assert.ok(!result.stderr.includes('printed parsed'), result.stderr);
});
