// Issue 16's editing of .http files in a real VS Code (code-server): completion of actions in X-TC-Action and of
// parameters in the body from the catalog, a squiggle and a Problems entry for an unknown parameter, "Save as .http"
// from Build & send and from a history row (an untitled document that parses back to the same call and holds no
// key), and Open Example Collection putting the emulator's collection into the workspace — which checks clean.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_CREDENTIAL, DEMO_PRODUCT_ID, parseHttpFile, readTc3AuthForm } from '@iot-devkit/core';
import type { Browser, Frame, Page } from 'playwright-core';
import { startTestEmulator } from '../emulator/harness.js';
import { REPO_ROOT, startCodeServer, type RunningCodeServer } from './support/codeServer.js';
import { editorText, findFrame, openSidebarWithProfile, openWorkbench, quickOpen, runCommand, screenshot, SCREENSHOTS, waitFor } from './support/workbench.js';

/** A made-up PSK typed into CreateDevice's DefinedPsk: it must not reach the saved request. */
const TYPED_PSK = 'bWFkZVVwUHNrRm9yVGhlVGVzdDAwMDA=';

const API_HTTP = [
  '### A typo in a parameter name',
  'POST https://iotcloud.tencentcloudapi.com/',
  'Authorization: TC3 region:ap-guangzhou',
  'X-TC-Action: DescribeDevice',
  '',
  `{"ProductId": "${DEMO_PRODUCT_ID}", "DeviceNmae": "thermostat-1"}`,
  '',
].join('\n');

let page: Page;
const shot = (name: string, fn: () => Promise<void>) => async () => {
  try {
    await fn();
  } catch (error) {
    await screenshot(page, `failed-http-${name}`).catch(() => undefined);
    throw error;
  }
};

/** The active editor's whole text, copied as a person would (the rendered lines drop empty ones). */
async function activeEditorText(): Promise<string> {
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await page.keyboard.press('Control+End');
  return String(await page.evaluate('navigator.clipboard.readText()'));
}

/** The one request of an untitled document's text, with its body parsed. */
function readSaved(text: string) {
  const file = parseHttpFile(text);
  assert.deepEqual(file.problems, [], text);
  assert.equal(file.requests.length, 1, text);
  const request = file.requests[0]!;
  const header = (name: string) => request.headers.find((h) => h.name === name)?.value.raw;
  return { request, header, body: request.body?.raw ?? '' };
}

describe('.http editing in code-server', { timeout: 300_000 }, () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  let codeServer: RunningCodeServer;
  let browser: Browser;
  let sidebar: Frame;

  before(async () => {
    emulator = await startTestEmulator();
    codeServer = await startCodeServer({
      settings: {
        'files.autoSave': 'off',
        'editor.autoClosingQuotes': 'never',
        'editor.autoClosingBrackets': 'never',
        'editor.quickSuggestions': { other: false },
      },
      files: { 'api.http': API_HTTP },
    });
    ({ browser, page } = await openWorkbench(codeServer.url));
    console.log(`screenshots: ${SCREENSHOTS}`);
    sidebar = await openSidebarWithProfile(page, ['emulator', DEMO_CREDENTIAL.secretId, DEMO_CREDENTIAL.secretKey, 'ap-guangzhou', emulator.endpoint]);
  });
  after(async () => {
    await browser?.close();
    await codeServer?.close();
    await emulator?.close();
  });

  it(
    'an unknown parameter in the body is a squiggle, and the Problems view names it with its did-you-mean',
    shot('diagnostics', async () => {
      await quickOpen(page, 'api.http');
      await page.locator('.editor-instance .squiggly-error').first().waitFor({ timeout: 30_000 });
      await runCommand(page, 'View: Focus Problems');
      const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'DeviceNmae' });
      await problem.first().waitFor({ timeout: 20_000 });
      assert.match(await problem.first().innerText(), /DeviceNmae: not a parameter of DescribeDevice \(did you mean DeviceName\?\)/);
      await screenshot(page, 'http-1-unknown-parameter');
    }),
  );

  it(
    'typing X-TC-Action: DescribeDev and Ctrl+Space lists DescribeDevice with its title; in the body, its parameters',
    shot('completion', async () => {
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\n###\nPOST https://iotcloud.tencentcloudapi.com/\nX-TC-Action: DescribeDev');
      await page.keyboard.press('Control+Space');
      const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'DescribeDevice' });
      await row.first().waitFor({ timeout: 20_000 });
      const rows = await page.locator('.suggest-widget .monaco-list-row').allInnerTexts();
      assert.ok(
        rows.some((r) => /^DescribeDevice\b/.test(r)),
        rows.join(' | '),
      );
      await screenshot(page, 'http-2-action-completion');
      await page.keyboard.press('Escape');
      // The action line complete, a body started: the action's parameters are offered, required ones first.
      await page.keyboard.type('ice\n\n{"');
      await page.keyboard.press('Control+Space');
      const param = page.locator('.suggest-widget .monaco-list-row', { hasText: 'DeviceName' });
      await param.first().waitFor({ timeout: 20_000 });
      const params = await page.locator('.suggest-widget .monaco-list-row').allInnerTexts();
      assert.ok(params.some((r) => r.includes('ProductId')) && params.some((r) => r.includes('String')), params.join(' | '));
      await screenshot(page, 'http-3-parameter-completion');
      await page.keyboard.press('Enter');
      await waitFor('the inserted parameter', async () => ((await editorText(page)).match(/\{"(DeviceName|ProductId)": "/) ? true : undefined));
    }),
  );

  it(
    'Build & send › Save as .http opens an untitled request that parses to the same call, with no key and the PSK as a $processEnv reference',
    shot('save-form', async () => {
      // The sidebar has stayed open beside the editor (clicking its icon again would close it).
      sidebar = await findFrame(page, '#tab-send');
      await sidebar.click('#tab-send');
      await sidebar.fill('#send-search', 'create device');
      await sidebar.click('li[data-action="CreateDevice"]');
      await sidebar.locator('#send-fields[data-action="CreateDevice"]').waitFor();
      await sidebar.fill('#param-ProductId', DEMO_PRODUCT_ID);
      await sidebar.fill('#param-DeviceName', 'from-the-form');
      await sidebar.fill('#param-DefinedPsk', TYPED_PSK);
      await sidebar.click('#send-save-http');
      await page
        .locator('.tabs-container .tab.active', { hasText: /Untitled/ })
        .first()
        .waitFor({ timeout: 20_000 });
      await waitFor('the saved request', async () => ((await editorText(page)).includes('X-TC-Action') ? true : undefined));
      const text = await activeEditorText();
      await screenshot(page, 'http-4-saved-from-form');
      const { request, header, body } = readSaved(text);
      assert.equal(header('X-TC-Action'), 'CreateDevice');
      assert.equal(request.url.raw, `${emulator.endpoint.replace(/\/$/, '')}/`);
      assert.deepEqual(readTc3AuthForm(header('Authorization')!), {
        credentials: { kind: 'profile', profile: 'emulator' },
        service: 'iotcloud',
        region: 'ap-guangzhou',
      });
      assert.match(body, /"DefinedPsk": "\{\{\$processEnv DEFINED_PSK\}\}"/);
      assert.match(body, /"DeviceName": "from-the-form"/);
      assert.ok(!text.includes(TYPED_PSK) && !text.includes(DEMO_CREDENTIAL.secretKey), 'no PSK and no SecretKey in the file');
    }),
  );

  it(
    "a history row's Save as .http writes the call sent, signed by the profile it was sent with",
    shot('save-history', async () => {
      sidebar = await findFrame(page, '#send-search');
      await sidebar.fill('#send-search', 'describe device shadow');
      await sidebar.click('li[data-action="DescribeDeviceShadow"]');
      await sidebar.locator('#send-fields[data-action="DescribeDeviceShadow"]').waitFor();
      await sidebar.fill('#param-ProductId', DEMO_PRODUCT_ID);
      await sidebar.fill('#param-DeviceName', 'thermostat-1');
      await sidebar.click('#send-run');
      await sidebar.locator('#send-response[data-history]').waitFor({ timeout: 20_000 });
      const row = sidebar.locator('#send-history li[data-history]', { hasText: 'DescribeDeviceShadow' }).first();
      await row.locator('button[data-command="saveHttp"]').click();
      await waitFor('the saved history request', async () => ((await editorText(page)).includes('X-TC-Action: DescribeDeviceShadow') ? true : undefined));
      const text = await activeEditorText();
      await screenshot(page, 'http-5-saved-from-history');
      const { request, header, body } = readSaved(text);
      assert.equal(header('X-TC-Action'), 'DescribeDeviceShadow');
      assert.equal(request.url.raw, `${emulator.endpoint.replace(/\/$/, '')}/`, "the profile's endpoint");
      assert.match(header('Authorization')!, /^TC3 profile:emulator service:iotcloud region:ap-guangzhou$/);
      assert.deepEqual(JSON.parse(body), { ProductId: DEMO_PRODUCT_ID, DeviceName: 'thermostat-1' });
      assert.ok(!text.includes(DEMO_CREDENTIAL.secretKey));
    }),
  );

  it(
    'Open Example Collection puts emulator.http and its environments into the folder, and it checks clean',
    shot('example', async () => {
      await runCommand(page, 'IoT Devkit: Open Example Collection');
      await page.locator('.tabs-container .tab.active', { hasText: 'emulator.http' }).first().waitFor({ timeout: 20_000 });
      for (const name of ['emulator.http', 'iot-devkit.environments.json'])
        assert.equal(readFileSync(join(codeServer.folder, name), 'utf8'), readFileSync(join(REPO_ROOT, 'cli/examples', name), 'utf8'), name);
      assert.ok(existsSync(join(codeServer.folder, 'emulator.http')));
      // Its first line: the requests sit below the header comment, out of view with the Problems panel open
      // (example-collection-in-code-server.test.ts checks the whole file in a taller window).
      await page.locator('.editor-instance .view-line', { hasText: "# IoT Devkit's example collection" }).first().waitFor();
      // Checked on open (no debounce): give the check a moment, then no squiggle in it.
      await page.waitForTimeout(1500);
      assert.equal(await page.locator('.editor-instance .squiggly-error, .editor-instance .squiggly-warning').count(), 0);
      await screenshot(page, 'http-6-example-collection');
    }),
  );
});
