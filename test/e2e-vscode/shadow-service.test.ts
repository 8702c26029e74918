// The VS Code extension's shadow logic (ShadowService over TencentApiClient, the same code the FileSystemProvider
// calls) against the local emulator over real HTTP: what a save sends, what it refuses before the network, and what
// a conflict carries. No VS Code needed; the workbench flow itself (auto-save, push, conflicts) is
// shadow-push-in-code-server.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_CREDENTIAL, DEMO_PRODUCT_ID, deviceKey, type Transport } from '@iot-devkit/core';
import { fetchTransport } from '../../vscode-ext/src/host/api/fetchTransport.js';
import { TencentApiClient } from '../../vscode-ext/src/host/api/TencentApiClient.js';
import { ShadowConflictError, ShadowRefusedError, ShadowService } from '../../vscode-ext/src/host/shadow/ShadowService.js';
import { renderShadow } from '../../vscode-ext/src/host/shadow/shadowText.js';
import { admin, coreClient, expectOk, startTestEmulator } from '../emulator/harness.js';

const device = { productId: DEMO_PRODUCT_ID, deviceName: 'thermostat-2' };

describe('ShadowService against the emulator', () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  let sent: string[];
  let service: ShadowService;
  const onServer = () => emulator.emulator.state.shadows.get(deviceKey(device.productId, device.deviceName));

  before(async () => {
    emulator = await startTestEmulator();
    sent = [];
    // The real wire, with a note of each action that reached it.
    const counting: Transport = (request) => {
      sent.push(request.headers['X-TC-Action'] ?? '');
      return fetchTransport(request);
    };
    const profile = { name: 'emulator', secretId: DEMO_CREDENTIAL.secretId, region: 'ap-guangzhou', endpoint: emulator.endpoint };
    service = new ShadowService(new TencentApiClient({ credentials: async () => ({ profile, credentials: DEMO_CREDENTIAL }) }, counting));
  });
  after(() => emulator.close());

  it('reads the shadow and saves only desired, at the version it read', async () => {
    const base = await service.read(device);
    assert.deepEqual(base.shadow, onServer());
    const edited = renderShadow({
      ...base.shadow,
      state: { desired: { targetTemperature: 23, fan: 'low' }, reported: { ...base.shadow.state.reported, temperature: 99 } },
    });
    const outcome = await service.save(device, edited, base);
    assert.ok(outcome.sent);
    assert.deepEqual(outcome.ignored, ['state.reported: written by the device; your edit is not sent (the emulator has an admin endpoint to set it)']);
    assert.deepEqual(onServer()!.state.desired, { targetTemperature: 23, fan: 'low' });
    assert.equal(onServer()!.state.reported?.['temperature'], 21, 'reported untouched');
    assert.equal(onServer()!.version, base.shadow.version + 1);
    assert.deepEqual(outcome.snapshot.shadow, onServer(), 'the snapshot is the shadow read back');
  });

  it('refuses invalid JSON and a State over 8 KB before anything is sent', async () => {
    const base = await service.read(device);
    const before = sent.length;
    await assert.rejects(
      service.save(device, '{"state": {"desired": {', base),
      (error: unknown) => error instanceof ShadowRefusedError && /^InvalidParameterValue\.InvalidJSON: /.test(error.message),
    );
    const huge = renderShadow({ ...base.shadow, state: { ...base.shadow.state, desired: { blob: 'x'.repeat(8 * 1024) } } });
    await assert.rejects(
      service.save(device, huge, base),
      (error: unknown) => error instanceof ShadowRefusedError && /JSONSizeExceedLimit: .*8192 bytes/.test(error.message),
    );
    assert.equal(sent.length, before, 'no request reached the wire');
    assert.equal(onServer()!.version, base.shadow.version);
  });

  it('a save over a newer version is a conflict carrying the latest shadow, and changes nothing', async () => {
    const base = await service.read(device);
    expectOk(
      await coreClient(emulator.endpoint, { scheme: 'TC3-HMAC-SHA256', method: 'POST' })('UpdateDeviceShadow', {
        ProductId: device.productId,
        DeviceName: device.deviceName,
        State: '{"desired":{"fan":"high"}}',
        ShadowVersion: base.shadow.version,
      }),
      'a colleague',
    );
    const theirs = onServer()!;
    const mine = renderShadow({ ...base.shadow, state: { ...base.shadow.state, desired: { targetTemperature: 19 } } });
    const error = await service.save(device, mine, base).then(
      () => assert.fail('expected a conflict'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ShadowConflictError);
    assert.equal(error.readVersion, base.shadow.version);
    assert.deepEqual(error.latest.shadow, theirs);
    assert.deepEqual(onServer(), theirs);
  });

  it('a device without a shadow opens empty, and the first save creates it with ShadowVersion 0', async () => {
    expectOk(
      await coreClient(emulator.endpoint, { scheme: 'TC3-HMAC-SHA256', method: 'POST' })('DeleteDeviceShadow', {
        ProductId: device.productId,
        DeviceName: device.deviceName,
      }),
      'delete',
    );
    const base = await service.read(device);
    assert.equal(base.absent, true);
    assert.equal(base.shadow.version, 0);
    const outcome = await service.save(device, renderShadow({ ...base.shadow, state: { desired: { targetTemperature: 20 } } }), base);
    assert.ok(outcome.sent);
    assert.deepEqual(onServer()!.state.desired, { targetTemperature: 20 });
    assert.equal(onServer()!.version, 1);
    // The emulator's own view agrees (its admin route reads the same state).
    assert.equal(
      ((await admin(emulator.endpoint, 'GET', `/devices/${device.productId}/${device.deviceName}/shadow`)).json['shadow'] as { version: number }).version,
      1,
    );
  });
});
