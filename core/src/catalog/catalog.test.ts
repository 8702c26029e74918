import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  actionErrors,
  findAction,
  findActionEntry,
  findService,
  findStructure,
  findVendorEndpoint,
  getCatalog,
  listActions,
  suggestActions,
} from './catalog.js';

// The seeds' scalar types, and Int64 for the SDK's `number | bigint` (its plain `number` is typed Number, baseType Float).
const PRIMITIVES = new Set(['String', 'Integer', 'Int64', 'Boolean', 'Float', 'Double', 'Date', 'Timestamp', 'Timestamp ISO8601', 'Binary']);

test('actions are found case-insensitively, in one service or all', () => {
  assert.equal(findAction('iotcloud', 'describedeviceshadow')?.name, 'DescribeDeviceShadow');
  assert.equal(findAction(undefined, '  UPDATEDEVICESHADOW ')?.name, 'UpdateDeviceShadow');
  assert.equal(findActionEntry(undefined, 'modifyprojectsecmode')?.service.service, 'trro');
  assert.equal(findAction('trro', 'DescribeDeviceShadow'), undefined);
  assert.equal(findService('IOTCLOUD')?.version, '2021-04-08');
  assert.equal(findService('iotcloud', '2018-06-14'), undefined);
  assert.equal(findStructure('iotcloud', 'devicetag')?.name, 'DeviceTag');
  assert.equal(findVendorEndpoint('gettoken')?.vendor.vendor, 'mxchip');
  assert.equal(findVendorEndpoint('UpdateApiKey', 'mxchip'), undefined);
  // The seed's 39 iotcloud actions and the SDK's 34 more, TRRO's one, IoT Explorer's 256 (tencentcloud-sdk-nodejs@4.1.313).
  assert.equal(listActions('iotcloud').length, 73);
  assert.equal(listActions('iotexplorer').length, 256);
  assert.equal(listActions().length, 73 + 1 + 256);
  // A name in two services: the first service (iotcloud) unless one is named.
  assert.equal(findActionEntry(undefined, 'DescribeDevice')?.service.service, 'iotcloud');
  assert.equal(findActionEntry('iotexplorer', 'describedevice')?.service.host, 'iotexplorer.tencentcloudapi.com');
  assert.equal(findAction(undefined, 'ControlDeviceData')?.host, 'iotexplorer.tencentcloudapi.com');
  assert.equal(findService('iotexplorer')?.version, '2019-04-23');
});

test('bad input gives no answer rather than an exception', () => {
  for (const bad of [undefined, null, 42, {}, '']) {
    assert.equal(findAction(undefined, bad as unknown as string), undefined);
    assert.equal(findVendorEndpoint(bad as unknown as string), undefined);
    assert.deepEqual(suggestActions(bad as unknown as string), []);
  }
});

test('did you mean: misspelt and partial action names', () => {
  assert.deepEqual(suggestActions('DescribeDeviceShadw'), ['DescribeDeviceShadow']);
  assert.equal(suggestActions('UpdateShadow')[0], 'UpdateDeviceShadow');
  assert.equal(suggestActions('PublishMesage')[0], 'PublishMessage');
  assert.deepEqual(suggestActions('CompletelyUnrelatedThing'), []);
});

test('convention: every type names a primitive or a documented structure; every action has its source, English, group, limit and errors list', () => {
  for (const service of getCatalog().services) {
    const structures = new Set(service.structures.map((s) => s.name));
    for (const action of service.actions) {
      // The seeds state a rate limit for each action; the SDK declarations state none.
      if (action.source === service.source && service.source.endsWith('.txt')) assert.ok(action.rateLimit!.perSecond > 0, `${action.name} rate limit`);
      else assert.equal(action.rateLimit, undefined, `${action.name}: no invented rate limit`);
      assert.ok(service.sources?.includes(action.source!), `${action.name} source ${action.source}`);
      assert.ok(action.en && action.enSource, `${action.name} has English and says where it is from`);
      assert.equal(action.descriptionLang, 'zh-CN', `${action.name} description is marked Chinese`);
      assert.ok(action.category?.zh && action.category.en, `${action.name} group`);
      for (const field of [...action.params, ...action.outputs]) assert.ok(service.sources?.includes(field.source!), `${action.name}.${field.name} source`);
      assert.ok(Array.isArray(action.errors), `${action.name} errors`);
      for (const field of [...action.params, ...action.outputs]) {
        assert.ok(PRIMITIVES.has(field.baseType) || structures.has(field.baseType), `${action.name}.${field.name}: ${field.type}`);
      }
    }
    for (const s of service.structures) {
      assert.ok(service.sources?.includes(s.source!), `${s.name} source`);
      for (const f of s.fields) assert.ok(PRIMITIVES.has(f.baseType) || structures.has(f.baseType), `${s.name}.${f.name}`);
    }
  }
});

test('derived constraints are data on the parameters, each with the wording it rests on', () => {
  const state = findAction('iotcloud', 'UpdateDeviceShadow')!.params.find((p) => p.name === 'State')!;
  assert.equal(state.json, true);
  assert.equal(state.maxBytes, 8192);
  const key = findAction('trro', 'ModifyProjectSecMode')!.params.find((p) => p.name === 'Key')!;
  assert.equal(key.pattern, '^[a-z0-9]{32}$');
  assert.ok(new RegExp(key.pattern).test('123456789012345678901234567abcde'));
  assert.equal(key.secret, true);
  assert.deepEqual(key.requiredWhen, { param: 'Mode', equals: 1 });
  const limit = findAction('iotcloud', 'DescribeDevices')!.params.find((p) => p.name === 'Limit')!;
  assert.deepEqual([limit.minimum, limit.maximum], [10, 250]);
  const names = findAction('iotcloud', 'BindDevices')!.params.find((p) => p.name === 'DeviceNames')!;
  assert.equal(names.array, true);
  assert.equal(names.itemPattern, '^[a-zA-Z0-9:_-]{1,48}$');
  for (const service of getCatalog().services) {
    for (const action of service.actions) {
      for (const p of action.params) {
        const constrained = p.pattern ?? p.itemPattern ?? p.enum ?? p.minimum ?? p.json ?? p.format ?? p.maxBytes ?? p.requiredWhen;
        if (constrained !== undefined) assert.ok(p.constraintSources?.length, `${action.name}.${p.name} says where its constraint comes from`);
        if (p.pattern) assert.doesNotThrow(() => new RegExp(p.pattern!), `${action.name}.${p.name} pattern compiles`);
      }
    }
  }
});

test('regions, domains and limits of iotcloud', () => {
  const s = findService('iotcloud')!;
  assert.ok(s.regions.some((r) => r.region === 'ap-guangzhou'));
  assert.equal(s.domains.find((d) => d.nearest)?.host, 'iotcloud.tencentcloudapi.com');
  assert.ok(s.domains.some((d) => d.financial && d.host === 'iotcloud.ap-shenzhen-fsi.tencentcloudapi.com'));
  assert.deepEqual([s.limits?.getMaxBytes, s.limits?.postTc3MaxBytes, s.limits?.timestampSkewSeconds], [32 * 1024, 10 * 1024 * 1024, 300]);
  assert.deepEqual(s.commonParams?.tc3.map((p) => p.header).filter(Boolean), [
    'X-TC-Action',
    'X-TC-Region',
    'X-TC-Timestamp',
    'X-TC-Version',
    'X-TC-Token',
    'X-TC-Language',
  ]);
});

test('error codes of an action: its own, and the common ones for every action (all there is for SDK-only actions)', () => {
  const control = findActionEntry('iotexplorer', 'ControlDeviceData')!;
  const errors = actionErrors(control);
  assert.deepEqual(errors.own, []);
  assert.ok(errors.common.some((e) => e.code === 'AuthFailure.SignatureFailure'));
  assert.ok(errors.common.every((e) => e.kind === 'common'));
  // The same API 3.0 common table as iotcloud's seed, which it was taken from.
  const iotcloudCommon = actionErrors(findActionEntry('iotcloud', 'CreateDevice')!).common.map((e) => e.code);
  assert.deepEqual(
    errors.common.map((e) => e.code),
    iotcloudCommon,
  );
  assert.ok(actionErrors(findActionEntry('iotcloud', 'BindDevices')!).own.some((e) => e.code === 'InvalidParameterValue.DeviceIsNotGateway'));
});
