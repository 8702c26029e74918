import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchActions } from './searchActions.js';

const names = (query: string, options?: Parameters<typeof searchActions>[1]) =>
  searchActions(query, options).map((e) => `${e.service.service}:${e.action.name}`);

test('search matches every word in the name, titles, group and service, case-insensitively', () => {
  assert.ok(names('controldevicedata').includes('iotexplorer:ControlDeviceData'));
  // English title and group (written and resource-noun), Chinese title and the seed's group heading.
  assert.ok(names("set a device's property").includes('iotexplorer:ControlDeviceData'));
  assert.ok(names('thing model iotexplorer').includes('iotexplorer:DescribeModelDefinition'));
  assert.ok(names('固件 iotcloud', { limit: 100 }).includes('iotcloud:ListFirmwares'));
  assert.ok(names('broadcast').includes('iotcloud:PublishBroadcastMessage'));
  assert.deepEqual(
    names('firmware', { service: 'iotexplorer', limit: 500 }).filter((n) => !n.startsWith('iotexplorer:')),
    [],
  );
  assert.deepEqual(names('no such words anywhere'), []);
});

test('limit and bad input', () => {
  assert.equal(searchActions('', { limit: 5 }).length, 5);
  assert.equal(searchActions('device', { limit: 3 }).length, 3);
  assert.equal(searchActions(42 as unknown as string, { limit: 2 }).length, 2);
  assert.deepEqual(searchActions('describe', { service: 'nosuchservice' }), []);
});
