// Tier: the VS Code extension host's code under Node, no code-server (the workbench tests are in ../e2e-vscode).
// The sidebar's Build & send handlers (the code the webview's requests reach in the extension host) against the
// local emulator over real HTTP: history without secrets, replay re-signed at the current time, "Copy as curl"
// that curl runs successfully, a returned DevicePsk shown masked and held for one Copy only.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { DEMO_CREDENTIAL, DEMO_DEVICES, DEMO_PRODUCT_ID, maskSecret, REDACTED, type HttpRequest, type Transport } from '@iot-devkit/core';
import type * as vscode from 'vscode';
import { fetchTransport } from '../../vscode-ext/src/host/api/fetchTransport.js';
import { TencentApiClient } from '../../vscode-ext/src/host/api/TencentApiClient.js';
import { RequestHistory } from '../../vscode-ext/src/host/history/RequestHistory.js';
import { createApiSender } from '../../vscode-ext/src/host/sidebar/createApiSender.js';
import { OneTimeSecrets } from '../../vscode-ext/src/host/sidebar/OneTimeSecrets.js';
import { captureHandlers } from '../../vscode-ext/src/host/sidebar/captureHandlers.js';
import { SentRequests } from '../../vscode-ext/src/host/sidebar/SentRequests.js';
import { sendHandlers } from '../../vscode-ext/src/host/sidebar/sendHandlers.js';
import type { SendForm } from '../../vscode-ext/src/protocol.js';
import { startTestEmulator } from '../emulator/harness.js';

/** VS Code's globalState is a key-value store; this is one in memory, with the same two methods history uses. */
class MemoryState {
  private readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
  dump(): string {
    return JSON.stringify([...this.values]);
  }
}

const form = (action: string, params: Record<string, unknown>): SendForm => ({
  service: 'iotcloud',
  version: '2021-04-08',
  action,
  region: '',
  params: JSON.stringify(params),
});

describe('Build & send handlers against the emulator', () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  let handlers: ReturnType<typeof sendHandlers>;
  const sent: HttpRequest[] = [];
  const state = new MemoryState();
  const oneTime = new OneTimeSecrets();
  let clock = Math.floor(Date.now() / 1000) - 120;

  before(async () => {
    emulator = await startTestEmulator();
    const profile = { name: 'emulator', secretId: DEMO_CREDENTIAL.secretId, region: 'ap-guangzhou', endpoint: emulator.endpoint };
    const recording: Transport = (request) => {
      sent.push(request);
      return fetchTransport(request);
    };
    const api = new TencentApiClient({ credentials: async () => ({ profile, credentials: DEMO_CREDENTIAL }) }, recording, () => clock);
    const history = new RequestHistory(state as unknown as vscode.Memento);
    handlers = sendHandlers(
      api,
      history,
      createApiSender(api, history, false, () => undefined, oneTime, new SentRequests()),
    );
  });
  after(() => emulator.close());

  it('sends, explains an error, and keeps a history without signatures or keys', async () => {
    const ok = await handlers.send(form('DescribeDevices', { ProductId: DEMO_PRODUCT_ID, Offset: '0', Limit: '10' }));
    assert.ok(ok.ok && ok.status === 200 && ok.error === undefined, JSON.stringify(ok));
    assert.match(ok.body, new RegExp(DEMO_DEVICES[0]));
    const failed = await handlers.send(form('DescribeDeviceShadow', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'ghost' }));
    assert.ok(failed.ok);
    assert.equal(failed.error?.code, 'ResourceNotFound.ProductOrDeviceNotExist');
    assert.ok(failed.error?.description, 'the catalog meaning is attached');
    const stored = state.dump();
    assert.ok(!stored.includes(DEMO_CREDENTIAL.secretKey) && !stored.includes('Signature='), 'no key or signature is stored');
  });

  it("shows the shadow's Data parsed, not as an escaped string (the core's one rule for JSON held in strings)", async () => {
    const shadow = await handlers.send(form('DescribeDeviceShadow', { ProductId: DEMO_PRODUCT_ID, DeviceName: DEMO_DEVICES[0] }));
    assert.ok(shadow.ok, JSON.stringify(shadow));
    assert.match(shadow.body, /"Data": \{\n\s+"/);
    assert.ok(!shadow.body.includes('\\"'), 'no escaped quotes left');
    const data = (JSON.parse(shadow.body) as { Response: { Data: { payload?: { state?: unknown } } } }).Response.Data;
    assert.equal(typeof data.payload?.state, 'object');
  });

  it('refuses a request the catalog says is wrong, before the network', async () => {
    const before = sent.length;
    const refused = await handlers.send(form('DescribeDeviceShadow', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'bad name!' }));
    assert.ok(!refused.ok);
    assert.equal(refused.field, 'DeviceName');
    assert.equal(sent.length, before);
  });

  it('replays a history entry signed afresh at the current time', async () => {
    const first = await handlers.send(form('DescribeProducts', { Offset: 0, Limit: 10 }));
    assert.ok(first.ok);
    const original = sent.at(-1)!;
    clock += 90;
    const replay = await handlers.replay({ historyId: first.historyId });
    assert.ok(replay.ok && replay.error === undefined, JSON.stringify(replay));
    const again = sent.at(-1)!;
    assert.equal(again.body, original.body);
    assert.equal(Number(again.headers['X-TC-Timestamp']), Number(original.headers['X-TC-Timestamp']) + 90);
    assert.notEqual(again.headers['Authorization'], original.headers['Authorization']);
  });

  it('keeps a device PSK out of history and asks for it again on replay', async () => {
    const psk = 'c2VjcmV0UHNrRm9yVGhlVGVzdA==';
    const result = await handlers.send(form('UpdateDevicePSK', { ProductId: DEMO_PRODUCT_ID, DeviceName: DEMO_DEVICES[1], Psk: psk }));
    assert.ok(result.ok, JSON.stringify(result));
    assert.ok(!state.dump().includes(psk), 'the PSK is not stored');
    assert.ok(state.dump().includes(`"Psk":"${REDACTED}"`), 'its place says it was dropped');
    const replay = await handlers.replay({ historyId: result.historyId });
    assert.ok(!replay.ok);
    assert.equal(replay.field, 'Psk');
  });

  it('shows a DevicePsk the response returns masked, holds it for one Copy until the next send, and stores it nowhere', async () => {
    const psk = Buffer.from('made-up defined psk for the sidebar test').toString('base64');
    const created = await handlers.send(form('CreateDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'sidebar-psk', DefinedPsk: psk }));
    assert.ok(created.ok && created.error === undefined, JSON.stringify(created));
    assert.ok(!created.body.includes(psk), 'the body shown has the PSK dropped');
    assert.match(created.body, new RegExp(`"DevicePsk": "${REDACTED.replace(/[[\]]/g, '\\$&')}"`));
    assert.deepEqual(created.oneTimeSecrets, [{ name: 'DevicePsk', path: 'Response.DevicePsk', masked: maskSecret(psk) }]);
    assert.equal(oneTime.valueOf(created.historyId, 'Response.DevicePsk'), psk, 'Copy gets the real value from the host');
    assert.equal(oneTime.valueOf(created.historyId, 'Response.Other'), undefined);
    assert.ok(!state.dump().includes(psk), 'history holds neither the DefinedPsk sent nor the DevicePsk returned');

    const described = await handlers.send(form('DescribeDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'sidebar-psk' }));
    assert.ok(described.ok && !described.body.includes(psk));
    assert.equal(described.oneTimeSecrets?.[0]?.path, 'Response.DevicePsk');
    assert.equal(oneTime.valueOf(created.historyId, 'Response.DevicePsk'), undefined, "the earlier response's secret is gone");
    assert.ok((await handlers.send(form('DescribeDeviceShadow', { ProductId: DEMO_PRODUCT_ID, DeviceName: DEMO_DEVICES[0] }))).ok);
    assert.equal(oneTime.valueOf(described.historyId, 'Response.DevicePsk'), undefined, 'a response with no secret clears what was held');
  });

  it('"Copy as curl" gives a command curl runs successfully against the emulator', async () => {
    const sentForm = form('DescribeDeviceShadow', { ProductId: DEMO_PRODUCT_ID, DeviceName: DEMO_DEVICES[0] });
    clock = Math.floor(Date.now() / 1000);
    const exported = await handlers.exportRequest({ format: 'curl', source: { form: sentForm } });
    assert.ok(exported.ok);
    const { stdout } = await promisify(execFile)('bash', ['-c', `${exported.text} --silent --max-time 10`]);
    const answer = JSON.parse(stdout) as { Response: { Data?: string; Error?: unknown } };
    assert.equal(answer.Response.Error, undefined, stdout);
    assert.match(answer.Response.Data ?? '', /"version":/);
  });
});

describe('Why? after the emulator refuses a signature', () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  // The emulator's SecretId with a made-up SecretKey: the host signs correctly with it, the emulator holds another.
  const wrongKey = { secretId: DEMO_CREDENTIAL.secretId, secretKey: 'notTheEmulatorsKey00000000000000' };
  before(async () => {
    emulator = await startTestEmulator();
  });
  after(() => emulator.close());

  it('offers Why? on AuthFailure.SignatureFailure and diagnoses the request sent: correct for this key, so the key is another', async () => {
    const profile = { name: 'wrong-key', secretId: wrongKey.secretId, region: 'ap-guangzhou', endpoint: emulator.endpoint };
    const source = { credentials: async () => ({ profile, credentials: wrongKey }) };
    const api = new TencentApiClient(source, fetchTransport);
    const history = new RequestHistory(new MemoryState() as unknown as vscode.Memento);
    const sentRequests = new SentRequests();
    const send = createApiSender(api, history, false, () => undefined, new OneTimeSecrets(), sentRequests);
    const result = await sendHandlers(api, history, send).send(form('DescribeDevices', { ProductId: DEMO_PRODUCT_ID, Offset: '0', Limit: '10' }));
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.error?.code, 'AuthFailure.SignatureFailure');
    assert.equal(result.error?.diagnosable, true);
    assert.match(result.error?.advice ?? '', /Why\?/);
    assert.doesNotMatch(result.error?.advice ?? '', /iot-devkit diagnose/);
    const why = await captureHandlers(source, false, sentRequests).why({ historyId: result.historyId });
    assert.ok(why.ok, why.ok ? '' : why.message);
    assert.equal(why.diagnosis.kind, 'signature-correct');
    assert.match(why.diagnosis.headline, /AuthFailure\.SignatureFailure/);
    assert.ok(why.diagnosis.fix && /SecretKey/.test(why.diagnosis.fix));
    assert.ok(!JSON.stringify(why).includes(wrongKey.secretKey), 'the key is masked in the diagnosis');
  });
});
