// The extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3), driven through its workbench in Debian's
// Chromium: the packaged .vsix is installed, a profile is added through the command palette (the SecretKey into
// SecretStorage), the sidebar signs a request live (checked against the core's signTc3), and a device shadow is
// opened, edited and saved, then saved again after someone else changed it: the save must end in the diff with the
// edit kept, and re-applying it on the latest version must save both changes. The API side is a local server on
// 127.0.0.1 that verifies every signature.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signTc3, type ShadowDocument } from '@iot-devkit/core';
import type { Browser, Page } from 'playwright-core';
import { startCodeServer, type RunningCodeServer } from './support/codeServer.js';
import { startIotTestServer, type IotTestServer } from './support/iotTestServer.js';
import { answerInput, findFrame, openWorkbench, runCommand, screenshot, SCREENSHOTS } from './support/workbench.js';

const SECRET_ID = 'AKIDe2eVscodeTest0001';
const SECRET_KEY = 'e2eMadeUpSecretKeyForVscode0123';
const PRODUCT = 'E2EPROD001';
const DEVICE = 'lamp1';

const shadowText = (shadow: ShadowDocument) => `${JSON.stringify({ state: shadow.state, metadata: shadow.metadata, version: shadow.version, timestamp: shadow.timestamp }, null, 2)}\n`;
const editorText = async (page: Page, scope = '.editor-instance') => (await page.locator(`${scope} .monaco-editor .view-lines`).first().innerText()).replace(/\u00a0/g, ' ');

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs a step; on failure a screenshot of the workbench is saved beside the others, then the error goes on. */
const shot = (name: string, fn: () => Promise<void>) => async () => {
  try {
    await fn();
  } catch (error) {
    await screenshot(page, `failed-${name}`).catch(() => undefined);
    throw error;
  }
};
let page: Page;

describe('VS Code extension in code-server', { timeout: 300_000 }, () => {
  let api: IotTestServer;
  let codeServer: RunningCodeServer;
  let browser: Browser;

  before(async () => {
    api = await startIotTestServer({ secretId: SECRET_ID, secretKey: SECRET_KEY, productId: PRODUCT, deviceNames: [DEVICE, 'lamp2'] });
    api.changeDesired(PRODUCT, DEVICE, { color: 'red', brightness: 40 });
    // Whole documents are typed in below: no auto-closing or auto-indent, so the text lands as written.
    codeServer = await startCodeServer({ settings: { 'editor.autoClosingBrackets': 'never', 'editor.autoClosingQuotes': 'never', 'editor.autoIndent': 'none', 'editor.autoSurround': 'never', 'editor.formatOnType': false } });
    ({ browser, page } = await openWorkbench(codeServer.url));
    console.log(`screenshots: ${SCREENSHOTS}`);
  });

  after(async () => {
    await browser?.close();
    await codeServer?.close();
    await api?.close();
  });

  it('adds a profile through the palette; the SecretKey is shown masked only', shot('profile', async () => {
    await page.locator('.activitybar [aria-label="IoT Devkit"]').first().click();
    const sidebar = await findFrame(page, '#sign-form');
    await runCommand(page, 'IoT Devkit: Add Profile');
    await answerInput(page, 'e2e');
    await answerInput(page, SECRET_ID);
    await answerInput(page, SECRET_KEY);
    await answerInput(page, 'ap-guangzhou');
    await answerInput(page, api.endpoint);
    await sidebar.locator('#profile-name').waitFor();
    assert.equal(await sidebar.locator('#profile-key').innerText(), 'e2eM****');
    assert.ok(!(await sidebar.content()).includes(SECRET_KEY), 'the webview never holds the SecretKey');
    assert.ok(!(await page.locator('body').innerText()).includes(SECRET_KEY), 'nor does the workbench show it');
  }));

  it('signs a request live in the sidebar, step by step, as the core does', shot('sign', async () => {
    const sidebar = await findFrame(page, '#sign-form');
    const request = {
      method: 'POST',
      url: `${api.endpoint}/`,
      headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeDeviceShadow', 'X-TC-Version': '2021-04-08', 'X-TC-Region': 'ap-guangzhou' },
      body: JSON.stringify({ ProductId: PRODUCT, DeviceName: DEVICE }),
      timestamp: 1_700_000_000,
      service: 'iotcloud',
    };
    await sidebar.fill('#sign-url', request.url);
    await sidebar.fill('#sign-headers', Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`).join('\n'));
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
    await sidebar.locator('li[data-step="authorization"]').scrollIntoViewIfNeeded();
    await screenshot(page, '1-sidebar-signed');
    // A bad field is named while typing, and nothing is signed from it.
    await sidebar.fill('#sign-timestamp', 'yesterday');
    await waitFor('the timestamp message', async () => /timestamp/.test(await sidebar.locator('.field:has(#sign-timestamp) .field-message').innerText()) || undefined);
  }));

  it('opens a device shadow, saves an edit with the version it read', shot('save', async () => {
    await runCommand(page, 'IoT Devkit: Open Device Shadow');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: PRODUCT }).first().click({ timeout: 20_000 });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: DEVICE }).first().click({ timeout: 20_000 });
    const before = api.shadows.get(`${PRODUCT}/${DEVICE}`)!;
    await waitFor('the shadow in the editor', async () => (await editorText(page)).includes('"brightness": 40') || undefined);
    await page.locator('.tab', { hasText: `${DEVICE}.json` }).waitFor();

    const edited = { ...before, state: { ...before.state, desired: { color: 'blue', brightness: 40 } } };
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(shadowText(edited));
    await page.keyboard.press('Control+S');
    const saved = await waitFor('the update on the server', () => (api.shadows.get(`${PRODUCT}/${DEVICE}`)!.version > before.version ? api.shadows.get(`${PRODUCT}/${DEVICE}`) : undefined));
    assert.deepEqual(saved.state.desired, { color: 'blue', brightness: 40 });
    assert.equal(saved.version, before.version + 1);
    // The editor reloads what the cloud now holds: the new version.
    await waitFor('the reloaded version', async () => (await editorText(page)).includes(`"version": ${saved.version}`) || undefined);
    await screenshot(page, '2-shadow-saved');
    assert.ok(api.calls.every((c) => c.verified), 'every call the extension made carried a valid signature');
  }));

  it('a conflicting save ends in the diff with the edit kept; re-applied, it saves both changes', shot('conflict', async () => {
    const read = api.shadows.get(`${PRODUCT}/${DEVICE}`)!;
    const mine = { ...read, state: { ...read.state, desired: { ...read.state.desired, color: 'green' } } };
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(shadowText(mine));
    // Someone else changes the shadow meanwhile.
    api.changeDesired(PRODUCT, DEVICE, { brightness: 80 });
    const theirs = api.shadows.get(`${PRODUCT}/${DEVICE}`)!;
    await page.keyboard.press('Control+S');

    const diff = page.locator('.monaco-diff-editor');
    await diff.first().waitFor({ timeout: 20_000 });
    await page.locator('.tab', { hasText: '↔' }).waitFor();
    const modified = await waitFor('my edit on the right', async () => {
      const text = await editorText(page, '.monaco-diff-editor .editor.modified');
      return text.includes('"color": "green"') ? text : undefined;
    });
    assert.match(modified, /"brightness": 40/, 'the right side is my version');
    await waitFor('the latest on the left', async () => (await editorText(page, '.monaco-diff-editor .editor.original')).includes('"brightness": 80') || undefined);
    assert.deepEqual(api.shadows.get(`${PRODUCT}/${DEVICE}`)!.state.desired, theirs.state.desired, 'nothing of mine was sent');
    await screenshot(page, '3-shadow-conflict-diff');

    await page.locator('.monaco-diff-editor .editor.modified .view-lines').first().click();
    await runCommand(page, 'IoT Devkit: Re-apply My Shadow Edit on the Latest');
    await waitFor('the re-applied edit', async () => {
      const text = await editorText(page, '.monaco-diff-editor .editor.modified');
      return text.includes('"brightness": 80') && text.includes('"color": "green"') ? true : undefined;
    });
    await page.keyboard.press('Control+S');
    const merged = await waitFor('the merged save', () => (api.shadows.get(`${PRODUCT}/${DEVICE}`)!.version > theirs.version ? api.shadows.get(`${PRODUCT}/${DEVICE}`) : undefined));
    assert.deepEqual(merged.state.desired, { color: 'green', brightness: 80 });
    await screenshot(page, '4-shadow-reapplied-saved');
  }));
});
