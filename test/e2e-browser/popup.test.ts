import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { buildHttpRequest, DEMO_CREDENTIAL, DEMO_PRODUCT_ID, lookupErrorCode, REDACTED, toCurl } from '@iot-devkit/core';
import type { Page } from 'playwright-core';
import { admin, startTestEmulator } from '../emulator/harness.js';
import { launchExtension, type LoadedExtension } from './support/launchExtension.js';
import { addProfile, collectErrors, waitForCount, waitReady } from './support/popupActions.js';
import { sdkSign } from '../support/tencentSdk.js';

// Made up, for the IoT Explorer signature checked against the official SDK on the public endpoint (nothing is sent).
const EXPLORER_ID = 'AKIDexplorerPopup00001';
const EXPLORER_KEY = 'madeUpExplorerPopupKey0001';

type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;

/** The extension API inside the service worker, where worker.evaluate runs. */
interface ChromeGlobal {
  chrome: { storage: { local: { get(keys: null | string): Promise<Record<string, unknown>> } } };
}
interface StoredEntry {
  action: string;
  replayOf?: string;
  wire: { headers: Record<string, string>; body: string };
  response?: { error?: { code: string } };
}

describe('popup in real Chromium against the local emulator: sign, send, history, replay, drafts', () => {
  let emulator: Emulator;
  let ext: LoadedExtension;
  let popup: Page;
  let errors: string[];
  const storedHistory = async () =>
    (await ext.worker.evaluate(async () => (await (globalThis as unknown as ChromeGlobal).chrome.storage.local.get('history'))['history'])) as StoredEntry[];
  const deviceExists = async (name: string) => (await admin(emulator.endpoint, 'GET', `/devices/${DEMO_PRODUCT_ID}/${name}/shadow`)).status === 200;

  before(async () => {
    emulator = await startTestEmulator();
    ext = await launchExtension();
    popup = await ext.open('popup.html');
    errors = collectErrors(popup);
    await waitReady(popup);
  });
  after(async () => {
    await ext?.close();
    await emulator?.close();
  });

  test('a first run opens on Profiles; the saved key is shown masked only', async () => {
    assert.equal(await popup.getAttribute('#tab-profiles', 'aria-selected'), 'true');
    await addProfile(popup, { name: 'emulator', secretId: DEMO_CREDENTIAL.secretId, secretKey: DEMO_CREDENTIAL.secretKey, endpoint: emulator.endpoint });
    assert.match((await popup.textContent('#profile-list li')) ?? '', new RegExp(`${DEMO_CREDENTIAL.secretKey.slice(0, 4)}\\*\\*\\*\\*`));
    assert.equal(await popup.inputValue('#profile-secret-key'), '', 'the key field is emptied after saving');
    assert.ok(!(await popup.content()).includes(DEMO_CREDENTIAL.secretKey), 'the SecretKey is nowhere in the page');
  });

  test('send signs in the service worker and the emulator accepts the signature', async () => {
    await popup.click('#tab-request');
    // A swapped pair of letters is one edit: the picker names the action meant.
    await popup.fill('#action', 'DescirbeDevice');
    await popup.waitForSelector('#action-description:has-text("Did you mean")');
    assert.match((await popup.textContent('#action-description')) ?? '', /^No action named DescirbeDevice\. Did you mean: DescribeDevice\b/);
    await popup.fill('#action', 'DescribeDevice');
    await popup.fill('#params', `{"ProductId": "${DEMO_PRODUCT_ID}", "DeviceName": "thermostat-1"}`);
    await popup.click('#send');
    await popup.waitForSelector('#response-meta:has-text("HTTP 200")');
    assert.equal(await popup.isHidden('#response-error'), true, (await popup.textContent('#response-error')) ?? '');
    assert.match((await popup.textContent('#response-body')) ?? '', /"DeviceName": "thermostat-1"/);
    assert.match((await popup.textContent('#response-meta')) ?? '', /RequestId \S+/);
    // The steps came back with the send; derived keys are masked like the key itself.
    const steps = await popup.$$eval('#step-list li', (items) =>
      items.map((li) => ({ id: li.getAttribute('data-step'), value: li.querySelector('pre')?.textContent ?? '' })),
    );
    assert.deepEqual(
      steps.map((s) => s.id),
      [
        'hashedRequestPayload',
        'canonicalRequest',
        'credentialScope',
        'hashedCanonicalRequest',
        'stringToSign',
        'secretDate',
        'secretService',
        'secretSigning',
        'signature',
        'authorization',
      ],
    );
    assert.match(steps.find((s) => s.id === 'secretSigning')!.value, /^[0-9a-f]{4}\*\*\*\*$/);
    assert.ok((await popup.inputValue('#curl')).startsWith(`curl -X POST ${emulator.endpoint}`), 'curl of the signed request');
  });

  test('an API error is shown with its documented meaning', async () => {
    await popup.fill('#params', `{"ProductId": "${DEMO_PRODUCT_ID}", "DeviceName": "no-such-device"}`);
    await popup.click('#send');
    await popup.waitForSelector('#response-error:not([hidden])');
    const code = (await popup.textContent('#response-error strong')) ?? '';
    const documented = lookupErrorCode(code);
    assert.ok(documented.found, `a documented code: ${code}`);
    assert.match(code, /^ResourceNotFound\./);
    assert.ok(((await popup.textContent('#response-error')) ?? '').includes(documented.info.messageEn), 'the documented meaning is shown');
  });

  test('a wrong SecretKey is refused by the emulator: the verification is real', async () => {
    await addProfile(popup, {
      name: 'wrong key',
      secretId: DEMO_CREDENTIAL.secretId,
      secretKey: 'wrongSecretKey000000000000000000',
      endpoint: emulator.endpoint,
    });
    await popup.click('#tab-request');
    await popup.selectOption('#profile', { label: 'wrong key' });
    await popup.fill('#params', `{"ProductId": "${DEMO_PRODUCT_ID}", "DeviceName": "thermostat-1"}`);
    await popup.click('#send');
    await popup.waitForSelector('#response-error:not([hidden]) strong:text-is("AuthFailure.SignatureFailure")');
    await popup.selectOption('#profile', { label: 'emulator' });
  });

  test('history lists sends newest first and is searchable', async () => {
    await popup.click('#tab-history');
    await waitForCount(popup, '#history-list li', 3);
    const outcomes = await popup.$$eval('#history-list li', (items) => items.map((i) => i.querySelector('.profile')?.textContent?.split(' · ')[0]));
    assert.deepEqual(outcomes, ['wrong key', 'emulator', 'emulator']);
    await popup.fill('#history-search', 'no-such-device');
    await waitForCount(popup, '#history-list li', 1);
    await popup.fill('#history-search', 'SignatureFailure');
    await waitForCount(popup, '#history-list li', 1);
    await popup.fill('#history-search', '');
    await waitForCount(popup, '#history-list li', 3);
  });

  test('replay signs again with a fresh timestamp and the emulator accepts it', async () => {
    // X-TC-Timestamp has one-second resolution: wait so the replay's is visibly newer.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await popup.click('#history-list li:last-child [data-command="replay"]');
    await waitForCount(popup, '#history-list li', 4);
    const [replay, , , original] = await storedHistory();
    assert.equal(replay!.replayOf !== undefined, true);
    assert.equal(replay!.action, 'DescribeDevice');
    assert.equal(replay!.response?.error, undefined, 'the emulator accepted the fresh signature');
    assert.ok(Number(replay!.wire.headers['X-TC-Timestamp']) > Number(original!.wire.headers['X-TC-Timestamp']), 'a fresh timestamp, not the stored signature');
    // History keeps no signature (the core's secret policy); the replay was signed afresh, as its timestamp shows.
    assert.equal(replay!.wire.headers['Authorization'], REDACTED);
    assert.match((await popup.textContent('#history-list li:first-child')) ?? '', /HTTP 200.*replay/s);
  });

  test('edit-and-replay sends the edited request re-signed', async () => {
    await popup.click('#history-list li:last-child [data-command="edit"]');
    assert.equal(await popup.getAttribute('#tab-request', 'aria-selected'), 'true');
    assert.equal(await popup.inputValue('#action'), 'DescribeDevice');
    await popup.fill('#params', `{"ProductId": "${DEMO_PRODUCT_ID}", "DeviceName": "thermostat-2"}`);
    await popup.click('#send');
    await popup.waitForSelector('#response-body:has-text("thermostat-2")');
    const [edited] = await storedHistory();
    assert.equal(edited!.replayOf !== undefined, true);
    assert.equal(edited!.response?.error, undefined);
    assert.deepEqual(JSON.parse(edited!.wire.body), { ProductId: DEMO_PRODUCT_ID, DeviceName: 'thermostat-2' });
  });

  test('a destructive action asks first, on send and on replay', async () => {
    await popup.click('#new-request');
    await popup.fill('#action', 'DeleteDevice');
    await popup.fill('#params', `{"ProductId": "${DEMO_PRODUCT_ID}", "DeviceName": "thermostat-2"}`);
    await popup.click('#send');
    await popup.waitForSelector('#confirm[open]');
    assert.match((await popup.textContent('#confirm-text')) ?? '', /DeleteDevice/);
    await popup.click('#confirm button[value="cancel"]');
    await popup.waitForSelector('#status:has-text("Not sent")');
    assert.equal(await deviceExists('thermostat-2'), true, 'cancelled: nothing sent');
    await popup.click('#send');
    await popup.click('#confirm button[value="ok"]');
    await popup.waitForSelector('#response-meta:has-text("HTTP 200")');
    assert.equal(await deviceExists('thermostat-2'), false, 'confirmed: deleted');

    const count = (await storedHistory()).length;
    await popup.click('#tab-history');
    await popup.waitForSelector('#history-list li:first-child .action:text-is("DeleteDevice")');
    await popup.click('#history-list li:first-child [data-command="replay"]');
    await popup.waitForSelector('#confirm[open]');
    await popup.click('#confirm button[value="cancel"]');
    await popup.waitForSelector('#history-status:has-text("Not sent")');
    assert.equal((await storedHistory()).length, count, 'replay cancelled: nothing sent');
  });

  test('the action picker searches the catalog and generates the parameter form', async () => {
    await popup.click('#tab-request');
    const options = await popup.$$eval('#action-names option', (items) => items.map((o) => o.getAttribute('value')));
    assert.ok(options.includes('DescribeDevice') && options.includes('UpdateDeviceShadow') && options.length >= 39, `catalog actions: ${options.length}`);
    await popup.fill('#action', 'UpdateDeviceShadow');
    await popup.waitForSelector('#param-ShadowVersion');
    assert.match((await popup.textContent('#action-description')) ?? '', /UpdateDeviceShadow/);
    assert.equal(await popup.getAttribute('label:has(#param-ProductId) span', 'class'), 'required');
    await popup.fill('#params', '{}');
    await popup.fill('#param-ProductId', DEMO_PRODUCT_ID);
    await popup.fill('#param-ShadowVersion', '7');
    assert.deepEqual(
      JSON.parse(await popup.inputValue('#params')),
      { ProductId: DEMO_PRODUCT_ID, ShadowVersion: 7 },
      'the form writes typed values into the JSON',
    );
  });

  test('IoT Explorer browsed by group, ControlDeviceData filled and signed (its catalog fetched by the worker on first use): the signature is the official SDK’s', async () => {
    // The SDK signs the host without a port (tencentcloud-sdk-nodejs-common sign.js: urlObj.hostname): a profile on the public endpoint.
    await addProfile(popup, { name: 'explorer', secretId: EXPLORER_ID, secretKey: EXPLORER_KEY, endpoint: '' });
    await popup.click('#tab-request');
    await popup.selectOption('#profile', { label: 'explorer' });
    await popup.selectOption('#browse-service', 'iotexplorer');
    const group = (await popup.locator('#browse-group option').allTextContents()).find((o) => o.startsWith('Thing model and device data ('))!;
    assert.ok(group, 'the thing-model group is offered for iotexplorer');
    await popup.selectOption('#browse-group', { label: group });
    const listed = await popup.locator('#action-names option').evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
    assert.equal(listed.length, Number(/\((\d+)\)$/.exec(group)![1]), 'the search list holds the group’s actions only');
    assert.ok(listed.includes('ControlDeviceData') && listed.includes('DescribeDeviceData'));
    assert.equal(
      await popup.textContent('#action-names option[value="ControlDeviceData"]'),
      "Set a device's property data (control the device) · iotexplorer · Thing model and device data",
    );
    await popup.fill('#action', 'ControlDeviceData');
    await popup.waitForSelector('#param-Data');
    await popup.fill('#params', '{}');
    await popup.fill('#param-ProductId', 'EXPLORER01');
    await popup.fill('#param-DeviceName', 'lamp-1');
    await popup.fill('#param-Data', '{"power_switch":1}');
    await popup.click('#show-signature');
    await popup.waitForSelector('#status:has-text("Signed with timestamp")');
    const timestamp = Number(/(\d{10})/.exec((await popup.textContent('#status')) ?? '')?.[1]);
    const canonical = (await popup.textContent('#step-list li[data-step="canonicalRequest"] pre')) ?? '';
    const authorization = (await popup.textContent('#step-list li[data-step="authorization"] pre')) ?? '';
    assert.match(canonical, /^POST\n\/\n\ncontent-type:application\/json\nhost:iotexplorer\.tencentcloudapi\.com\n/);
    // The body signed is the form's values as JSON: its hash is the canonical request's last line.
    const body = JSON.stringify({ ProductId: 'EXPLORER01', DeviceName: 'lamp-1', Data: '{"power_switch":1}' });
    assert.equal(canonical.split('\n').at(-1), createHash('sha256').update(body).digest('hex'));
    const expected = sdkSign.sign3({
      method: 'POST',
      url: 'https://iotexplorer.tencentcloudapi.com/',
      payload: Buffer.from(body, 'utf8'),
      timestamp,
      service: 'iotexplorer',
      secretId: EXPLORER_ID,
      secretKey: EXPLORER_KEY,
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(authorization, expected, 'the popup signs ControlDeviceData as tencentcloud-sdk-nodejs does');
    await popup.screenshot({ path: `${process.env['TMPDIR'] ?? '/tmp'}/iot-devkit-popup-explorer-signed.png` });
    await popup.selectOption('#browse-group', '');
    await popup.selectOption('#browse-service', '');
    await popup.selectOption('#profile', { label: 'emulator' });
  });

  test('in English an IoT Explorer action shows its English title first, its Chinese-only description labelled', async () => {
    await popup.click('#tab-request');
    assert.equal(
      await popup.textContent('#action-names option[value="ControlDeviceData"]'),
      "Set a device's property data (control the device) · iotexplorer · Thing model and device data",
    );
    await popup.fill('#action', 'ControlDeviceData');
    await popup.waitForSelector('#param-Data');
    assert.equal(await popup.inputValue('#service'), 'iotexplorer');
    const heading = popup.locator('#action-description');
    assert.equal(await heading.locator('.heading-title').textContent(), "Set a device's property data (control the device)");
    assert.equal(await heading.locator('.heading-description .lang-label').textContent(), 'Chinese only');
    assert.equal(await heading.locator('.heading-description span[lang="zh-CN"]').textContent(), '根据设备产品ID、设备名称，设置控制设备的属性数据。');
    // The title comes before the labelled Chinese, and nothing Chinese is outside a labelled part.
    const text = (await heading.textContent()) ?? '';
    assert.ok(text.indexOf('Set a device') < text.indexOf('Chinese only'), text);
    assert.match((await popup.getAttribute('#param-ProductId', 'title')) ?? '', /^\[Chinese only\] 产品ID/);
  });

  test('a secret parameter typed in the form stays out of storage.local (the draft keeps it in session memory)', async () => {
    await popup.fill('#action', 'CreateDevice');
    await popup.waitForSelector('#param-DefinedPsk');
    assert.equal(await popup.getAttribute('#param-DefinedPsk', 'type'), 'password');
    await popup.fill('#params', '{}');
    await popup.fill('#param-DefinedPsk', 'c2VjcmV0LXBzay1vbmx5LWZvci10ZXN0cw==');
    const local = await ext.worker.evaluate(async () => JSON.stringify(await (globalThis as unknown as ChromeGlobal).chrome.storage.local.get(null)));
    assert.ok(!local.includes('c2VjcmV0LXBzay1vbmx5LWZvci10ZXN0cw=='));
    const reopened = await ext.open('popup.html');
    await waitReady(reopened);
    assert.deepEqual(JSON.parse(await reopened.inputValue('#params')), { DefinedPsk: 'c2VjcmV0LXBzay1vbmx5LWZvci10ZXN0cw==' });
    await reopened.close();
  });

  test('parameters the catalog refuses are named and nothing is sent', async () => {
    const before = (await storedHistory()).length;
    await popup.fill('#action', 'CreateDevice');
    await popup.fill('#params', `{"ProductId": "${DEMO_PRODUCT_ID}", "DeviceName": "bad name!"}`);
    await popup.click('#send');
    await popup.waitForSelector('#status:has-text("DeviceName")');
    assert.match((await popup.textContent('#status')) ?? '', /^Not sent: .*DeviceName/);
    assert.equal((await storedHistory()).length, before);
  });

  test('a pasted curl command with a stale signature is read, re-signed and accepted', async () => {
    const stale = buildHttpRequest(
      {
        service: 'iotcloud',
        version: '2021-04-08',
        action: 'DescribeDevice',
        region: 'ap-guangzhou',
        params: { ProductId: DEMO_PRODUCT_ID, DeviceName: 'thermostat-1' },
        endpoint: emulator.endpoint,
      },
      { credentials: DEMO_CREDENTIAL, timestamp: Math.floor(Date.now() / 1000) - 3600 },
    );
    await popup.check('#mode-paste');
    await popup.fill('#pasted', toCurl(stale));
    await popup.click('#send');
    await popup.waitForSelector('#response-body:has-text("thermostat-1")');
    assert.equal(await popup.isHidden('#response-error'), true, (await popup.textContent('#response-error')) ?? '');
    const [sent] = await storedHistory();
    assert.ok(Number(sent!.wire.headers['X-TC-Timestamp']) > Math.floor(Date.now() / 1000) - 60, 'signed now, not an hour ago');
    assert.equal(await popup.inputValue('#action'), 'DescribeDevice', 'the paste is shown as the call it makes');
    await popup.check('#mode-action');
  });

  test('closing and reopening the popup brings back everything typed', async () => {
    await popup.click('#tab-request');
    await popup.fill('#action', 'PublishMessage');
    await popup.fill('#params', '{"Topic": "DEMO000001/thermostat-1/data", "Payload": "half-typed');
    await popup.click('#tab-profiles');
    await popup.fill('#profile-secret-key', 'half-typed-secret');
    await popup.close();

    const reopened = await ext.open('popup.html');
    const reopenedErrors = collectErrors(reopened);
    await waitReady(reopened);
    assert.equal(await reopened.getAttribute('#tab-profiles', 'aria-selected'), 'true', 'the tab that was open');
    assert.equal(await reopened.inputValue('#profile-secret-key'), 'half-typed-secret', 'secret drafts come back from session memory');
    assert.equal(await reopened.inputValue('#action'), 'PublishMessage');
    assert.equal(await reopened.inputValue('#params'), '{"Topic": "DEMO000001/thermostat-1/data", "Payload": "half-typed');
    const stored = await ext.worker.evaluate(async () => JSON.stringify(await (globalThis as unknown as ChromeGlobal).chrome.storage.local.get(null)));
    assert.ok(!stored.includes('half-typed-secret'), 'a secret draft never reaches storage.local');
    assert.ok(!stored.includes(DEMO_CREDENTIAL.secretKey), 'the SecretKey never reaches storage.local');
    assert.deepEqual(reopenedErrors, []);
  });

  test('no page errors', () => {
    assert.deepEqual(errors, []);
  });
});
