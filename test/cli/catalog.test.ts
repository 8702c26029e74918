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
    ['iotcloud 2021-04-08', 'trro 2022-03-25'],
  );
  const iotcloud = out.services[0]!;
  assert.equal(iotcloud.actions.length, 39);
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
