// A new user's first .http session in a real VS Code (code-server) against the real emulator, the two .http features
// in one flow: a fresh workspace and the demo profile → "IoT Devkit: Open Example Collection" → the copied
// emulator.http checks clean → thermostat-1 picked in the status bar → Send on its last request, whose response tab
// shows the changed shadow (the emulator is checked over its own admin route, independently) → the CLI runs the same
// copied file from its folder, as its comments say. Then what the first tests left out: `TC3 profile:NAME` signs
// with that profile rather than the active one, an unknown NAME lists the profiles there are, and a bad environments
// file shows its problems as file:line.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_CREDENTIAL, DEMO_PRODUCT_ID } from '@iot-devkit/core';
import type { Browser, Page } from 'playwright-core';
import { startTestEmulator } from '../emulator/harness.js';
import { runCliAsync } from '../support/cli.js';
import { startCodeServer, type RunningCodeServer } from './support/codeServer.js';
import { editorTab, lensesTitled, openHttpFile, tabText } from './support/httpEditor.js';
import { addProfile, answerInput, openSidebarWithProfile, openWorkbench, runCommand, waitFor } from './support/workbench.js';

const SCREENSHOTS = join(tmpdir(), 'iot-devkit-e2e-vscode-example-collection');
const screenshot = async (page: Page, name: string) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
};

/** A made-up SecretKey for the emulator's SecretId: refused by the emulator, which holds the demo key. */
const WRONG_KEY = 'notTheEmulatorKey000000000000000';
const EXAMPLE_FIRST_LINE = "# IoT Devkit's example collection";
/** Where the example's environments point: `npx iot-devkit emulator`'s default port. */
const DEFAULT_ENDPOINT = 'http://127.0.0.1:9180';

/** Three requests: signed by the active profile, by profile:demo, by a profile that does not exist. */
const profilesFile = (endpoint: string) =>
  [
    '# Profiles by name',
    ...[
      ['active', ''],
      ['demo', 'profile:demo '],
      ['nobody', 'profile:nobody '],
    ].flatMap(([name, profile]) => [
      `### signed by ${profile || 'the active profile'}`,
      `# @name ${name}`,
      `POST ${endpoint}/`,
      `Authorization: TC3 ${profile}region:ap-guangzhou`,
      'X-TC-Action: DescribeDeviceShadow',
      'X-TC-Version: 2021-04-08',
      '',
      `{"ProductId": "${DEMO_PRODUCT_ID}", "DeviceName": "thermostat-1"}`,
      '',
    ]),
  ].join('\n');

/** Line 4 holds a literal secret, line 6 a value that is not text: two problems, each at its line. */
const BAD_ENVIRONMENTS = [
  '{',
  '  "$shared": { "endpoint": "http://127.0.0.1:9" },',
  '  "dev": {',
  '    "secretKey": "abc",',
  '    "deviceName": "d1",',
  '    "n": {}',
  '  }',
  '}',
  '',
].join('\n');
const BAD_HTTP = `# Bad environments\n###\nPOST {{endpoint}}/\nAuthorization: TC3\nX-TC-Action: DescribeDeviceShadow\n\n{"ProductId": "${DEMO_PRODUCT_ID}", "DeviceName": "{{deviceName}}"}\n`;

let page: Page;
const shot = (name: string, fn: () => Promise<void>) => async () => {
  try {
    await fn();
  } catch (error) {
    await screenshot(page, `failed-${name}`).catch(() => undefined);
    await runCommand(page, 'Notifications: Show Notifications').catch(() => undefined);
    const said = await page
      .locator('.notifications-center .notification-list-item-message, .notification-toast .notification-list-item-message')
      .allInnerTexts()
      .catch(() => []);
    console.log(`notifications at the failure of ${name}:\n${said.join('\n')}`);
    // The notification center open would keep the next test's toasts from showing.
    await runCommand(page, 'Notifications: Hide Notifications').catch(() => undefined);
    throw error;
  }
};

describe('a new user runs the example collection in code-server', { timeout: 300_000 }, () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  let codeServer: RunningCodeServer;
  let browser: Browser;

  const shadowOf = async (device: string) => {
    const response = await fetch(`${emulator.endpoint}_emulator/devices/${DEMO_PRODUCT_ID}/${device}/shadow`);
    return ((await response.json()) as { shadow: { version: number; state: { desired?: Record<string, unknown> } } }).shadow;
  };
  const statusItem = (text: string | RegExp) => page.locator('.statusbar-item', { hasText: text }).first();
  const toast = (text: string) => page.locator('.notification-toast', { hasText: text }).first();

  before(async () => {
    emulator = await startTestEmulator();
    codeServer = await startCodeServer({ settings: { 'files.autoSave': 'off' } });
    // The later tests' files are there before the workbench opens: Quick Open's file search was seen (on a loaded
    // 2-core CI machine) never to list a file written while the window was open, and Quick Open is how they are opened.
    writeFileSync(join(codeServer.folder, 'profiles.http'), profilesFile(emulator.endpoint.replace(/\/$/, '')));
    mkdirSync(join(codeServer.folder, 'bad'));
    writeFileSync(join(codeServer.folder, 'bad', 'iot-devkit.environments.json'), BAD_ENVIRONMENTS);
    writeFileSync(join(codeServer.folder, 'bad', 'bad.http'), BAD_HTTP);
    ({ browser, page } = await openWorkbench(codeServer.url));
    await page.setViewportSize({ width: 1400, height: 1200 });
    console.log(`screenshots: ${SCREENSHOTS}`);
    await openSidebarWithProfile(page, ['demo', DEMO_CREDENTIAL.secretId, DEMO_CREDENTIAL.secretKey, 'ap-guangzhou', emulator.endpoint]);
  });
  after(async () => {
    await browser?.close();
    await codeServer?.close();
    await emulator?.close();
  });

  it(
    'Open Example Collection → no squiggles → thermostat-1 in the status bar → Send on the last request: HTTP 200 and the new desired temperature',
    shot('example', async () => {
      const before = await shadowOf('thermostat-1');
      assert.equal(before.state.desired?.['targetTemperature'], 22, 'the demo shadow');
      await runCommand(page, 'IoT Devkit: Open Example Collection');
      await page.locator('.tabs-container .tab.active', { hasText: 'emulator.http' }).first().waitFor({ timeout: 20_000 });
      await page.locator('.editor-instance .view-line', { hasText: 'X-TC-Action: UpdateDeviceShadow' }).first().waitFor();
      await page.waitForTimeout(1500);
      assert.equal(await page.locator('.editor-instance .squiggly-error, .editor-instance .squiggly-warning').count(), 0, 'the collection checks clean');
      const copied = readFileSync(join(codeServer.folder, 'emulator.http'), 'utf8');
      assert.match(copied, /^# {3}npx iot-devkit http emulator\.http --env thermostat-1$/m, 'the CLI line is right from the folder it was copied to');
      assert.doesNotMatch(copied, /cli\/examples/);
      await screenshot(page, '1-example-opened');

      // The emulator of this test is not on the default port: the user changes the endpoint, as the file's first lines say.
      const environmentsPath = join(codeServer.folder, 'iot-devkit.environments.json');
      const environments = readFileSync(environmentsPath, 'utf8');
      assert.ok(environments.includes(`"endpoint": "${DEFAULT_ENDPOINT}"`), environments);
      writeFileSync(environmentsPath, environments.replace(DEFAULT_ENDPOINT, emulator.endpoint.replace(/\/$/, '')));

      await openHttpFile(page, 'emulator.http', EXAMPLE_FIRST_LINE);
      await statusItem(/thermostat-1|No environment/).click();
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'thermostat-2' }).first().waitFor();
      await screenshot(page, '2-environment-pick');
      await answerInput(page, 'thermostat-1');
      await statusItem('thermostat-1').waitFor({ timeout: 10_000 });

      await openHttpFile(page, 'emulator.http', EXAMPLE_FIRST_LINE);
      const sends = await lensesTitled(page, 'Send');
      assert.equal(sends.length, 2, 'a Send above each request');
      await sends[1]!.click();
      await editorTab(page, 'update response.jsonc').first().waitFor({ timeout: 30_000 });
      const text = await waitFor('the response of update', async () => {
        const shown = await tabText(page, 'update response.jsonc');
        return /^\/\/ HTTP 200 · \d+ ms · \d+ B · RequestId /m.test(shown) ? shown : undefined;
      });
      assert.match(text, /^\/\/ update · POST http:\/\/127\.0\.0\.1:\d+\/ · UpdateDeviceShadow · environment thermostat-1$/m);
      assert.match(text, /"desired": \{\s*"targetTemperature": 23/);
      assert.ok(!text.includes(DEMO_CREDENTIAL.secretKey));
      const cloud = await shadowOf('thermostat-1');
      assert.equal(cloud.state.desired?.['targetTemperature'], 23, 'the update reached the emulator');
      assert.equal(cloud.version, before.version + 1, 'one update: Send sent shadow, then update');
      await screenshot(page, '3-update-response');
    }),
  );

  it('the CLI runs the copied file from its folder, as its comments say', async () => {
    const before = await shadowOf('thermostat-2');
    const result = await runCliAsync(['http', 'emulator.http', '--env', 'thermostat-2'], {
      cwd: codeServer.folder,
      env: { TENCENTCLOUD_SECRET_ID: DEMO_CREDENTIAL.secretId, TENCENTCLOUD_SECRET_KEY: DEMO_CREDENTIAL.secretKey },
    });
    assert.equal(result.status, 0, result.stderr + result.stdout);
    assert.equal([...result.stdout.matchAll(/^ {2}HTTP 200 · /gm)].length, 2, result.stdout);
    assert.ok(!result.stdout.includes(DEMO_CREDENTIAL.secretKey) && !result.stderr.includes(DEMO_CREDENTIAL.secretKey));
    const changed = await shadowOf('thermostat-2');
    assert.equal(changed.version, before.version + 1);
    assert.equal(changed.state.desired?.['targetTemperature'], 19);
  });

  it(
    'TC3 profile:demo signs with that profile while another is active; an unknown profile:NAME lists the profiles there are',
    shot('profiles', async () => {
      // Added profiles become the active one: a bare "Authorization: TC3" now signs with the wrong key.
      await addProfile(page, ['wrong-key', DEMO_CREDENTIAL.secretId, WRONG_KEY, 'ap-guangzhou', emulator.endpoint]);
      await toast('Profile "wrong-key" added and active.').waitFor({ timeout: 15_000 });
      const responseOf = async (name: string, index: number) => {
        await openHttpFile(page, 'profiles.http', '# Profiles by name');
        await (await lensesTitled(page, 'Send'))[index]!.click();
        await editorTab(page, `${name} response.jsonc`).first().waitFor({ timeout: 30_000 });
        return waitFor(`the response of ${name}`, async () => {
          const shown = await tabText(page, `${name} response.jsonc`);
          return /^\/\/ HTTP \d+ /m.test(shown) ? shown : undefined;
        });
      };
      const active = await responseOf('active', 0);
      assert.match(active, /^\/\/ Error AuthFailure\.SignatureFailure: /m, 'the active profile is wrong-key');
      const named = await responseOf('demo', 1);
      assert.match(named, /^\/\/ HTTP 200 · /m);
      assert.doesNotMatch(named, /^\/\/ Error /m, 'profile:demo signed with the demo key');
      assert.ok(!named.includes(WRONG_KEY) && !named.includes(DEMO_CREDENTIAL.secretKey));

      await openHttpFile(page, 'profiles.http', '# Profiles by name');
      await (await lensesTitled(page, 'Send'))[2]!.click();
      const unknown = toast('profile:nobody is not an IoT Devkit profile');
      await unknown.waitFor({ timeout: 15_000 });
      const message = await unknown.innerText();
      assert.match(message, /profiles\.http:\d+:\d+: /, 'named with file:line:column');
      assert.match(message, /the profiles are: demo, wrong-key/);
      await screenshot(page, '4-unknown-profile');
    }),
  );

  it(
    'a bad environments file: the status bar says so, Send shows each problem as file:line, and Open goes to the first',
    shot('bad-environments', async () => {
      await openHttpFile(page, 'bad.http', '# Bad environments');
      await statusItem('Environments file has problems').waitFor({ timeout: 15_000 });
      // The earlier tests' toasts away, so the screenshot shows this one whole.
      await runCommand(page, 'Notifications: Clear All Notifications');
      await (await lensesTitled(page, 'Send'))[0]!.click();
      const error = toast('The environments file cannot be used');
      await error.waitFor({ timeout: 15_000 });
      const message = await error.innerText();
      assert.match(message, /bad\/iot-devkit\.environments\.json:4: dev\.secretKey: a secret is never written in this file/);
      assert.match(message, /bad\/iot-devkit\.environments\.json:6: dev\.n: expected a text value/);
      await page.waitForTimeout(500);
      await screenshot(page, '5-bad-environments');
      await error.locator('.monaco-button', { hasText: 'Open bad/iot-devkit.environments.json' }).click();
      await page.locator('.tabs-container .tab.active', { hasText: 'iot-devkit.environments.json' }).first().waitFor({ timeout: 10_000 });
      await statusItem('Ln 4, Col 1').waitFor({ timeout: 10_000 });
    }),
  );
});
