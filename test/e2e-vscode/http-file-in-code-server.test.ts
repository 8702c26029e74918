// Issue 16's requests as files in a real VS Code (code-server) against the real emulator: a .http file of three
// chained requests (read the shadow → update it with the version read → read it again) and an environments file of
// two demo devices. Send on the third request's CodeLens runs the chain and opens its response tab; the status bar
// switches the device; a wrong key gets AuthFailure.SignatureFailure and the Diagnose lens; Copy as curl fills the
// clipboard; and the CLI runs the same file. The emulator is checked over its own admin route, independently.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_CREDENTIAL, DEMO_PRODUCT_ID } from '@iot-devkit/core';
import type { Browser, Page } from 'playwright-core';
import { startTestEmulator } from '../emulator/harness.js';
import { runCliAsync } from '../support/cli.js';
import { startCodeServer, type RunningCodeServer } from './support/codeServer.js';
import { editorTab, lensesTitled as lensesIn, openHttpFile as openHttpFileIn, tabText as tabTextIn } from './support/httpEditor.js';
import { addProfile, answerInput, openSidebarWithProfile, openWorkbench, runCommand, waitFor } from './support/workbench.js';

/** This file's screenshots, in a folder of its own (other e2e files write theirs to the shared one at the same time). */
const SCREENSHOTS = join(tmpdir(), 'iot-devkit-e2e-vscode-http-files');
const screenshot = async (page: Page, name: string) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
};

/** A made-up SecretKey for the emulator's SecretId: signed right with it, refused by the emulator, which holds another. */
const WRONG_KEY = 'notTheEmulatorKey000000000000000';

const HTTP_FILE = `# Three chained requests against the emulator's demo data; {{endpoint}} and the device come from the environment.
@contentType = application/json

### Read the shadow: its version is what the update below must send
# @name shadow
POST {{endpoint}}/
Authorization: TC3 region:ap-guangzhou
Content-Type: {{contentType}}
X-TC-Action: DescribeDeviceShadow
X-TC-Version: 2021-04-08

{"ProductId": "{{productId}}", "DeviceName": "{{deviceName}}"}

### Change the desired temperature with the version just read
# @name update
POST {{endpoint}}/
Authorization: TC3 region:ap-guangzhou
Content-Type: {{contentType}}
X-TC-Action: UpdateDeviceShadow

{
  "ProductId": "{{productId}}",
  "DeviceName": "{{deviceName}}",
  "State": "{\\"desired\\":{\\"targetTemperature\\":{{targetTemperature}}}}",
  "ShadowVersion": {{shadow.response.body.$.Response.Data.payload.version}}
}

### Read it again; the update's RequestId makes Send here run the two above first
# @name after
POST {{endpoint}}/
Authorization: TC3 region:ap-guangzhou
Content-Type: {{contentType}}
X-TC-Action: DescribeDeviceShadow
X-Update-Request: {{update.response.body.$.Response.RequestId}}

{"ProductId": "{{productId}}", "DeviceName": "{{deviceName}}"}
`;

/** Keys from the environment, as the example collection takes them: the extension host has neither variable. */
const KEYS_FROM_ENV_FILE = `# Keys from environment variables
### read
# @name keys
POST {{endpoint}}/
Authorization: TC3 {{$processEnv IOT_E2E_SECRET_ID}} {{$processEnv IOT_E2E_SECRET_KEY}} region:ap-guangzhou
X-TC-Action: DescribeDeviceShadow
X-TC-Version: 2021-04-08

{"ProductId": "{{productId}}", "DeviceName": "{{deviceName}}"}
`;

/** A typo in a variable: nothing is sent, and the message names where. */
const BROKEN_FILE = `# A typo
###
POST {{endpoint}}/
Authorization: TC3
X-TC-Action: DescribeDevices

{"ProductId": "{{productid}}"}
`;

let page: Page;
const shot = (name: string, fn: () => Promise<void>) => async () => {
  try {
    await fn();
  } catch (error) {
    await screenshot(page, `failed-http-${name}`).catch(() => undefined);
    // What the extension said, for the failure's message (a toast may already sit in the notification center).
    await runCommand(page, 'Notifications: Show Notifications').catch(() => undefined);
    const said = await page
      .locator('.notifications-center .notification-list-item-message, .notification-toast .notification-list-item-message')
      .allInnerTexts()
      .catch(() => []);
    console.log(`notifications at the failure of ${name}:\n${said.join('\n')}`);
    throw error;
  }
};

describe('.http files in code-server', { timeout: 300_000 }, () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  let codeServer: RunningCodeServer;
  let browser: Browser;

  const shadowOf = async (device: string) => {
    const response = await fetch(`${emulator.endpoint}_emulator/devices/${DEMO_PRODUCT_ID}/${device}/shadow`);
    return ((await response.json()) as { shadow: { version: number; state: { desired?: Record<string, unknown> } } }).shadow;
  };
  // The editor helpers of support/httpEditor.ts, bound to this suite's page.
  const lensesTitled = (title: string) => lensesIn(page, title);
  /**
   * Clicks the `index`th lens titled `title` until `done` holds: a lens clicked while the editor redraws its lenses
   * (after an input box closes, on a loaded machine) is sometimes lost, so one more click is allowed.
   */
  const clickLens = async (title: string, index: number, what: string, done: () => Promise<boolean>) => {
    for (let attempt = 1; ; attempt++) {
      await (await lensesTitled(title))[index]!.click();
      try {
        return await waitFor(what, async () => (await done()) || undefined, 15_000);
      } catch (error) {
        if (attempt === 2) throw error;
        await openHttpFile();
      }
    }
  };
  const tab = (title: string) => editorTab(page, title);
  const tabText = (title: string) => tabTextIn(page, title);
  const openHttpFile = (name = 'shadow.http', firstLine = '# Three chained requests') => openHttpFileIn(page, name, firstLine);
  const statusItem = () => page.locator('.statusbar-item', { hasText: /thermostat-|No environment/ }).first();

  before(async () => {
    emulator = await startTestEmulator();
    codeServer = await startCodeServer({
      settings: { 'files.autoSave': 'off', '[markdown]': { 'editor.wordWrap': 'off' } },
      files: { 'shadow.http': HTTP_FILE, 'keys-from-env.http': KEYS_FROM_ENV_FILE, 'broken.http': BROKEN_FILE },
    });
    writeFileSync(
      join(codeServer.folder, 'iot-devkit.environments.json'),
      JSON.stringify(
        {
          $shared: { endpoint: emulator.endpoint.replace(/\/$/, ''), productId: DEMO_PRODUCT_ID, targetTemperature: '23' },
          'thermostat-1': { deviceName: 'thermostat-1' },
          'thermostat-2': { deviceName: 'thermostat-2', targetTemperature: '19' },
        },
        null,
        2,
      ),
    );
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
    'Send on the third request runs the chain; its response tab shows status, time, size and the shadow Data parsed with the new desired',
    shot('send', async () => {
      assert.equal((await shadowOf('thermostat-1')).state.desired?.['targetTemperature'], 22, 'the demo shadow');
      await openHttpFile();
      assert.match(await statusItem().innerText(), /thermostat-1/, "the file's first environment until one is chosen");
      const sends = await lensesTitled('Send');
      assert.equal(sends.length, 3);
      assert.equal((await lensesTitled('Signing Steps')).length, 3);
      assert.equal((await lensesTitled('Copy as curl')).length, 3);
      assert.equal(
        await page.locator('.editor-group-container.active .codelens-decoration a', { hasText: 'Diagnose' }).count(),
        0,
        'no Diagnose before a failure',
      );
      await sends[2]!.click();
      await tab('after response.jsonc').first().waitFor({ timeout: 30_000 });
      const text = await waitFor('the response of after', async () => {
        const shown = await tabText('after response.jsonc');
        return /^\/\/ HTTP 200 · \d+ ms · \d+ B · RequestId /m.test(shown) ? shown : undefined;
      });
      assert.match(text, /^\/\/ after · POST http:\/\/127\.0\.0\.1:\d+\/ · DescribeDeviceShadow · environment thermostat-1$/m);
      assert.match(text, /^\/\/ Shown parsed \(the API returns them as JSON text in a string\): Response\.Data$/m);
      assert.match(text, /^\/\/ {3}content-type: application\/json/m);
      // Data is a JSON object in the tab, not an escaped string, and holds the desired the update sent.
      assert.match(text, /"Data": \{/);
      assert.doesNotMatch(text, /\\"/);
      assert.match(text, /"desired": \{\s*"targetTemperature": 23/);
      assert.ok(!text.includes(DEMO_CREDENTIAL.secretKey));
      const cloud = await shadowOf('thermostat-1');
      assert.equal(cloud.state.desired?.['targetTemperature'], 23, 'the update reached the emulator');
      assert.match(text, new RegExp(`"version": ${cloud.version}`));
      await screenshot(page, 'http-response-thermostat-1');
    }),
  );

  it(
    'the status bar switches the environment; Send again answers for the other device, in the same tab',
    shot('environment', async () => {
      await openHttpFile();
      await statusItem().click();
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'No environment' }).first().waitFor();
      await answerInput(page, 'thermostat-2');
      await page.locator('.statusbar-item', { hasText: 'thermostat-2' }).first().waitFor({ timeout: 10_000 });
      // Back in the file (the QuickPick took the focus), as a person clicks into it again.
      await openHttpFile();
      await (await lensesTitled('Send'))[2]!.click();
      const text = await waitFor('the response for thermostat-2', async () => {
        const shown = await tabText('after response.jsonc');
        return shown.includes('environment thermostat-2') ? shown : undefined;
      });
      assert.match(text, /"desired": \{\s*"targetTemperature": 19/);
      assert.equal(await tab('after response.jsonc').count(), 1, 'one tab per request');
      assert.equal((await shadowOf('thermostat-2')).state.desired?.['targetTemperature'], 19);
      assert.equal((await shadowOf('thermostat-1')).state.desired?.['targetTemperature'], 23, 'the other device untouched');
      await screenshot(page, 'http-response-thermostat-2');
    }),
  );

  it(
    'a wrong key: AuthFailure.SignatureFailure explained in the response tab, the chain stops, Diagnose appears and says the server holds another key',
    shot('diagnose', async () => {
      // Added profiles become the active one: a bare "Authorization: TC3" now signs with the wrong key.
      await addProfile(page, ['wrong-key', DEMO_CREDENTIAL.secretId, WRONG_KEY, 'ap-guangzhou', emulator.endpoint]);
      await page.locator('.notification-toast', { hasText: 'Profile "wrong-key" added and active.' }).first().waitFor({ timeout: 15_000 });
      await openHttpFile();
      await clickLens('Send', 2, 'the response tab of shadow', async () => (await tab('shadow response.jsonc').count()) > 0);
      const text = await tabText('shadow response.jsonc');
      assert.match(text, /^\/\/ Error AuthFailure\.SignatureFailure: /m);
      assert.match(text, /^\/\/ Fix: .*Click Diagnose above the request/m, "the fix points at this surface's Diagnose");
      assert.ok(!text.includes(WRONG_KEY));
      await screenshot(page, 'http-response-signature-failure');

      await openHttpFile();
      const diagnose = await lensesTitled('Diagnose');
      assert.equal(diagnose.length, 1, 'Diagnose only above the request that failed');
      const sends = await lensesTitled('Send');
      const [diagnoseBox, firstSendBox] = await Promise.all([diagnose[0]!.boundingBox(), sends[0]!.boundingBox()]);
      assert.ok(Math.abs((diagnoseBox?.y ?? 0) - (firstSendBox?.y ?? -100)) < 5, 'on the line of the first request');
      await diagnose[0]!.click();
      const diagnosis = await waitFor('the diagnosis tab', async () => {
        if ((await tab('shadow diagnosis.md').count()) === 0) return undefined;
        const shown = await tabText('shadow diagnosis.md');
        return shown.includes('Signature correct') ? shown : undefined;
      });
      assert.match(diagnosis, /^# Diagnosis of shadow, as last sent/m);
      assert.match(diagnosis, /SecretKey/);
      assert.ok(!diagnosis.includes(WRONG_KEY));
      await screenshot(page, 'http-diagnosis');
    }),
  );

  it(
    'Signing Steps shows the TC3 steps with the derived keys masked; Copy as curl puts the signed request on the clipboard',
    shot('steps-and-curl', async () => {
      await openHttpFile();
      await (await lensesTitled('Signing Steps'))[0]!.click();
      const steps = await waitFor('the signing steps tab', async () =>
        (await tab('shadow signing steps.md').count()) > 0 ? await tabText('shadow signing steps.md') : undefined,
      );
      assert.match(steps, /^# Signing steps of shadow, as last sent/m);
      assert.match(steps, /POST\n\/\n+content-type:application\/json/);
      assert.match(steps, /\*\*\*\*/, 'derived keys masked');
      assert.ok(!steps.includes(WRONG_KEY));

      await openHttpFile();
      await (await lensesTitled('Copy as curl'))[0]!.click();
      await page
        .locator('.statusbar-item', { hasText: /Copied shadow as curl, signed \(TC3-/ })
        .first()
        .waitFor({ timeout: 15_000 });
      const copied = await waitFor('the curl command on the clipboard', async () => {
        const text = String(await page.evaluate('navigator.clipboard.readText()'));
        return text.startsWith('curl ') ? text : undefined;
      });
      assert.match(copied, new RegExp(`^curl -X POST '?${emulator.endpoint}'? `));
      assert.match(copied, /-H 'X-TC-Action: DescribeDeviceShadow'/);
      assert.match(copied, /-H 'Authorization: TC3-HMAC-SHA256 Credential=AKID/);
      assert.match(copied, /--data-binary '\{"ProductId": "DEMO000001", "DeviceName": "thermostat-2"\}'/);
      assert.ok(!copied.includes(WRONG_KEY));
      await screenshot(page, 'http-signing-steps');
    }),
  );

  it(
    '{{$processEnv}} missing from the extension host: asked once in password boxes, kept in SecretStorage, asked again after Forget',
    shot('process-env', async () => {
      await openHttpFile('keys-from-env.http', '# Keys from environment variables');
      const send = async () => (await lensesTitled('Send'))[0]!.click();
      await send();
      for (const [name, value] of [
        ['IOT_E2E_SECRET_ID', DEMO_CREDENTIAL.secretId],
        ['IOT_E2E_SECRET_KEY', DEMO_CREDENTIAL.secretKey],
      ] as const) {
        await page.locator('.quick-input-widget .quick-input-title', { hasText: `Environment variable ${name}` }).waitFor({ timeout: 15_000 });
        assert.equal(await page.locator('.quick-input-widget input').getAttribute('type'), 'password');
        await answerInput(page, value);
      }
      const responseOf = async () => {
        const shown = await tabText('keys response.jsonc');
        return /^\/\/ HTTP 200 · /m.test(shown) ? shown : undefined;
      };
      const first = await waitFor('the response signed with the typed keys', async () =>
        (await tab('keys response.jsonc').count()) > 0 ? responseOf() : undefined,
      );
      assert.ok(!first.includes(DEMO_CREDENTIAL.secretKey));
      const requestId = (text: string) => /RequestId ([0-9a-f-]{36})/.exec(text)?.[1];

      // Sent again: the stored values are used, no box.
      await openHttpFile('keys-from-env.http', '# Keys from environment variables');
      await send();
      await waitFor('a second response', async () => {
        const shown = await responseOf();
        return shown && requestId(shown) !== requestId(first) ? shown : undefined;
      });
      assert.equal(await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Environment variable' }).isVisible(), false);

      // Forgotten: the next send asks again (Escape cancels it, and nothing is sent).
      await runCommand(page, 'IoT Devkit: Forget Stored Environment Values');
      await page.locator('.notification-toast', { hasText: 'Forgot 2 stored environment value(s)' }).first().waitFor({ timeout: 15_000 });
      await openHttpFile('keys-from-env.http', '# Keys from environment variables');
      await send();
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Environment variable IOT_E2E_SECRET_ID' }).waitFor({ timeout: 15_000 });
      await page.keyboard.press('Escape');
      await screenshot(page, 'http-process-env');
    }),
  );

  it(
    'a problem of the file is an error naming file:line:column, and Go to line puts the cursor there',
    shot('file-problem', async () => {
      await openHttpFile('broken.http', '# A typo');
      await (await lensesTitled('Send'))[0]!.click();
      const toast = page.locator('.notification-toast', { hasText: 'broken.http:7:16: {{productid}}: not a file variable' }).first();
      await toast.waitFor({ timeout: 15_000 });
      assert.match(await toast.innerText(), /did you mean productId\?/);
      await toast.locator('.monaco-button', { hasText: 'Go to line 7' }).click();
      await page.locator('.statusbar-item', { hasText: 'Ln 7, Col 16' }).waitFor({ timeout: 10_000 });
    }),
  );

  it('the CLI runs the same file and environments: three requests, the shadow changed', async () => {
    const before = await shadowOf('thermostat-1');
    const result = await runCliAsync(['http', join(codeServer.folder, 'shadow.http'), '--env', 'thermostat-1'], {
      env: { TENCENTCLOUD_SECRET_ID: DEMO_CREDENTIAL.secretId, TENCENTCLOUD_SECRET_KEY: DEMO_CREDENTIAL.secretKey },
    });
    assert.equal(result.status, 0, result.stderr + result.stdout);
    assert.deepEqual(
      [...result.stdout.matchAll(/^### (\S+) \(line \d+\) {2}POST /gm)].map((m) => m[1]),
      ['shadow', 'update', 'after'],
    );
    assert.equal([...result.stdout.matchAll(/^ {2}HTTP 200 · /gm)].length, 3, result.stdout);
    assert.ok(!result.stdout.includes(DEMO_CREDENTIAL.secretKey) && !result.stderr.includes(DEMO_CREDENTIAL.secretKey));
    const afterRun = await shadowOf('thermostat-1');
    assert.equal(afterRun.version, before.version + 1, 'one update');
    // The CLI prints the body as the API sent it: Data is JSON text in a string there.
    assert.match(result.stdout, new RegExp(`\\\\"version\\\\":${afterRun.version}\\b`));
  });
});
