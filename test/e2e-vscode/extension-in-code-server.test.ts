// The extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3), driven through its workbench in Debian's
// Chromium: the packaged .vsix is installed, a profile is added through the command palette (the SecretKey into
// SecretStorage), the sidebar signs a request live (checked against the core's signTc3), pasted curl is diagnosed,
// device MQTT credentials are signed and verified, a device shadow is opened, edited and pushed with Ctrl+S
// (auto-save, conflicts and re-apply: shadow-push-in-code-server.test.ts), and profiles are switched and deleted.
// Build & send, Rule SQL and the tree: build-send-in-code-server.test.ts. The API side is the toolkit's local emulator
// on 127.0.0.1, which verifies every signature and keeps shadows with versions.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  buildHttpRequest,
  DEMO_CREDENTIAL,
  DEMO_PRODUCT_ID,
  DERIVED_KEY_STEP_IDS,
  deviceKey,
  maskSecret,
  signTc3,
  toCurl,
  type ShadowDocument,
} from '@iot-devkit/core';
import type { Page } from 'playwright-core';
import { failureShot, renderShadow, setExplorerCatalogAside, startDevkitSession, TYPING, type DevkitSession } from './support/devkitSession.js';
import { addProfile, editorText, findFrame, runCommand, screenshot, typeDocument as typeText, waitFor } from './support/workbench.js';

const { secretId: SECRET_ID, secretKey: SECRET_KEY } = DEMO_CREDENTIAL;
const PRODUCT = DEMO_PRODUCT_ID;
const DEVICE = 'thermostat-1';

/** Replaces the whole document in the focused editor with the shadow, as typed. */
const typeDocument = (page: Page, shadow: ShadowDocument) => typeText(page, renderShadow(shadow));

let page: Page;
/** Runs a step; on failure a screenshot of the workbench is saved beside the others, then the error goes on. */
const shot = failureShot('extension', () => page);

describe('VS Code extension in code-server', { timeout: 300_000 }, () => {
  let session: DevkitSession;
  const shadowOnServer = () => session.emulator.emulator.state.shadows.get(deviceKey(PRODUCT, DEVICE))!;

  before(async () => {
    session = await startDevkitSession({
      // Whole documents are typed in below: no auto-closing or auto-indent, so the text lands as written.
      settings: () => TYPING,
      // Activation, the sidebar, signing and the shadow run without IoT Explorer's catalog file (issue 15).
      beforeWorkbench: (codeServer) => void setExplorerCatalogAside(codeServer),
      // The first test adds the profile itself, through the palette.
      addProfile: false,
    });
    page = session.page;
  });

  after(() => session?.close());

  it(
    'adds a profile through the palette; the SecretKey is shown masked only',
    shot('profile', async () => {
      await page.locator('.activitybar [aria-label="IoT Devkit"]').first().click();
      const sidebar = await findFrame(page, '#sign-form');
      await addProfile(page, ['e2e', SECRET_ID, SECRET_KEY, 'ap-guangzhou', session.emulator.endpoint]);
      await sidebar.locator('#profile-name').waitFor();
      assert.equal(await sidebar.locator('#profile-key').innerText(), 'DEMO****');
      assert.ok(!(await sidebar.content()).includes(SECRET_KEY), 'the webview never holds the SecretKey');
      assert.ok(!(await page.locator('body').innerText()).includes(SECRET_KEY), 'nor does the workbench show it');
    }),
  );

  it(
    'signs a request live in the sidebar, step by step, as the core does',
    shot('sign', async () => {
      const sidebar = await findFrame(page, '#sign-form');
      const request = {
        method: 'POST',
        url: session.emulator.endpoint,
        headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeDeviceShadow', 'X-TC-Version': '2021-04-08', 'X-TC-Region': 'ap-guangzhou' },
        body: JSON.stringify({ ProductId: PRODUCT, DeviceName: DEVICE }),
        timestamp: 1_700_000_000,
        service: 'iotcloud',
      };
      await sidebar.fill('#sign-url', request.url);
      await sidebar.fill(
        '#sign-headers',
        Object.entries(request.headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n'),
      );
      await sidebar.fill('#sign-body', request.body);
      await sidebar.fill('#sign-service', request.service);
      await sidebar.fill('#sign-timestamp', String(request.timestamp));
      const expected = signTc3({ ...request, secretId: SECRET_ID, secretKey: SECRET_KEY });
      const signature = sidebar.locator('li[data-step="signature"] pre');
      await waitFor('the signature step', async () => (await signature.innerText()) === expected.signature || undefined);
      assert.equal(await sidebar.locator('li[data-step="canonicalRequest"] pre').innerText(), expected.canonicalRequest);
      assert.equal(await sidebar.locator('li[data-step="stringToSign"] pre').innerText(), expected.stringToSign);
      assert.equal(await sidebar.locator('li[data-step="authorization"] pre').innerText(), expected.authorization);
      assert.match(await sidebar.locator('li[data-step="stringToSign"] .rule').innerText(), /TC3-HMAC-SHA256/);
      // The derived keys sign every request of the service for the rest of the day: masked, with no Copy, as in the browser.
      for (const id of DERIVED_KEY_STEP_IDS) {
        const step = sidebar.locator(`li[data-step="${id}"]`);
        assert.equal(await step.locator('pre').innerText(), maskSecret(expected.steps.find((s) => s.id === id)!.value), id);
        assert.equal(await step.locator('button').count(), 0, `${id} has no Copy`);
      }
      assert.equal(await sidebar.locator('li[data-step="signature"] button[aria-label="Copy"]').count(), 1, 'the signature can be copied');
      await sidebar.locator('li[data-step="authorization"]').scrollIntoViewIfNeeded();
      await screenshot(page, '1-sidebar-signed');
      // A bad field is named while typing, and nothing is signed from it.
      await sidebar.fill('#sign-timestamp', 'yesterday');
      await waitFor(
        'the timestamp message',
        async () => /timestamp/.test(await sidebar.locator('.field:has(#sign-timestamp) .field-message').innerText()) || undefined,
      );
    }),
  );

  it(
    'fills the Sign form from a pasted curl command, and diagnoses a request whose body changed after signing',
    shot('paste-diagnose', async () => {
      const sidebar = await findFrame(page, '#sign-form');
      const signed = buildHttpRequest(
        {
          service: 'iotcloud',
          version: '2021-04-08',
          action: 'DescribeProducts',
          region: 'ap-guangzhou',
          params: { Offset: 0, Limit: 10 },
          endpoint: session.emulator.endpoint,
        },
        { credentials: DEMO_CREDENTIAL, timestamp: Math.floor(Date.now() / 1000) },
      );
      const expected = /Signature=([0-9a-f]{64})/.exec(signed.headers['Authorization']!)![1]!;
      await sidebar.click('#panel-sign details:has(#capture-text) summary');
      await sidebar.fill('#capture-text', toCurl(signed));
      await sidebar.click('#capture-fill');
      const signature = sidebar.locator('li[data-step="signature"] pre');
      await waitFor('the pasted request re-signed', async () => (await signature.innerText()) === expected || undefined);

      // Diagnosis is offline: a request to the public endpoint, its body re-serialized after signing.
      const sent = buildHttpRequest(
        { service: 'iotcloud', version: '2021-04-08', action: 'DescribeProducts', region: 'ap-guangzhou', params: { Offset: 0, Limit: 10 } },
        { credentials: DEMO_CREDENTIAL, timestamp: Math.floor(Date.now() / 1000) },
      );
      await sidebar.click('#panel-sign details:has(#diagnose-text) summary');
      await sidebar.fill('#diagnose-text', toCurl({ ...sent, body: '{"Offset": 0, "Limit": 10}' }));
      await sidebar.fill('#diagnose-response', 'AuthFailure.SignatureFailure');
      await sidebar.click('#diagnose-run');
      await sidebar.locator('#diagnose-out .verdict').waitFor();
      assert.ok((await sidebar.locator('#diagnose-out .findings li').count()) > 0);
      assert.match(await sidebar.locator('#diagnose-out').innerText(), /body/i);
      await sidebar.locator('#diagnose-out').scrollIntoViewIfNeeded();
      await screenshot(page, '1b-diagnosis');
    }),
  );

  it(
    'signs device MQTT credentials as one more scheme of the Sign tab, and verifies a wrong password',
    shot('credentials', async () => {
      const sidebar = await findFrame(page, '#sign-form');
      const psk = Buffer.from('made-up e2e device psk').toString('base64');
      const expiry = Math.floor(Date.now() / 1000) + 3600;
      await sidebar.selectOption('#sign-scheme', 'mqtt-device');
      await sidebar.locator('#cred-form[data-mode="sign"]').waitFor();
      assert.equal(await sidebar.locator('#cred-devicePsk').getAttribute('type'), 'password');
      await sidebar.fill('#cred-productId', PRODUCT);
      await sidebar.fill('#cred-deviceName', DEVICE);
      await sidebar.fill('#cred-devicePsk', psk);
      await sidebar.fill('#cred-expiry', String(expiry));
      const output = (name: string) => sidebar.locator(`#cred-outputs li[data-output="${name}"] pre`);
      const username = await waitFor('the username', async () => {
        const text = (await output('username').count()) ? await output('username').innerText() : '';
        return text.endsWith(`;${expiry}`) ? text : undefined;
      });
      assert.match(username, new RegExp(`^${PRODUCT}${DEVICE};12010126;[A-Za-z0-9]{5};${expiry}$`));
      // The documented formula, computed here from the PSK as typed: hex(HMAC-SHA256(base64decode(psk), username)) + ";hmacsha256".
      const expected = `${createHmac('sha256', Buffer.from(psk, 'base64')).update(username).digest('hex')};hmacsha256`;
      assert.equal(await output('password').innerText(), expected);
      assert.ok((await sidebar.locator('#cred-steps li').count()) >= 5, 'every step is listed');
      assert.ok(!(await sidebar.content()).includes(psk), 'the PSK is in the password box only, never rendered');
      await sidebar.locator('#cred-outputs').scrollIntoViewIfNeeded();
      await screenshot(page, '1c-mqtt-credentials');

      // Verify: the PSK stays typed; a password made with another key is named as wrong.
      await sidebar.check('#cred-mode-verify');
      await sidebar.locator('#cred-form[data-mode="verify"]').waitFor();
      await sidebar.fill('#cred-username', username);
      await sidebar.fill('#cred-password', `${createHmac('sha256', Buffer.from('another key')).update(username).digest('hex')};hmacsha256`);
      await sidebar.locator('#cred-findings li').first().waitFor({ timeout: 20_000 });
      assert.match((await sidebar.locator('#cred-verdict').getAttribute('class')) ?? '', /\bbad\b/);
      assert.ok((await sidebar.locator('#cred-findings li[data-problem]').count()) > 0);
      await sidebar.locator('#cred-verdict').scrollIntoViewIfNeeded();
      await screenshot(page, '1d-mqtt-verify-wrong');
      await sidebar.fill('#cred-password', expected);
      await waitFor(
        'the right password accepted',
        async () => /\bok\b/.test((await sidebar.locator('#cred-verdict').getAttribute('class')) ?? '') || undefined,
      );
      assert.equal(await sidebar.locator('#cred-findings li').count(), 0);

      // The page is rebuilt from its saved state when the view comes back: the scheme, mode and username are kept, the
      // PSK is not (it never goes into the webview's state).
      await page.locator('.activitybar [aria-label^="Explorer"]').first().click();
      await page.locator('.activitybar [aria-label="IoT Devkit"]').first().click();
      const again = await findFrame(page, '#cred-form[data-mode="verify"]');
      assert.equal(await again.locator('#cred-username').inputValue(), username);
      assert.equal(await again.locator('#cred-devicePsk').inputValue(), '', 'the PSK is typed again after the view was rebuilt');
      await again.selectOption('#sign-scheme', 'tc3');
      await again.locator('#sign-form').waitFor();
    }),
  );

  it(
    'opens a device shadow, saves an edit with the version it read',
    shot('save', async () => {
      await runCommand(page, 'IoT Devkit: Open Device Shadow');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: PRODUCT }).first().click({ timeout: 20_000 });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: DEVICE }).first().click({ timeout: 20_000 });
      const before = shadowOnServer();
      assert.deepEqual(before.state.desired, { targetTemperature: 22, mode: 'heat' }, 'the demo shadow');
      await waitFor('the shadow in the editor', async () => (await editorText(page)).includes('"targetTemperature": 22') || undefined);
      await page.locator('.tab', { hasText: `${DEVICE}.json` }).waitFor();

      await typeDocument(page, { ...before, state: { ...before.state, desired: { targetTemperature: 24, mode: 'heat' } } });
      await page.keyboard.press('Control+S');
      const saved = await waitFor('the update on the server', () => (shadowOnServer().version > before.version ? shadowOnServer() : undefined));
      assert.deepEqual(saved.state.desired, { targetTemperature: 24, mode: 'heat' });
      assert.deepEqual(saved.state.reported, before.state.reported, "reported is the device's: not sent");
      assert.equal(saved.version, before.version + 1);
      // The editor reloads what the cloud now holds: the new version.
      await waitFor('the reloaded version', async () => (await editorText(page)).includes(`"version": ${saved.version}`) || undefined);
      await screenshot(page, '2-shadow-saved');
    }),
  );

  it(
    'describes the shadow with its JSON schema, and shows the delta the device has not reported',
    shot('schema-delta', async () => {
      // Hovered again if the first hover was lost (the editor had just reloaded the pushed shadow and redrew).
      const hover = page.locator('.monaco-hover', { hasText: 'Read-only: the shadow version' });
      await waitFor('the schema hover', async () => {
        await page.mouse.move(0, 0);
        await page.locator('.editor-instance .view-line span', { hasText: '"version"' }).first().hover();
        return hover
          .first()
          .waitFor({ timeout: 4_000 })
          .then(
            () => true,
            () => undefined,
          );
      });
      await runCommand(page, 'IoT Devkit: Show Shadow Delta (desired vs reported)');
      const delta = page.locator('.editor-instance', { hasText: '"inSync"' });
      await delta.first().waitFor({ timeout: 20_000 });
      const text = (await delta.first().locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
      // desired targetTemperature 24 against reported 20; mode agrees, so it is not in the delta.
      assert.match(text, /"delta": \{\s*"targetTemperature": 24\s*\}/);
      assert.match(text, /"inSync": false/);
      await screenshot(page, '2b-shadow-delta');
      const deltaTab = page.locator('.tab', { hasText: `${DEVICE}.delta.json` });
      await deltaTab.hover();
      await deltaTab.locator('.codicon-close').click();
      await deltaTab.waitFor({ state: 'detached', timeout: 10_000 });
    }),
  );

  it(
    'switches and deletes profiles; settings.json holds SecretIds only, never a SecretKey',
    shot('profiles', async () => {
      const sidebar = await findFrame(page, '#sign-form');
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await addProfile(page, ['other', 'AKIDotherProfile0001', 'madeUpOtherSecretKey0001', 'ap-shanghai', '']);
      await waitFor('the new active profile', async () => (await sidebar.locator('#profile-name').innerText()) === 'other' || undefined);
      assert.equal(await sidebar.locator('#profile-key').innerText(), 'made****');

      await runCommand(page, 'IoT Devkit: Switch Profile');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'e2e' }).first().click();
      await waitFor('the switch back', async () => (await sidebar.locator('#profile-name').innerText()) === 'e2e' || undefined);

      await runCommand(page, 'IoT Devkit: Delete Profile');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'other' }).first().click();
      await page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Delete' }).first().click();
      const settingsFile = join(session.codeServer.userDataDir, 'User', 'settings.json');
      const settings = await waitFor('the profile removed from settings', () => {
        const text = readFileSync(settingsFile, 'utf8');
        return text.includes('AKIDotherProfile0001') ? undefined : text;
      });
      assert.match(settings, new RegExp(SECRET_ID));
      for (const secret of [SECRET_KEY, 'madeUpOtherSecretKey0001']) assert.ok(!settings.includes(secret), 'no SecretKey in settings.json');
      assert.doesNotMatch(settings, /secretKey/i);
    }),
  );
});
