import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../support/cli.js';

test('catalog --json prints every service, action, parameter and error code in the documented shape', () => {
  const result = runCli(['catalog', '--json']);
  assert.equal(result.status, 0, result.stderr);
  const out = JSON.parse(result.stdout) as {
    services: {
      service: string;
      version: string;
      actions: { name: string; params: { name: string; type: string; required: boolean }[]; errors: string[] }[];
    }[];
    vendors: { vendor: string; endpoints: { name: string }[] }[];
  };
  assert.deepEqual(
    out.services.map((s) => `${s.service} ${s.version}`),
    ['iotcloud 2021-04-08', 'trro 2022-03-25', 'iotexplorer 2019-04-23'],
  );
  const iotcloud = out.services[0]!;
  assert.equal(iotcloud.actions.length, 73);
  for (const action of iotcloud.actions) {
    assert.equal(typeof action.name, 'string');
    assert.ok(
      action.errors.every((code) => typeof code === 'string'),
      `${action.name} errors are codes`,
    );
    for (const p of action.params) assert.deepEqual([typeof p.name, typeof p.type, typeof p.required], ['string', 'string', 'boolean']);
  }
  const bind = iotcloud.actions.find((a) => a.name === 'BindDevices')!;
  assert.ok(bind.errors.includes('InvalidParameterValue.DeviceIsNotGateway'));
  assert.deepEqual(
    bind.params.find((p) => p.name === 'DeviceNames'),
    { ...bind.params.find((p) => p.name === 'DeviceNames'), type: 'Array of String', required: true },
  );
  assert.deepEqual(
    out.vendors.map((v) => v.vendor),
    ['onenet', 'mxchip'],
  );
  assert.ok(out.vendors[1]!.endpoints.some((e) => e.name === 'CreateMqttClient'));
});

test('catalog <Action> prints one action for a person: aligned parameters, rules, errors, rate limit, example', () => {
  const result = runCli(['catalog', 'updatedeviceshadow']);
  assert.equal(result.status, 0, result.stderr);
  const out = result.stdout;
  assert.match(out, /^UpdateDeviceShadow · 更新设备影子/);
  assert.match(out, /Rate limit\s+100 requests\/second/);
  const paramLines = out.split('\n').filter((l) => /^\s+\*\s+(ProductId|DeviceName|State|ShadowVersion)\b/.test(l));
  assert.equal(paramLines.length, 4);
  // Aligned: every type column starts at the same offset.
  assert.equal(new Set(paramLines.map((l) => l.search(/(String|Integer)/))).size, 1);
  assert.match(out, /State\s+String\s+.*\[JSON string; ≤ 8192 bytes\]/);
  assert.match(out, /FailedOperation\.UpdateVersionNotMatch\s+更新版本不匹配。/);
  assert.match(out, /Example 1: 更新设备影子\n\s+request:\n\s+│ https:\/\/iotcloud\.tencentcloudapi\.com\/\?Action=UpdateDeviceShadow/);
});

test('catalog <Action> shows the structures its parameters use, nested ones too', () => {
  const result = runCli(['catalog', 'CreateDevice']);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /Attribute \(设备属性\):\n\s+Tags\s+Array of DeviceTag/);
  assert.match(result.stdout, /DeviceTag \(设备属性\):\n\s+\*\s+Tag\s+String/);
  assert.match(result.stdout, /Type\s+Integer\s+.*\[one of 1\|2\]/);
});

test('catalog finds TRRO and vendor endpoints, and masks secret examples', () => {
  const trro = runCli(['catalog', 'ModifyProjectSecMode']);
  assert.equal(trro.status, 0, trro.stderr);
  assert.match(trro.stdout, /Key\s+String\s+.*32 lowercase letters or digits.*required when Mode=1.*secret/);
  assert.match(trro.stdout, /\(e\.g\. 1234\*\*\*\*\)/);
  const token = runCli(['catalog', 'GetToken']);
  assert.equal(token.status, 0, token.stderr);
  assert.match(token.stdout, /POST <base URL from the vendor>\/v3\/open_api\/token\//);
  assert.match(token.stdout, /grant_type\s+string\s+body/);
});

test('catalog --service iotexplorer lists IoT Explorer by group; an action shows its English, source and SDK types', () => {
  const list = runCli(['catalog', '--service', 'iotexplorer']);
  assert.equal(list.status, 0, list.stderr);
  assert.match(list.stdout, /^iotexplorer 2019-04-23 · 物联网开发平台 \(Tencent Cloud IoT Explorer\) — 256 actions/);
  assert.doesNotMatch(list.stdout, /^iotcloud /m);
  // Grouped by the resource noun of the name (the SDK has no categories): the thing-model group holds ControlDeviceData.
  const group = list.stdout.slice(list.stdout.indexOf('  Thing model and device data · 物模型与设备数据相关接口'));
  assert.match(group.split(/\n {2}\S/)[0]!, /ControlDeviceData\s+Set a device's property data/);
  const one = runCli(['catalog', 'ControlDeviceData', '--service', 'iotexplorer']);
  assert.equal(one.status, 0, one.stderr);
  assert.match(one.stdout, /^ControlDeviceData · .*\(iotexplorer 2019-04-23, Thing model and device data\)/);
  assert.match(one.stdout, /\(our title\)\n {2}zh-CN: 根据设备产品ID、设备名称/);
  assert.match(one.stdout, /POST https:\/\/iotexplorer\.tencentcloudapi\.com\/ {2}\(X-TC-Action: ControlDeviceData, X-TC-Version: 2019-04-23/);
  assert.match(one.stdout, /Rate limit\s+not stated/);
  assert.match(one.stdout, /Source\s+tencentcloud-sdk-nodejs@4\.1\.313/);
  assert.match(one.stdout, /\*\s+Data\s+String/);
  assert.match(one.stdout, /DataTimestamp\s+Number/);
  // A derived English title says so.
  const derived = runCli(['catalog', 'DescribeCloudStorageDate']);
  assert.match(derived.stdout, /Describe cloud storage date {2}\(derived from the name\)/);
});

test('catalog shows where seed and SDK differ, and the SDK-only iotcloud actions of #15', () => {
  const create = runCli(['catalog', 'CreateDevice']);
  assert.match(create.stdout, /Seed and SDK differ \(2\):\n\s+CreateDevice\.TlsCert\s+presence\s+seed documented \/ SDK not declared \(near TlsCrt\)/);
  for (const name of ['ListFirmwares', 'PublishBroadcastMessage']) {
    const r = runCli(['catalog', name]);
    assert.equal(r.status, 0, `${name}: ${r.stdout}`);
    assert.match(r.stdout, new RegExp(`^${name} · .*\\(iotcloud 2021-04-08, `));
  }
});

test('an unknown action exits 1 with suggestions; bad options exit 2', () => {
  const unknown = runCli(['catalog', 'DescribeDeviceShadw']);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stdout, /No action named "DescribeDeviceShadw"\. Did you mean: DescribeDeviceShadow\?/);
  const json = runCli(['catalog', 'UpdateShadow', '--json']);
  assert.equal(json.status, 1);
  assert.deepEqual(JSON.parse(json.stdout), { error: 'unknown action', query: 'UpdateShadow', suggestions: ['UpdateDeviceShadow'] });
  const badService = runCli(['catalog', '--service', 'cvm']);
  assert.equal(badService.status, 2);
  assert.match(badService.stderr, /--service: one of iotcloud, trro/);
  assert.equal(runCli(['catalog', 'A', 'B']).status, 2);
});

test('catalog --group lists one group with English headings by the UI rule; a group two services share says each row’s service', () => {
  const group = runCli(['catalog', '--service', 'iotexplorer', '--group', 'thing model and device data']);
  assert.equal(group.status, 0, group.stderr);
  assert.match(group.stdout, /^iotexplorer 2019-04-23 · /);
  assert.match(group.stdout, /\n {2}Thing model and device data · 物模型与设备数据相关接口 \(\d+\)\n/);
  assert.match(group.stdout, /ControlDeviceData\s+Set a device's property data \(control the device\)\s+\d+ params\s+0 errors\s+iotexplorer/);
  // A derived English title is labelled as the sidebar and popup label it (core/src/views/actionHeading.ts).
  assert.match(group.stdout, /ModifyModelDefinition\s+Modify model definition {2}\(title derived from the name\)/);
  assert.doesNotMatch(group.stdout, /^ {2}(?!Thing model)\S/m, 'no other group');
  const byChinese = runCli(['catalog', '--service', 'iotexplorer', '--group', '物模型与设备数据相关接口']);
  assert.equal(byChinese.stdout, group.stdout);
  // "Devices" is a group of both iotcloud and iotexplorer: without --service both are listed, each row naming its service.
  const devices = runCli(['catalog', '--group', 'Devices']);
  assert.equal(devices.status, 0, devices.stderr);
  assert.match(devices.stdout, /^iotcloud 2021-04-08 /m);
  assert.match(devices.stdout, /^iotexplorer 2019-04-23 /m);
  assert.match(devices.stdout, /\n {4}DescribeDevice\s.*\s+iotcloud\n/);
  assert.match(devices.stdout, /\n {4}DescribeDevice\s.*\s+iotexplorer\n/);
  const unknown = runCli(['catalog', '--service', 'iotexplorer', '--group', 'nope']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /--group: one of the groups of iotexplorer, got "nope"\. Groups: .*Thing model and device data/);
});
