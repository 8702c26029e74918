import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEmulator } from '../../cli/src/emulator/startEmulator.js';
import { runCli, runCliAsync } from '../support/cli.js';

// Skeleton → edit → --cli-input-json against a real emulator, and every way a parameter can be wrong, named.
const credential = { secretId: 'AKIDrequestInputFake000000000000000000', secretKey: 'requestInputFakeSecretKey0000000' };
const env = { TENCENTCLOUD_SECRET_ID: credential.secretId, TENCENTCLOUD_SECRET_KEY: credential.secretKey };
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let dir: string;
let endpoint: string;
before(async () => {
  emulator = await startEmulator({ port: 0, mqttPort: 0, mqttWsPort: 0, host: '127.0.0.1', demo: true, credentials: [credential] });
  endpoint = `http://127.0.0.1:${emulator.port}/`;
  dir = mkdtempSync(join(tmpdir(), 'iot-devkit-input-'));
});
after(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

const send = (action: string, extra: string[]) =>
  runCliAsync(['request', action, '--endpoint', endpoint, '--region', 'ap-guangzhou', '--send', ...extra], { env });

function skeleton(action: string): { value: Record<string, unknown>; legend: string } {
  const result = runCli(['request', action, '--generate-cli-skeleton'], { env });
  assert.equal(result.status, 0, result.stderr);
  return { value: JSON.parse(result.stdout) as Record<string, unknown>, legend: result.stderr };
}

test('CreateDevice: the skeleton has every parameter with an example and its type; edited, it creates the device', async () => {
  const { value, legend } = skeleton('CreateDevice');
  assert.deepEqual(Object.keys(value).slice(0, 4), ['ProductId', 'DeviceName', 'Attribute', 'DefinedPsk']);
  assert.deepEqual(
    value['Attribute'],
    { Tags: [{ Tag: 'tagkey', Type: 1, Value: '123', Name: 'xyz' }] },
    'a structure holding an array of structures, expanded',
  );
  assert.match(legend, /^ {2}ProductId +String, required {2}e\.g\. "ABCDE12345"$/m);
  assert.match(legend, /^ {2}Attribute\.Tags +Array of DeviceTag, optional {2}e\.g\. \[ \{DeviceTag\} \]$/m);
  assert.match(legend, /^ {2}Attribute\.Tags\.0\.Type +Integer, optional {2}e\.g\. 1$/m);
  // The edit a user makes: their product and name, one tag, and the optional parameters they do not send set to null.
  const edited: Record<string, unknown> = {
    ...value,
    ProductId: 'DEMO000001',
    DeviceName: 'from-skeleton',
    Attribute: { Tags: [{ Tag: 'floor', Type: 1, Value: '3', Name: 'Floor' }] },
  };
  for (const key of Object.keys(edited)) if (!['ProductId', 'DeviceName', 'Attribute'].includes(key)) edited[key] = null;
  const file = join(dir, 'create-device.json');
  writeFileSync(file, JSON.stringify(edited, null, 2));
  const created = await send('CreateDevice', ['--cli-input-json', file, '--output', 'json']);
  assert.equal(created.status, 0, created.stderr);
  assert.equal((JSON.parse(created.stdout) as { DeviceName: string }).DeviceName, 'from-skeleton');
  const read = await send('DescribeDevice', ['--param', 'ProductId=DEMO000001', '--param', 'DeviceName=from-skeleton', '--filter', 'Tags[0].Value']);
  assert.equal(read.status, 0, read.stderr);
  assert.equal(JSON.parse(read.stdout), '3');
});

test('CreateTopicRule: skeleton → edit → --cli-input-json - (stdin) creates the rule; the Sql can come from @file', async () => {
  const { value } = skeleton('CreateTopicRule');
  assert.deepEqual(Object.keys(value['TopicRulePayload'] as object), ['Sql', 'Actions', 'Description', 'RuleDisabled']);
  const sql = "SELECT temperature FROM 'DEMO000001/thermostat-1/event' WHERE temperature > 30";
  const edited = {
    ...value,
    RuleName: 'from_skeleton',
    TopicRulePayload: {
      ...(value['TopicRulePayload'] as object),
      Sql: Buffer.from(sql).toString('base64'),
      Actions: '[{"republish":{"topic":"DEMO000001/thermostat-1/alerts"}}]',
    },
  };
  const created = await runCliAsync(['request', 'CreateTopicRule', '--endpoint', endpoint, '--region', 'ap-guangzhou', '--cli-input-json', '-', '--send'], {
    env,
    input: JSON.stringify(edited),
  });
  assert.equal(created.status, 0, created.stderr + created.stdout);
  const rules = await send('ListTopicRules', ['--param', 'PageNum=1', '--param', 'PageSize=100', '--filter', "Rules[?RuleName=='from_skeleton'].RuleName"]);
  assert.equal(rules.status, 0, rules.stderr);
  assert.deepEqual(JSON.parse(rules.stdout), ['from_skeleton']);
  // The same rule body from a file: --param TopicRulePayload=@FILE, a structure given as JSON.
  const payloadFile = join(dir, 'payload.json');
  writeFileSync(payloadFile, JSON.stringify({ Sql: Buffer.from(sql).toString('base64'), RuleDisabled: true }) + '\n');
  const fromFile = await send('CreateTopicRule', ['--param', 'RuleName=from_file', '--param', `TopicRulePayload=@${payloadFile}`]);
  assert.equal(fromFile.status, 0, fromFile.stderr + fromFile.stdout);
});

test('--param Key.N and structures as JSON; every mistake names the parameter and is refused before sending', () => {
  const base = ['request', 'CreateDevice', '--param', 'ProductId=DEMO000001', '--param', 'DeviceName=d1'];
  const dotted = runCli(
    [...base, '--param', 'Attribute.Tags.0.Tag=floor', '--param', 'Attribute.Tags.0.Type=1', '--param', 'Attribute.Tags.0.Value=3', '--format', 'http'],
    { env },
  );
  assert.equal(dotted.status, 0, dotted.stderr);
  assert.match(dotted.stdout, /"Attribute":\{"Tags":\[\{"Tag":"floor","Type":1,"Value":"3"\}\]\}/);
  const cases: [string[], RegExp][] = [
    [['--param', 'Attribute={"Tags": ['], /--param Attribute: Attribute is given as JSON \(e\.g\. Attribute='\{"Name":"value"\}' or Attribute\.Name=value\)/],
    [['--param', 'Attribute.Tags.2.Tag=x'], /--param Attribute\.Tags\.2: an array index from 0 to 0/],
    [['--param', 'Attribute.Tags.0.Type=one'], /Attribute\.Tags\.0\.Type: .*\[InvalidParameter/],
    [['--param', 'Colour=red'], /Colour: not a parameter .*\[UnknownParameter\]/],
    [['--param', 'DefinedPsk=@/nonexistent/psk.txt'], /--param DefinedPsk=@\/nonexistent\/psk\.txt: cannot be read/],
    [['--cli-input-json', '/nonexistent/in.json'], /--cli-input-json \/nonexistent\/in\.json: cannot be read/],
    [['--cli-input-json', '-', '--params-json', '{}'], /--params-json and --cli-input-json: give one of them/],
  ];
  for (const [extra, message] of cases) {
    const result = runCli([...base, ...extra], { env });
    assert.equal(result.status, 2, `${extra.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, message, extra.join(' '));
    assert.equal(result.stdout, '');
  }
  const notObject = runCli(['request', 'CreateDevice', '--cli-input-json', '-'], { env, input: '["ProductId"]' });
  assert.match(notObject.stderr, /--cli-input-json \(stdin\): a JSON object of parameters, e\.g\. \{"ProductId": "ABCDEFGHIJ"\} \(this is an array\)/);
  const badJson = runCli(['request', 'CreateDevice', '--cli-input-json', '-'], { env, input: '{"ProductId": ' });
  assert.match(badJson.stderr, /--cli-input-json \(stdin\): a JSON object of parameters \(/);
  const literalAt = runCli(['request', 'DescribeDevice', '--param', 'ProductId=DEMO000001', '--param', 'DeviceName=@@d', '--format', 'http'], { env });
  assert.match(literalAt.stderr, /DeviceName: must match/, '@@ is the literal @, then validated like any name');
});

test('--generate-cli-skeleton output: the documented response fields with examples', () => {
  const result = runCli(['request', 'DescribeDevices', '--generate-cli-skeleton', 'output'], { env });
  assert.equal(result.status, 0, result.stderr);
  const value = JSON.parse(result.stdout) as { TotalCount: number; Devices: Record<string, unknown>[] };
  assert.equal(typeof value.TotalCount, 'number');
  assert.ok(Array.isArray(value.Devices) && 'DeviceName' in value.Devices[0]!);
  assert.match(result.stderr, /^ {2}Devices\.0\.DeviceName +String {2}e\.g\./m);
});
