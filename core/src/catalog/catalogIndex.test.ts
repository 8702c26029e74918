import assert from 'node:assert/strict';
import { test } from 'node:test';
import indexData from './data/index.json';
import { catalogLoader } from './catalogLoader.js';
import { serviceIndexOf, type CatalogIndex } from './catalogIndex.js';
import {
  CatalogNotLoadedError,
  findActionEntry,
  findIndexedAction,
  isServiceLoaded,
  listIndexedActions,
  loadCatalogOf,
  loadedCatalogFiles,
  suggestActions,
} from './catalog.js';
import { listActionGroups } from './actionGroups.js';
import { searchActions } from './searchActions.js';
import { secretParamNames, isSecretField } from '../views/secretPolicy.js';
import { lookupErrorCode } from '../errors/errorCodeIndex.js';
import { actionSummary } from '../views/actionForm.js';
import type { ServiceCatalog } from './types.js';

const INDEX = indexData as CatalogIndex;

// Runs first, in a process of its own (node --test), so nothing has loaded a service yet.
test('search, browse, suggestions, secret policy and error lookup read the index only: no service catalog is loaded', () => {
  assert.deepEqual(loadedCatalogFiles(), []);
  assert.equal(searchActions('control device data', { service: 'iotexplorer' })[0]?.action.name, 'ControlDeviceData');
  assert.ok(listActionGroups('iotexplorer').length > 5);
  assert.deepEqual(suggestActions('ControlDeviceDat'), ['ControlDeviceData']);
  assert.deepEqual(secretParamNames('iotcloud', 'CreateDevice'), ['DefinedPsk', 'LoraAppKey']);
  assert.equal(isSecretField('ProductSecret'), true);
  assert.equal(lookupErrorCode('ResourceNotFound.DeviceNotExist').found, true);
  assert.equal(actionSummary(findIndexedAction('iotexplorer', 'DescribeDeviceData')!).englishTitle !== undefined, true);
  assert.deepEqual(loadedCatalogFiles(), []);
  assert.equal(isServiceLoaded('iotexplorer'), false);
});

test('opening an action loads its service only, once', async () => {
  assert.equal(
    findActionEntry('iotexplorer', 'ControlDeviceData')?.action.params.some((p) => p.name === 'Data'),
    true,
  );
  assert.deepEqual(loadedCatalogFiles(), ['iotexplorer-2019-04-23.json']);
  await loadCatalogOf(undefined, 'ModifyProjectSecMode');
  await loadCatalogOf(undefined, 'modifyprojectsecmode');
  assert.deepEqual(loadedCatalogFiles(), ['iotexplorer-2019-04-23.json', 'trro-2022-03-25.json']);
  assert.equal(isServiceLoaded('iotcloud'), false);
  await loadCatalogOf(undefined, 'NoSuchAction');
  assert.equal(loadedCatalogFiles().length, 2);
});

test('the committed index is exactly what the full data gives (node --import tsx core/scripts/write-catalog-index.ts rewrites it)', () => {
  assert.deepEqual(
    INDEX.services.map((s) => s.file),
    ['iotcloud-2021-04-08.json', 'trro-2022-03-25.json', 'iotexplorer-2019-04-23.json'],
  );
  for (const entry of INDEX.services) {
    const full = catalogLoader.loadSync!(entry.file) as ServiceCatalog;
    assert.deepEqual(entry, serviceIndexOf(full, entry.file), `${entry.file}: index.json is stale`);
    assert.equal(entry.actions.length, full.actions.length);
  }
  assert.equal(listIndexedActions().length, 73 + 1 + 256);
});

test('a full lookup of a service the host has not loaded, where it cannot read synchronously, says what to await', () => {
  const error = new CatalogNotLoadedError('iotexplorer');
  assert.match(error.message, /iotexplorer catalog is not loaded yet: await loadServiceCatalog\('iotexplorer'\)/);
});

test('groups come in catalog order with both languages; the names two services share are found in each', () => {
  const groups = listActionGroups('iotexplorer');
  const thingModel = groups.find((g) => g.key === 'Thing model and device data');
  assert.equal(thingModel?.zh, '物模型与设备数据相关接口');
  assert.ok(thingModel?.actions.some((a) => a.action.name === 'ControlDeviceData'));
  assert.equal(
    groups.reduce((n, g) => n + g.actions.length, 0),
    256,
  );
  assert.ok(
    searchActions('', { service: 'iotexplorer', group: 'thing model and device data', limit: 500 }).every(
      (e) => e.action.category?.en === 'Thing model and device data',
    ),
  );
  const iotcloud = new Set(listIndexedActions('iotcloud').map((e) => e.action.name));
  const shared = listIndexedActions('iotexplorer').filter((e) => iotcloud.has(e.action.name));
  // 24 names (DescribeDevice, CreateDevice, PublishMessage, the firmware actions …) exist in both iotcloud and iotexplorer.
  assert.equal(shared.length, 24);
  for (const { action } of shared) assert.equal(findIndexedAction('iotexplorer', action.name)?.service.service, 'iotexplorer');
});
