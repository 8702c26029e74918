// sendAndRecord against the local emulator over real HTTP (Node's fetch stands in for the service worker's), with
// history kept in a memory StorageArea: what is stored, what the page is offered once, what is never sent.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_CREDENTIAL, DEMO_DEVICES, DEMO_PRODUCT_ID, maskForDisplay, REDACTED } from '@iot-devkit/core';
import { startTestEmulator } from '../../../test/emulator/harness.js';
import type { ActionRequestSpec } from '../protocol.js';
import { memoryStorageArea } from '../shared/memoryStorageArea.js';
import { createHistoryStore } from './historyStore.js';
import type { UsableProfile } from './profileStore.js';
import { sendAndRecord } from './sendAndRecord.js';

const call = (action: string, params: Record<string, unknown>): ActionRequestSpec => ({
  kind: 'action',
  service: 'iotcloud',
  version: '2021-04-08',
  action,
  region: '',
  method: 'POST',
  params,
});

describe('sendAndRecord against the emulator', () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  let profile: UsableProfile;
  const local = memoryStorageArea();
  const history = createHistoryStore(local);
  before(async () => {
    emulator = await startTestEmulator();
    profile = { id: 'p1', name: 'emulator', ...DEMO_CREDENTIAL, region: 'ap-guangzhou', endpoint: emulator.endpoint };
  });
  after(() => emulator.close());

  it('sends, records the exchange, and explains an error from the catalog', async () => {
    const ok = await sendAndRecord(history, profile, call('DescribeDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: DEMO_DEVICES[0] }), false);
    assert.equal(ok.status, 'sent');
    assert.ok(ok.status === 'sent' && ok.entry.response?.status === 200 && ok.entry.response.error === undefined, JSON.stringify(ok));
    const failed = await sendAndRecord(history, profile, call('DescribeDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'ghost' }), false);
    assert.ok(failed.status === 'sent');
    assert.equal(failed.entry.response?.error?.code, 'ResourceNotFound.DeviceNotExist');
    assert.ok(failed.entry.response?.error?.explanation?.en, 'the catalog meaning is attached');
    assert.deepEqual(
      (await history.listHistory('')).entries.map((e) => e.id),
      [failed.entry.id, ok.entry.id],
    );
    assert.ok(!local.dump().includes(DEMO_CREDENTIAL.secretKey), 'no key in history');
  });

  it('keeps the DefinedPsk sent and the DevicePsk returned out of history, offering the latter once, masked', async () => {
    const psk = Buffer.from('made-up defined psk for sendAndRecord').toString('base64');
    const created = await sendAndRecord(
      history,
      profile,
      call('CreateDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'record-psk', DefinedPsk: psk }),
      false,
    );
    assert.ok(created.status === 'sent', JSON.stringify(created));
    assert.deepEqual(created.entry.redacted, ['DefinedPsk']);
    assert.deepEqual(created.entry.responseRedacted, ['DevicePsk']);
    assert.deepEqual(created.oneTimeSecrets, [{ name: 'DevicePsk', path: 'Response.DevicePsk', value: psk, masked: maskForDisplay(psk) }]);
    assert.ok(!local.dump().includes(psk), 'history holds neither');
    assert.deepEqual((await history.historyEntry(created.entry.id)).request, created.entry.request, 'stored as returned');
    assert.ok(JSON.stringify(created.entry.request).includes(REDACTED));
  });

  it('asks before a destructive action, refuses what the catalog refuses and a secret not typed again: none is sent or recorded', async () => {
    const before = (await history.listHistory('')).total;
    const destructive = await sendAndRecord(history, profile, call('DeleteDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: DEMO_DEVICES[1] }), false);
    assert.deepEqual(destructive, { status: 'needsConfirmation', action: 'DeleteDevice' });
    const invalid = await sendAndRecord(history, profile, call('DescribeDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'bad name!' }), false);
    assert.equal(invalid.status, 'invalid');
    assert.ok(invalid.status === 'invalid' && invalid.problems.some((p) => p.field === 'DeviceName'));
    await assert.rejects(
      sendAndRecord(history, profile, call('CreateDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'again', DefinedPsk: REDACTED }), false),
      /DefinedPsk: secrets are not kept in history; type it again/,
    );
    assert.equal((await history.listHistory('')).total, before);
    const described = await sendAndRecord(history, profile, call('DescribeDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: DEMO_DEVICES[1] }), false);
    assert.ok(described.status === 'sent' && described.entry.response?.status === 200, 'the device was not deleted');
    assert.equal(described.entry.response.error, undefined);
  });

  it('records a refused connection as a failure, with the entry it replayed', async () => {
    const closed = { ...profile, endpoint: 'http://127.0.0.1:9/' };
    const outcome = await sendAndRecord(history, closed, call('DescribeProducts', { Offset: 0, Limit: 10 }), false, 'earlier-entry');
    assert.ok(outcome.status === 'sent');
    assert.match(outcome.entry.failure ?? '', /^POST http:\/\/127\.0\.0\.1:9\/: .*is the server running/);
    assert.equal(outcome.entry.replayOf, 'earlier-entry');
    assert.equal(outcome.entry.response, undefined);
  });
});
