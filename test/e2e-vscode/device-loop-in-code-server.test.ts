// The device loop in a real VS Code (code-server 4.100.3) against a real emulator with its MQTT broker on free ports:
// from the products → devices tree's context menu a virtual device connects (MQTT.js, loaded from the lazy bundle);
// the shadow is edited and pushed explicitly; the device receives the delta and reports it back, the monitor shows
// both, and the shadow editor reloads with the reported value. Publish Message offers the product's CreateTopicPolicy
// topics; Copy MQTT Credentials gives a password checked here with node:crypto; Delete Device and Delete Rule ask
// first; Disable/Enable Rule toggle the rule on the emulator (read through the API); a CONNECT refused for a PSK
// rotated meanwhile is shown with the broker's named cause.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_CREDENTIAL, DEMO_PRODUCT_ID, DEMO_RULE_NAME, type ShadowDocument } from '@iot-devkit/core';
import type { Locator, Page } from 'playwright-core';
import { admin, coreClient, expectOk } from '../emulator/harness.js';
import { connectDevice, deviceCredentials } from '../mqtt/deviceClient.js';
import { failureShot, renderShadow, startDevkitSession, TYPING, type DevkitSession } from './support/devkitSession.js';
import { startTcpRelay, type TcpRelay } from './support/tcpRelay.js';
import { editorText, runCommand, screenshot, typeDocument, waitFor } from './support/workbench.js';

const PRODUCT = DEMO_PRODUCT_ID;
const DEVICE = 'thermostat-1';
/** The demo device's made-up PSK (core/src/emulator/demoState.ts): base64 of "iotdevkit-demo-1". */
const DEMO_PSK = Buffer.from('iotdevkit-demo-1').toString('base64');
/** Another made-up PSK, for the device whose key is rotated while it connects. */
const ROTATED_PSK = Buffer.from('iotdevkit-rotated').toString('base64');

/** Every file under `dir` whose name matches, for the monitor's log file (a LogOutputChannel writes one). */
function findFiles(dir: string, name: RegExp): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? findFiles(path, name) : name.test(entry) ? [path] : [];
  });
}

let page: Page;
const shot = failureShot('device', () => page);

describe('the device loop from the tree', { timeout: 400_000 }, () => {
  let session: DevkitSession;
  /** The profile's broker: a plain TCP relay to the emulator's MQTT port, so one test can hold a CONNECT back. */
  let relay: TcpRelay;
  let broker: string;
  const emulator = () => session.emulator;
  const api = () => coreClient(emulator().endpoint, { scheme: 'TC3-HMAC-SHA256', method: 'POST' });
  const cloud = (device = DEVICE): Promise<ShadowDocument> => session.shadow(device);
  const tree = () => page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Products & Devices/i }) });
  const row = (text: string | RegExp): Locator => tree().locator('.monaco-list-row', { hasText: text }).first();
  /** Right-clicks a tree row and picks a context-menu entry by its title. */
  const contextMenu = async (target: Locator, title: string) => {
    await target.click({ button: 'right' });
    // The workbench's menu takes the entry under the pointer on Enter; a click can land while it is still opening.
    const entry = page.locator('.monaco-menu .action-item', { hasText: title }).first();
    await entry.waitFor({ timeout: 10_000 });
    await entry.hover();
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter');
    await page.locator('.monaco-menu').first().waitFor({ state: 'detached', timeout: 10_000 });
  };
  const toast = (text: string | RegExp) => page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  /** The monitor's log file: what the LogOutputChannel of the device holds, read from the user-data folder. */
  const monitorLog = (device = DEVICE) =>
    findFiles(join(session.codeServer.userDataDir, 'logs'), new RegExp(`${device}.*\\.log$`))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
  const pick = (text: string | RegExp) => page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().click({ timeout: 10_000 });

  before(async () => {
    // Adding the profile of the same name stores its SecretKey and keeps the broker set in settings.
    session = await startDevkitSession({
      emulator: { mqttPort: 0 },
      settings: async (started) => {
        relay = await startTcpRelay(started.mqttPort!);
        broker = `mqtt://127.0.0.1:${relay.port}`;
        const profile = { name: 'e2e', secretId: DEMO_CREDENTIAL.secretId, region: 'ap-guangzhou', endpoint: started.endpoint, mqttBroker: broker };
        return { 'files.autoSave': 'off', ...TYPING, 'iotDevkit.profiles': [profile] };
      },
    });
    page = session.page;
    await row(PRODUCT).click({ timeout: 20_000 });
    await row(DEVICE).waitFor({ timeout: 20_000 });
  });

  after(async () => {
    await session?.close();
    await relay?.close();
  });

  it(
    'Connect Virtual Device from the context menu: the device is online on the broker, marked in the tree and the status bar',
    shot('connect', async () => {
      await contextMenu(row(DEVICE), 'Connect Virtual Device');
      await toast(`Virtual device ${DEVICE} connected to ${broker}`).waitFor({ timeout: 30_000 });
      const { json } = await admin(emulator().endpoint, 'GET', '/connections');
      const connected = json['connected'] as { clientId: string }[];
      assert.ok(
        connected.some((c) => c.clientId === `${PRODUCT}${DEVICE}`),
        `the broker has ${PRODUCT}${DEVICE} connected: ${JSON.stringify(json)}`,
      );
      await row(DEVICE).locator('.label-description', { hasText: 'virtual device connected' }).waitFor({ timeout: 10_000 });
      await page.locator('.statusbar-item', { hasText: DEVICE }).first().waitFor();
      // On start the device asked for its shadow and reported the demo's pending delta (targetTemperature 22) back.
      const shadow = await waitFor('the pending delta reported', async () => {
        const now = await cloud();
        return (now.state.reported as Record<string, unknown>)['targetTemperature'] === 22 ? now : undefined;
      });
      assert.equal((shadow.state.desired as Record<string, unknown>)['targetTemperature'], 22);
      await screenshot(page, 'device-1-connected');
    }),
  );

  it(
    'a desired change saved and pushed reaches the device as a delta; its report comes back to the monitor and the editor',
    shot('loop', async () => {
      await contextMenu(row(DEVICE), 'Open Device Shadow');
      await waitFor('the shadow in the editor', async () => (await editorText(page)).includes('"targetTemperature": 22') || undefined);
      const before = await cloud();
      const edited = { ...before, state: { ...before.state, desired: { ...(before.state.desired as object), targetTemperature: 26 } } };
      await typeDocument(page, renderShadow(edited as ShadowDocument));
      await page.keyboard.press('Control+S');
      // The device's report lands: reported equals the new desired, at a version past the push.
      const reported = await waitFor(
        'the report of the delta',
        async () => {
          const now = await cloud();
          return (now.state.reported as Record<string, unknown>)['targetTemperature'] === 26 ? now : undefined;
        },
        30_000,
      );
      assert.ok(reported.version >= before.version + 2, `a push and a report: version ${before.version} → ${reported.version}`);
      await toast(`${DEVICE} reported {"targetTemperature":26}: shadow version ${reported.version}`).waitFor({ timeout: 15_000 });
      // The editor reloaded the cloud's copy: the reported value and the version the report made.
      await waitFor('the editor at the reported version', async () => {
        const text = await editorText(page);
        return (text.includes(`"version": ${reported.version}`) && text) || undefined;
      });
      const log = await waitFor('the monitor log', () => (monitorLog().includes('Report accepted') ? monitorLog() : undefined));
      assert.match(log, /← \$shadow\/operation\/result\/DEMO000001\/thermostat-1 · QoS \d/);
      assert.match(log, /Delta \{"targetTemperature":26\} \(version \d+\): applied; reporting it back\./);
      assert.match(
        log,
        /→ \$shadow\/operation\/DEMO000001\/thermostat-1 · QoS 0 · from the virtual device\n\{\n {2}"type": "update",\n {2}"state": \{\n {4}"reported": \{\n {6}"targetTemperature": 26/,
      );
      assert.match(log, new RegExp(`Report accepted: the shadow is at version ${reported.version}\\.`));
      assert.doesNotMatch(log, new RegExp(DEMO_PSK.replace(/[+/=]/g, '\\$&')), 'the PSK is not in the monitor');
      await screenshot(page, 'device-2-report-in-editor');
      await runCommand(page, 'View: Toggle Maximized Panel').catch(() => undefined);
      await page.locator('.part.panel .monaco-editor .view-lines', { hasText: 'Report accepted' }).first().waitFor({ timeout: 15_000 });
      await screenshot(page, 'device-3-monitor');
      await runCommand(page, 'View: Toggle Maximized Panel').catch(() => undefined);
    }),
  );

  it(
    'Publish Message: from the virtual device the rule runs on it (in the monitor); through PublishMessage the device receives it',
    shot('publish', async () => {
      const answer = async (value: string) => {
        const input = page.locator('.quick-input-widget input');
        await input.fill(value);
        await input.press('Enter');
      };
      await contextMenu(row(DEVICE), 'Publish Message');
      await pick('From the virtual device (device → cloud)');
      await pick(`${PRODUCT}/${DEVICE}/event`);
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'payload' }).waitFor({ timeout: 10_000 });
      await answer('{"temperature": 31}');
      await toast(`Published JSON (19 characters) to ${PRODUCT}/${DEVICE}/event from the virtual device.`).waitFor({ timeout: 15_000 });
      // The demo rule (temperature > 30 on +/event) ran on it: the monitor reads that from the emulator.
      const ruleLine = await waitFor(
        'the rule evaluation in the monitor',
        () => /Rule thermostat_overheat on DEMO000001\/thermostat-1\/event: WHERE held; SELECT gave \{"temperature":31\}.*/.exec(monitorLog())?.[0],
      );
      assert.match(ruleLine, /republish/);
      assert.match(monitorLog(), /→ DEMO000001\/thermostat-1\/event · QoS 0 · from the virtual device\n\{\n {2}"temperature": 31\n\}/);

      await contextMenu(row(DEVICE), 'Publish Message');
      await pick('Through the PublishMessage API (cloud → device)');
      await pick(`${PRODUCT}/${DEVICE}/control`);
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'payload' }).waitFor({ timeout: 10_000 });
      await answer('{"cmd": "reboot"}');
      await toast(/through the PublishMessage API\./).waitFor({ timeout: 15_000 });
      // The virtual device received it from the broker.
      await waitFor('the command received', () => /← DEMO000001\/thermostat-1\/control · QoS 0\n\{\n {2}"cmd": "reboot"\n\}/.test(monitorLog()) || undefined);
      const { json } = await admin(emulator().endpoint, 'GET', '/messages');
      assert.ok(
        (json['Messages'] as { Topic: string }[]).some((m) => m.Topic === `${PRODUCT}/${DEVICE}/control`),
        'PublishMessage recorded it',
      );
      await screenshot(page, 'device-8-published');
    }),
  );

  it(
    "Publish Message offers the product's CreateTopicPolicy topics; the virtual device, subscribed to them, receives one",
    shot('topic-policies', async () => {
      // One created now through the API (both directions), beside the demo's "alert" (Privilege 2: the device subscribes).
      expectOk(await api()('CreateTopicPolicy', { ProductId: PRODUCT, TopicName: 'e2e-both', Privilege: 3 }), 'CreateTopicPolicy');
      /** The topic pick's row of one of the device's own topics. */
      const choice = (name: string) => page.locator('.quick-input-list .monaco-list-row', { hasText: `${PRODUCT}/${DEVICE}/${name}` }).first();
      await contextMenu(row(DEVICE), 'Publish Message');
      await pick('From the virtual device (device → cloud)');
      await choice('e2e-both').waitFor({ timeout: 10_000 });
      assert.equal(await choice('alert').count(), 0, 'the device may not publish to alert');
      await page.keyboard.press('Escape');

      await contextMenu(row(DEVICE), 'Publish Message');
      await pick('Through the PublishMessage API (cloud → device)');
      await choice('e2e-both').waitFor({ timeout: 10_000 });
      const alert = choice('alert');
      assert.match(await alert.innerText(), /a CreateTopicPolicy topic/);
      // Each topic says what it is for in the UI language (core's LocalizedText; the zh-CN side: publish-topics-zh-cn).
      assert.match(await choice('control').innerText(), /commands to the device/);
      await screenshot(page, 'device-9-topic-policies');
      await alert.click();
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'payload' }).waitFor({ timeout: 10_000 });
      const input = page.locator('.quick-input-widget input');
      await input.fill('{"level": "high"}');
      await input.press('Enter');
      await waitFor('the alert received', () => /← DEMO000001\/thermostat-1\/alert · QoS 0\n\{\n {2}"level": "high"\n\}/.test(monitorLog()) || undefined);
    }),
  );

  it(
    'Copy MQTT Credentials copies a password the test recomputes with node:crypto, and names it masked',
    shot('credentials', async () => {
      await contextMenu(row(DEVICE), 'Copy MQTT Credentials');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'All, as JSON' }).first().click({ timeout: 10_000 });
      const message = toast(/Copied the MQTT credentials of thermostat-1/);
      await message.waitFor({ timeout: 15_000 });
      const copied = JSON.parse(
        await waitFor('the credentials on the clipboard', async () => {
          const text = String(await page.evaluate('navigator.clipboard.readText()'));
          return text.includes('"password"') ? text : undefined;
        }),
      ) as Record<string, string>;
      assert.equal(copied['clientId'], `${PRODUCT}${DEVICE}`);
      assert.equal(copied['broker'], broker);
      const signature = createHmac('sha256', Buffer.from(DEMO_PSK, 'base64')).update(copied['username']!).digest('hex');
      assert.equal(copied['password'], `${signature};hmacsha256`, 'HMAC-SHA256 of the username with the PSK');
      const text = await message.innerText();
      assert.doesNotMatch(text, new RegExp(signature), 'the notification does not show the password');
      assert.match(text, /password [0-9a-f]{4}\*{4}/, 'it shows the password masked');
      await screenshot(page, 'device-4-credentials-copied');
    }),
  );

  it(
    'Disable Rule and Enable Rule toggle the rule on the emulator, and the row shows the state',
    shot('rule', async () => {
      const ruleState = async () => {
        const rules = expectOk(await api()('ListTopicRules', { PageNum: 1, PageSize: 100 }), 'ListTopicRules')['Rules'] as {
          RuleName: string;
          RuleDisabled: boolean;
        }[];
        return rules.find((r) => r.RuleName === DEMO_RULE_NAME)?.RuleDisabled;
      };
      assert.equal(await ruleState(), false);
      await tree().locator('.monaco-list-row[aria-level="2"]', { hasText: 'Rules' }).first().click();
      await contextMenu(row(DEMO_RULE_NAME), 'Disable Rule');
      await waitFor('the rule disabled', async () => (await ruleState()) === true || undefined);
      await row(DEMO_RULE_NAME).locator('.label-description', { hasText: 'disabled' }).waitFor({ timeout: 10_000 });
      await screenshot(page, 'device-5-rule-disabled');
      await contextMenu(row(DEMO_RULE_NAME), 'Enable Rule');
      await waitFor('the rule enabled', async () => (await ruleState()) === false || undefined);
    }),
  );

  it(
    'Delete Rule asks, naming the rule, deletes it on the emulator and the tree drops its row',
    shot('delete-rule', async () => {
      const ruleNames = async () =>
        (expectOk(await api()('ListTopicRules', { PageNum: 1, PageSize: 100 }), 'ListTopicRules')['Rules'] as { RuleName: string }[]).map((r) => r.RuleName);
      assert.ok((await ruleNames()).includes(DEMO_RULE_NAME));
      await contextMenu(row(DEMO_RULE_NAME), 'Delete Rule');
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 10_000 });
      assert.match(await dialog.innerText(), new RegExp(`Delete rule "${DEMO_RULE_NAME}"\\?`));
      assert.match(await dialog.innerText(), /It stops running on .+; this cannot be undone\./);
      await screenshot(page, 'device-10-delete-rule-confirm');
      await dialog.locator('.monaco-button', { hasText: 'Delete Rule' }).first().click();
      await toast(`Deleted rule ${DEMO_RULE_NAME}.`).waitFor({ timeout: 15_000 });
      assert.ok(!(await ruleNames()).includes(DEMO_RULE_NAME), 'the emulator no longer has the rule');
      await waitFor('the rule row gone', async () => (await tree().locator('.monaco-list-row', { hasText: DEMO_RULE_NAME }).count()) === 0 || undefined);
    }),
  );

  it(
    'Delete Device asks, naming the device, and deletes it',
    shot('delete', async () => {
      const other = 'thermostat-2';
      await contextMenu(row(other), 'Delete Device');
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 10_000 });
      assert.match(await dialog.innerText(), /Delete device "thermostat-2" of product DEMO000001\?/);
      await screenshot(page, 'device-6-delete-confirm');
      await dialog.locator('.monaco-button', { hasText: 'Delete Device' }).first().click();
      await toast(`Deleted device ${other} of ${PRODUCT}.`).waitFor({ timeout: 15_000 });
      const answer = await api()('DescribeDevice', { ProductId: PRODUCT, DeviceName: other });
      assert.equal(answer.ok, false, 'the device is gone');
      await waitFor('the row gone', async () => (await tree().locator('.monaco-list-row', { hasText: other }).count()) === 0 || undefined);
    }),
  );

  it(
    'Create Device checks the DeviceName as typed, creates it and reveals it',
    shot('create', async () => {
      await contextMenu(row(PRODUCT), 'Create Device');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 10_000 });
      await input.fill('bad name!');
      await page
        .locator('.quick-input-message', { hasText: /DeviceName: .*a-z A-Z 0-9 : _ -/ })
        .first()
        .waitFor({ timeout: 10_000 });
      await screenshot(page, 'device-7-create-invalid-name');
      await input.fill('vscode-dev-1');
      await input.press('Enter');
      await toast(`Created device vscode-dev-1 in ${PRODUCT}.`).waitFor({ timeout: 15_000 });
      expectOk(await api()('DescribeDevice', { ProductId: PRODUCT, DeviceName: 'vscode-dev-1' }), 'the new device');
      await tree().locator('.monaco-list-row.selected', { hasText: 'vscode-dev-1' }).first().waitFor({ timeout: 10_000 });
    }),
  );

  it(
    'a CONNECT refused for a PSK rotated while connecting: the notification and the monitor name the cause the broker found',
    shot('refused', async () => {
      const other = 'vscode-dev-1';
      // The relay holds the CONNECT after the extension read the PSK from DescribeDevice and signed with it; the PSK is
      // rotated meanwhile (as a colleague's UpdateDevicePSK would), so the broker judges a password of the old key.
      await runCommand(page, 'Notifications: Clear All Notifications');
      const held = relay.holdNext();
      await contextMenu(row(other), 'Connect Virtual Device');
      await held.arrived;
      expectOk(await api()('UpdateDevicePSK', { ProductId: PRODUCT, DeviceName: other, Psk: ROTATED_PSK }), 'UpdateDevicePSK');
      held.release();
      const message = toast(/Connect Virtual Device failed/);
      await message.waitFor({ timeout: 30_000 });
      const text = await message.innerText();
      assert.match(text, /the broker refused the connection: CONNACK 4 \(bad user name or password\)/);
      assert.match(text, /The password was not computed from this PSK over this username: the device holds another PSK \(regenerated by UpdateDevicePSK\?/);
      await screenshot(page, 'device-11-connect-refused');
      const log = await waitFor('the cause in the monitor', () => (/The emulator says why: /.test(monitorLog(other)) ? monitorLog(other) : undefined));
      assert.match(log, /The emulator says why: The password was not computed from this PSK/);
      assert.doesNotMatch(log, new RegExp(ROTATED_PSK.replace(/[+/=]/g, '\\$&')), 'no PSK in the monitor');
      const { json } = await admin(emulator().endpoint, 'GET', '/connections');
      assert.ok(!(json['connected'] as { clientId: string }[]).some((c) => c.clientId === `${PRODUCT}${other}`), 'not connected');
      await row(other).locator('.label-description', { hasText: 'virtual device connected' }).waitFor({ state: 'detached', timeout: 5_000 });
    }),
  );

  it(
    'an independent MQTT.js device (credentials computed with node:crypto) reads the reported state over MQTT; taking over the client id ends the virtual device, and the tree says so',
    shot('independent', async () => {
      const shadow = await cloud();
      const device = await connectDevice(`mqtt://127.0.0.1:${emulator().mqttPort}`, deviceCredentials(PRODUCT, DEVICE, DEMO_PSK));
      try {
        await device.client.subscribeAsync(`$shadow/operation/result/${PRODUCT}/${DEVICE}`, { qos: 0 });
        device.client.publish(`$shadow/operation/${PRODUCT}/${DEVICE}`, JSON.stringify({ type: 'get', clientToken: 'independent-1' }));
        const answer = JSON.parse((await device.next(`$shadow/operation/result/${PRODUCT}/${DEVICE}`)).text) as {
          payload: { version: number; state: { reported: Record<string, unknown> } };
        };
        assert.equal(answer.payload.state.reported['targetTemperature'], 26, 'the report of the loop, read over MQTT');
        assert.equal(answer.payload.version, shadow.version);
        // Same client id: the broker hands the session to the new client, and the virtual device is told it closed.
        await waitFor('the monitor saying it disconnected', () => /Disconnected from the broker\./.test(monitorLog()) || undefined);
        await row(DEVICE).locator('.label-description', { hasText: 'virtual device connected' }).waitFor({ state: 'detached', timeout: 10_000 });
        await page.locator('.statusbar-item', { hasText: DEVICE }).first().waitFor({ state: 'detached', timeout: 10_000 });
      } finally {
        await device.close();
      }
    }),
  );
});
