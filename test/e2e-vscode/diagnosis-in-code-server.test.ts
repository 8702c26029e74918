// Issue 13 in a real VS Code (code-server): a response refused for its signature offers Why?, reached by keyboard,
// which diagnoses the request the extension just sent; Sign › Diagnose shows the conclusion first, its Fix, what
// remains, the first differing step, and the ruled-out list collapsed last. The API is the toolkit's local emulator.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildHttpRequest, DEMO_CREDENTIAL, DEMO_PRODUCT_ID, toCurl } from '@iot-devkit/core';
import type { Browser, Frame, Page } from 'playwright-core';
import { startTestEmulator } from '../emulator/harness.js';
import { startCodeServer, type RunningCodeServer } from './support/codeServer.js';
import { openSidebarWithProfile, openWorkbench, screenshot, SCREENSHOTS, waitFor } from './support/workbench.js';

/** A made-up SecretKey for the emulator's SecretId: the extension signs correctly with it, the emulator holds another. */
const WRONG_KEY = 'notTheEmulatorKey000000000000000';

/** The parts of a rendered diagnosis, in document order: each child's first class. */
const partsOf = (sidebar: Frame, selector: string) =>
  sidebar.$$eval(`${selector} > .diagnosis > *`, (children) => children.map((c) => c.classList[0] ?? c.tagName));

let page: Page;
const shot = (name: string, fn: () => Promise<void>) => async () => {
  try {
    await fn();
  } catch (error) {
    await screenshot(page, `failed-${name}`).catch(() => undefined);
    throw error;
  }
};

describe('Why? and Diagnose in code-server', { timeout: 240_000 }, () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  let codeServer: RunningCodeServer;
  let browser: Browser;
  let sidebar: Frame;

  before(async () => {
    emulator = await startTestEmulator();
    codeServer = await startCodeServer({ settings: {} });
    ({ browser, page } = await openWorkbench(codeServer.url));
    console.log(`screenshots: ${SCREENSHOTS}`);
    sidebar = await openSidebarWithProfile(page, ['wrong-key', DEMO_CREDENTIAL.secretId, WRONG_KEY, 'ap-guangzhou', emulator.endpoint]);
  });
  after(async () => {
    await browser?.close();
    await codeServer?.close();
    await emulator?.close();
  });

  it(
    'AuthFailure.SignatureFailure offers Why?, reached by keyboard: the request sent was signed right with this key, so the server holds another',
    shot('why', async () => {
      await sidebar.click('#tab-send');
      await sidebar.fill('#send-search', 'describe devices');
      await sidebar.click('li[data-action="DescribeDevices"]');
      await sidebar.locator('#param-ProductId').waitFor();
      await sidebar.fill('#param-ProductId', DEMO_PRODUCT_ID);
      await sidebar.fill('#param-Offset', '0');
      await sidebar.fill('#param-Limit', '10');
      await sidebar.click('#send-run');
      const explained = sidebar.locator('#send-explained');
      await explained.waitFor();
      const text = await explained.innerText();
      assert.match(text, /AuthFailure\.SignatureFailure/);
      assert.match(text, /Click Why\? below the error/, "the hint points at the sidebar's own Why?");
      assert.doesNotMatch(text, /iot-devkit diagnose/);
      await sidebar.focus('#send-why');
      await page.keyboard.press('Enter');
      const verdict = sidebar.locator('#send-why-out .diagnosis[data-kind="signature-correct"] .verdict');
      await verdict.waitFor();
      assert.match(await verdict.innerText(), /Signature correct/);
      assert.match(await verdict.innerText(), /AuthFailure\.SignatureFailure/);
      assert.match(await sidebar.locator('#send-why-out .fix').innerText(), /SecretKey/);
      const parts = await partsOf(sidebar, '#send-why-out');
      assert.deepEqual(parts.slice(0, 2), ['verdict', 'fix'], parts.join(' '));
      assert.ok(!(await sidebar.content()).includes(WRONG_KEY), 'the webview never holds the SecretKey');
      await sidebar.locator('#send-why-out').scrollIntoViewIfNeeded();
      await screenshot(page, 'why-signature-failure');
    }),
  );

  it(
    'Sign › Diagnose: the conclusion and its Fix first, what remains ranked, the first differing step labelled, ruled-out collapsed last',
    shot('diagnose-order', async () => {
      await sidebar.click('#tab-sign');
      // Signed with the active profile's key, then edited (DeviceName changed): nothing can reproduce that.
      const signed = buildHttpRequest(
        {
          service: 'iotcloud',
          version: '2021-04-08',
          action: 'DescribeDevice',
          region: 'ap-guangzhou',
          params: { ProductId: DEMO_PRODUCT_ID, DeviceName: 'thermostat-1' },
        },
        { credentials: { secretId: DEMO_CREDENTIAL.secretId, secretKey: WRONG_KEY }, timestamp: Math.floor(Date.now() / 1000) },
      );
      await sidebar.click('#diagnose-part summary');
      await sidebar.fill('#diagnose-text', toCurl({ ...signed, body: signed.body.replace('thermostat-1', 'thermostat-2') }));
      await sidebar.fill('#diagnose-response', 'AuthFailure.SignatureFailure');
      await sidebar.click('#diagnose-run');
      await sidebar.locator('#diagnose-out .diagnosis[data-kind="not-reproduced"]').waitFor();
      const parts = await partsOf(sidebar, '#diagnose-out');
      assert.deepEqual(parts.slice(0, 4), ['verdict', 'fix', 'candidates', 'decide-with'], parts.join(' '));
      assert.equal(parts.at(-2), 'ruled-out', parts.join(' '));
      assert.equal(await sidebar.locator('#diagnose-out details.ruled-out').getAttribute('open'), null, 'collapsed');
      assert.match(await sidebar.locator('#diagnose-out details.ruled-out summary').innerText(), /^\d+ known mistakes ruled out/);
      const candidates = await sidebar.$$eval('#diagnose-out .candidates li', (items) => items.map((li) => li.getAttribute('data-candidate')));
      assert.ok(candidates.includes('request-changed-after-signing') && candidates.includes('wrong-secret-key'), candidates.join(' '));
      await sidebar.locator('#diagnose-out .verdict').scrollIntoViewIfNeeded();
      await screenshot(page, 'diagnose-not-reproduced');

      // The body re-serialized after signing: found, and "expected" is the body sent, "got" the body signed.
      await sidebar.fill('#diagnose-text', toCurl({ ...signed, body: JSON.stringify(JSON.parse(signed.body), null, 2) }));
      await sidebar.click('#diagnose-run');
      await sidebar.locator('#diagnose-out .diagnosis[data-cause="body-json-reserialized"]').waitFor();
      assert.match(await sidebar.locator('#diagnose-out .verdict').innerText(), /Cause found: Body re-serialized/);
      assert.match(await sidebar.locator('#diagnose-out .difference .expected-label').innerText(), /^Expected — the body sent/);
      assert.match(await sidebar.locator('#diagnose-out .difference .got-label').innerText(), /^Got — the body the client signed/);
      await waitFor('the Fix line', async () => ((await sidebar.locator('#diagnose-out .fix').innerText()).length > 10 ? true : undefined));
      await sidebar.locator('#diagnose-out .verdict').scrollIntoViewIfNeeded();
      await screenshot(page, 'diagnose-cause-found');
    }),
  );
});
