import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HistoryEntry } from '../protocol.js';
import { matchesHistoryQuery } from './matchesHistoryQuery.js';

const entry: HistoryEntry = {
  id: '1',
  sentAt: 0,
  profileId: 'p',
  profileName: 'Local emulator',
  request: {
    kind: 'action',
    service: 'iotcloud',
    version: '2021-04-08',
    action: 'DescribeDeviceShadow',
    region: '',
    params: { ProductId: 'ABCDE12345' },
    method: 'POST',
  },
  action: 'DescribeDeviceShadow',
  wire: { method: 'POST', url: 'http://127.0.0.1:9180/', headers: {}, body: '{"ProductId":"ABCDE12345"}' },
  response: { status: 200, body: '{}', elapsedMs: 3, requestId: 'req-77', error: { code: 'ResourceNotFound.DeviceShadowNotExist', message: '' } },
};

test('every word must match somewhere: action, profile, URL, body, error code, RequestId', () => {
  for (const query of ['', 'shadow', 'SHADOW 127.0.0.1', 'local abcde12345', 'notexist', 'req-77', '  describe   emulator '])
    assert.equal(matchesHistoryQuery(entry, query), true, query);
  for (const query of ['DeleteDevice', 'shadow 10.0.0.1', 'req-78']) assert.equal(matchesHistoryQuery(entry, query), false, query);
});
