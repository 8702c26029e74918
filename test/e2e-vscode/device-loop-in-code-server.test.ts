// The device loop in a real VS Code (code-server 4.100.3) against a real emulator with its MQTT broker on free ports:
// from the products → devices tree's context menu a virtual device connects (MQTT.js, loaded from the lazy bundle);
// the shadow is edited and pushed explicitly; the device receives the delta and reports it back, the monitor shows
// both, and the shadow editor reloads with the reported value. Copy MQTT Credentials gives a password checked here
// with node:crypto; Delete Device asks first; Disable/Enable Rule toggle the rule on the emulator (read through the API).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_CREDENTIAL, DEMO_PRODUCT_ID, DEMO_RULE_NAME, type ShadowDocument } from '@iot-devkit/core';
import type { Browser, Locator, Page } from 'playwright-core';
import { admin, coreClient, expectOk, startTestEmulator } from '../emulator/harness.js';
import { connectDevice, deviceCredentials } from '../mqtt/deviceClient.js';
import { startCodeServer, type RunningCodeServer } from './support/codeServer.js';
import { editorText, openSidebarWithProfile, openWorkbench, runCommand, screenshot, SCREENSHOTS, typeDocument, waitFor } from './support/workbench.js';

const PRODUCT = DEMO_PRODUCT_ID;
const DEVICE = 'thermostat-1';
/** The demo device's made-up PSK (core/src/emulator/demoState.ts): base64 of "iotdevkit-demo-1". */
const DEMO_PSK = Buffer.from('iotdevkit-demo-1').toString('base64');

const TYPING = {
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoIndent': 'none',
  'editor.autoSurround': 'never',
  'editor.formatOnType': false,
};
const render = (shadow: ShadowDocument) =>
  `${JSON.stringify({ state: shadow.state, metadata: shadow.metadata, version: shadow.version, timestamp: shadow.timestamp }, null, 2)}\n`;

/** Every file under `dir` whose name matches, for the monitor's log file (a LogOutputChannel writes one). */
function findFiles(dir: string, name: RegExp): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? findFiles(path, name) : name.test(entry) ? [path] : [];
  });
}

let page: Page;
const shot = (name: string, fn: () => Promise<void>) => async () => {
  try {
    await fn();
  } catch (error) {
    await screenshot(page, `failed-device-${name}`).catch(() => undefined);
    throw error;
  }
};

describe('the device loop from the tree', { timeout: 400_000 }, () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  let codeServer: RunningCodeServer;
  let browser: Browser;
  const api = () => coreClient(emulator.endpoint, { scheme: 'TC3-HMAC-SHA256', method: 'POST' });
  const cloud = async (device = DEVICE): Promise<ShadowDocument> => {
    const { status, json } = await admin(emulator.endpoint, 'GET', `/devices/${PRODUCT}/${device}/shadow`);
    assert.equal(status, 200);
    return json['shadow'] as ShadowDocument;
  };
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
  const monitorLog = () =>
    findFiles(join(codeServer.userDataDir, 'logs'), /thermostat-1.*\.log$/)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');

  before(async () => {
    emulator = await startTestEmulator({ mqttPort: 0 });
    const profile = {
      name: 'e2e',
      secretId: DEMO_CREDENTIAL.secretId,
      region: 'ap-guangzhou',
      endpoint: emulator.endpoint,
      mqttBroker: `mqtt://127.0.0.1:${emulator.mqttPort}`,
    };
    codeServer = await startCodeServer({ settings: { 'files.autoSave': 'off', ...TYPING, 'iotDevkit.profiles': [profile] } });
    ({ browser, page } = await openWorkbench(codeServer.url));
    console.log(`screenshots: ${SCREENSHOTS}`);
    // Adding the profile of the same name stores its SecretKey and keeps the broker set in settings.
    await openSidebarWithProfile(page, ['e2e', DEMO_CREDENTIAL.secretId, DEMO_CREDENTIAL.secretKey, 'ap-guangzhou', emulator.endpoint]);
    await row(PRODUCT).click({ timeout: 20_000 });
    await row(DEVICE).waitFor({ timeout: 20_000 });
  });

  after(async () => {
    await browser?.close();
    await codeServer?.close();
    await emulator?.close();
  });

  it(
    'Connect Virtual Device from the context menu: the device is online on the broker, marked in the tree and the status bar',
    shot('connect', async () => {
      await contextMenu(row(DEVICE), 'Connect Virtual Device');
      await toast(`Virtual device ${DEVICE} connected to mqtt://127.0.0.1:${emulator.mqttPort}`).waitFor({ timeout: 30_000 });
      const { json } = await admin(emulator.endpoint, 'GET', '/connections');
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
      await typeDocument(page, render(edited as ShadowDocument));
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
      const pick = (text: string | RegExp) => page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().click({ timeout: 10_000 });
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
      const { json } = await admin(emulator.endpoint, 'GET', '/messages');
      assert.ok(
        (json['Messages'] as { Topic: string }[]).some((m) => m.Topic === `${PRODUCT}/${DEVICE}/control`),
        'PublishMessage recorded it',
      );
      await screenshot(page, 'device-8-published');
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
      assert.equal(copied['broker'], `mqtt://127.0.0.1:${emulator.mqttPort}`);
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
    'an independent MQTT.js device (credentials computed with node:crypto) reads the reported state over MQTT; taking over the client id ends the virtual device, and the tree says so',
    shot('independent', async () => {
      const shadow = await cloud();
      const device = await connectDevice(`mqtt://127.0.0.1:${emulator.mqttPort}`, deviceCredentials(PRODUCT, DEVICE, DEMO_PSK));
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
