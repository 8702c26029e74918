// Nothing reaches a device without an explicit action, proved in a real VS Code (code-server 4.100.3) with
// files.autoSave "afterDelay" on, as code-server ships it: an edited shadow auto-saved (the tab turns clean) sends
// nothing and says "not pushed"; Ctrl+S pushes and says the version; half-typed JSON auto-saved pops no error and
// sends nothing, and an explicit save of it names the line; the draft survives a reload; a conflict is offered as our
// own three choices (never VS Code's "Unable to write file"), compared desired first, re-applied and pushed on the
// latest version, or discarded; the editor title's Push button pushes a draft. The shadow is read from the emulator's
// admin route, not from the UI.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_CREDENTIAL, DEMO_PRODUCT_ID, type ShadowDocument } from '@iot-devkit/core';
import type { Page } from 'playwright-core';
import { admin, coreClient, expectOk } from '../emulator/harness.js';
import { failureShot, renderShadow as render, startDevkitSession, TYPING, type DevkitSession } from './support/devkitSession.js';
import { editorText, findFrame, runCommand, screenshot, typeDocument, waitFor } from './support/workbench.js';

const PRODUCT = DEMO_PRODUCT_ID;
const DEVICE = 'thermostat-1';
const AUTO_SAVE_DELAY = 1000;
/** Well past the auto-save delay: a write, if one were to push, has happened by then. */
const PAST_AUTO_SAVE = 3000;

const withDesired = (shadow: ShadowDocument, desired: Record<string, unknown>): ShadowDocument => ({
  ...shadow,
  state: { ...shadow.state, desired: desired as ShadowDocument['state']['desired'] & object },
});

let page: Page;
const shot = failureShot('shadow', () => page);

describe('shadow editor with auto-save on: nothing is pushed without an explicit action', { timeout: 300_000 }, () => {
  let session: DevkitSession;
  /** The shadow as the emulator holds it, over its admin route. */
  const cloud = (): Promise<ShadowDocument> => session.shadow(DEVICE);
  const colleague = () => coreClient(session.emulator.endpoint, { scheme: 'TC3-HMAC-SHA256', method: 'POST' });
  const shadowTab = () => page.locator('.tabs-container .tab', { hasText: `${DEVICE}.json`, hasNotText: '↔' }).first();
  const statusItem = () => page.locator('.statusbar-item', { hasText: /Shadow/ }).first();
  /** Waits for the shadow editor's first-line CodeLens to read `text` (scrolled to the top, where it sits). */
  const lens = async (text: string | RegExp, timeout = 10_000) => {
    if (!(await page.locator('.monaco-diff-editor').first().isVisible())) {
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Home');
    }
    await page.locator('.codelens-decoration', { hasText: text }).first().waitFor({ timeout });
  };
  const toasts = () => page.locator('.notifications-toasts .notification-toast');
  /** The texts of every notification shown, including those moved to the notification center. */
  const notificationTexts = async () => (await toasts().allInnerTexts()).join('\n');
  const focusShadowEditor = async () => {
    await shadowTab().click();
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  };
  const clearNotifications = async () => {
    await runCommand(page, 'Notifications: Clear All Notifications');
    await toasts().first().waitFor({ state: 'detached', timeout: 10_000 });
  };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  before(async () => {
    session = await startDevkitSession({
      // What code-server ships, made explicit so the test does not depend on its default.
      settings: () => ({ 'files.autoSave': 'afterDelay', 'files.autoSaveDelay': AUTO_SAVE_DELAY, ...TYPING }),
    });
    page = session.page;
  });

  after(() => session?.close());

  it(
    'an edit auto-saved sends nothing, and the editor says it is not pushed',
    shot('auto-save', async () => {
      await runCommand(page, 'IoT Devkit: Open Device Shadow');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: PRODUCT }).first().click({ timeout: 20_000 });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: DEVICE }).first().click({ timeout: 20_000 });
      const read = await cloud();
      assert.deepEqual(read.state.desired, { targetTemperature: 22, mode: 'heat' }, 'the demo shadow');
      await waitFor('the shadow in the editor', async () => (await editorText(page)).includes('"targetTemperature": 22') || undefined);
      await lens(`As on the cloud: version ${read.version}`);

      await typeDocument(page, render(withDesired(read, { targetTemperature: 2, mode: 'heat' })));
      await pause(PAST_AUTO_SAVE);
      // Auto-save did run (the tab is clean again), and nothing reached the emulator.
      assert.equal(await page.locator('.tabs-container .tab.dirty').count(), 0, 'auto-save wrote the editor');
      assert.deepEqual(await cloud(), read, 'the shadow is unchanged on the emulator');
      await lens(/Not pushed \(edited from version \d+\)/, 10_000);
      assert.match(await statusItem().innerText(), /Shadow not pushed — Ctrl\+S pushes to the device/);
      assert.match(await editorText(page), /"targetTemperature": 2,/, 'the edit is still in the editor');
      await screenshot(page, 'shadow-1-auto-saved-not-pushed');
    }),
  );

  it(
    'Ctrl+S pushes, and the editor says pushed with the version',
    shot('push', async () => {
      const before = await cloud();
      await focusShadowEditor();
      await page.keyboard.press('Control+S');
      const pushed = await waitFor('the push on the emulator', async () => {
        const now = await cloud();
        return now.version > before.version ? now : undefined;
      });
      assert.deepEqual(pushed.state.desired, { targetTemperature: 2, mode: 'heat' });
      assert.equal(pushed.version, before.version + 1);
      await waitFor('the status', async () => (await statusItem().innerText()).includes(`Shadow pushed: version ${pushed.version}`) || undefined);
      await lens(`Pushed to the device: version ${pushed.version}`, 10_000);
      await waitFor('the reloaded version', async () => (await editorText(page)).includes(`"version": ${pushed.version}`) || undefined);
      await screenshot(page, 'shadow-2-pushed');
    }),
  );

  it(
    'a half-done key rename and half-typed JSON auto-saved send nothing and pop no error; Ctrl+S names the line',
    shot('invalid', async () => {
      const before = await cloud();
      // Renaming "mode": half-way, the key reads "mo". Valid JSON, but it must not delete mode on the device.
      await typeDocument(page, render(before).replace('"mode": "heat"', '"mo": "heat"'));
      await pause(PAST_AUTO_SAVE);
      assert.deepEqual(await cloud(), before, 'the half-renamed key was not sent');

      const halfTyped = render(before).replace('"targetTemperature": 2,', '"targetTemperature": ,');
      await typeDocument(page, halfTyped);
      await pause(PAST_AUTO_SAVE);
      assert.equal(await page.locator('.tabs-container .tab.dirty').count(), 0, 'auto-save wrote the editor');
      assert.deepEqual(await cloud(), before, 'nothing sent');
      assert.doesNotMatch(await notificationTexts(), /Failed to save|Unable to write|Not pushed|JSON/, 'auto-save pops no error');
      assert.match(await statusItem().innerText(), /Shadow not pushed/);

      await page.keyboard.press('Control+S');
      const lines = halfTyped.split('\n');
      const line = lines.findIndex((l) => l.includes('"targetTemperature": ,')) + 1;
      const column = lines[line - 1]!.indexOf(',') + 1;
      const toast = toasts().filter({ hasText: 'Not pushed' }).first();
      await toast.waitFor({ timeout: 15_000 });
      const message = await toast.innerText();
      assert.match(message, new RegExp(`Not pushed: line ${line}, column ${column} is not valid JSON: expected a value .*, found “,”`));
      assert.match(message, /Your edit is kept/);
      assert.doesNotMatch(await notificationTexts(), /Failed to save|Unable to write/, "not VS Code's write error");
      assert.deepEqual(await cloud(), before, 'nothing sent');
      assert.match(await editorText(page), /"targetTemperature": ,/, 'the edit is kept as typed');
      await page.waitForTimeout(500); // the toast's slide-in, so the screenshot shows it whole
      await screenshot(page, 'shadow-3-invalid-json-explicit-save');
      // Its button puts the cursor where the JSON breaks.
      await toast.locator('.monaco-button', { hasText: `Go to line ${line}` }).click();
      await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout: 10_000 });
      await clearNotifications();
    }),
  );

  it(
    'the draft survives a reload of the window',
    shot('reload', async () => {
      const before = await cloud();
      await focusShadowEditor();
      await typeDocument(page, render(withDesired(before, { targetTemperature: 2, mode: 'eco' })));
      await pause(PAST_AUTO_SAVE);
      assert.deepEqual(await cloud(), before);
      await page.reload();
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      // The editor comes back from the workbench's saved layout, reading the draft, not the cloud's copy.
      await waitFor(
        'the draft after the reload',
        async () => ((await shadowTab().count()) > 0 && (await editorText(page)).includes('"mode": "eco"')) || undefined,
        60_000,
      );
      await lens(/Not pushed/, 20_000);
      assert.deepEqual(await cloud(), before, 'still nothing sent');
      await screenshot(page, 'shadow-4-draft-after-reload');
    }),
  );

  it(
    'a conflict offers exactly compare / re-apply / discard in our own notification; re-applied, it is pushed on the latest',
    shot('conflict', async () => {
      const read = await cloud();
      // Behind the editor's back: the device reports, and a colleague lowers the target.
      assert.equal((await admin(session.emulator.endpoint, 'POST', `/devices/${PRODUCT}/${DEVICE}/reported`, { temperature: 23.5 })).status, 200);
      expectOk(
        await colleague()('UpdateDeviceShadow', {
          ProductId: PRODUCT,
          DeviceName: DEVICE,
          State: JSON.stringify({ desired: { targetTemperature: 18 } }),
          ShadowVersion: read.version + 1,
        }),
        "the colleague's update",
      );
      const theirs = await cloud();
      assert.equal(theirs.version, read.version + 2);

      await focusShadowEditor();
      await page.keyboard.press('Control+S');
      const toast = toasts().filter({ hasText: 'changed on the cloud' }).first();
      await toast.waitFor({ timeout: 15_000 });
      assert.match(
        await toast.innerText(),
        new RegExp(`since you read version ${read.version} \\(now version ${theirs.version}; changed there: targetTemperature\\)`),
      );
      const buttons = await toast.locator('.monaco-button').allInnerTexts();
      assert.deepEqual(
        buttons.map((b) => b.trim()),
        ['Compare', 'Re-apply mine', 'Discard mine'],
      );
      assert.match(await toast.innerText(), /Your edit is kept: compare it with the latest, re-apply it on the latest, or discard it\./);
      assert.doesNotMatch(await page.locator('body').innerText(), /Unable to write file|Failed to save/, 'no VS Code write-error dialog');
      assert.deepEqual(await cloud(), theirs, 'nothing of mine was sent');
      await lens(`Not pushed: changed on the cloud (version ${read.version} → ${theirs.version})`, 10_000);
      await screenshot(page, 'shadow-5-conflict-notification');

      await toast.locator('.monaco-button', { hasText: 'Compare' }).click();
      const title = `${DEVICE}.json: latest (version ${theirs.version}) ↔ your edit on version ${theirs.version}, not pushed`;
      await page.locator('.tabs-container .tab', { hasText: title }).waitFor({ timeout: 20_000 });
      const original = await waitFor('the latest on the left', async () => {
        const text = await editorText(page, '.monaco-diff-editor .editor.original');
        return text.includes('"targetTemperature": 18') && text.includes('"temperature": 23.5') ? text : undefined;
      });
      const modified = await editorText(page, '.monaco-diff-editor .editor.modified');
      // Desired leads on both sides, and only my change (mode) differs: reported, metadata and version are the latest's.
      assert.match(original, /^\{\s*"desired": \{/);
      assert.match(modified, /^\{\s*"desired": \{\s*"targetTemperature": 18,\s*"mode": "eco"/);
      const left = new Set(original.split('\n'));
      assert.deepEqual(
        modified
          .split('\n')
          .filter((l) => !left.has(l))
          .map((l) => l.trim()),
        ['"mode": "eco"'],
      );
      await waitFor('the status in the comparison', async () => /Shadow not pushed: changed on the cloud/.test(await statusItem().innerText()) || undefined);
      await screenshot(page, 'shadow-6-conflict-compare');

      // Saving again while the conflict stands sends nothing and offers the same choices; re-apply pushes on the latest.
      await focusShadowEditor();
      await page.keyboard.press('Control+S');
      const again = toasts().filter({ hasText: 'changed on the cloud' }).first();
      await again.waitFor({ timeout: 15_000 });
      assert.deepEqual(await cloud(), theirs);
      await again.locator('.monaco-button', { hasText: 'Re-apply mine' }).click();
      const merged = await waitFor('the re-applied push', async () => {
        const now = await cloud();
        return now.version > theirs.version ? now : undefined;
      });
      assert.deepEqual(merged.state.desired, { targetTemperature: 18, mode: 'eco' }, 'my change (mode) on top of theirs (targetTemperature)');
      assert.equal(merged.state.reported?.['temperature'], 23.5);
      assert.equal(merged.version, theirs.version + 1, 'pushed at the latest version');
      await waitFor(
        'the status after re-apply',
        async () => (await statusItem().innerText()).includes(`Shadow pushed: version ${merged.version}`) || undefined,
      );
      // The comparison named versions that no longer hold: it is closed; the editor shows the new version.
      await page.locator('.tabs-container .tab', { hasText: '↔' }).waitFor({ state: 'detached', timeout: 10_000 });
      await waitFor('the editor at the new version', async () => (await editorText(page)).includes(`"version": ${merged.version}`) || undefined);
      await lens(`Pushed to the device: version ${merged.version}`, 10_000);
      await screenshot(page, 'shadow-7-reapplied-pushed');
    }),
  );

  it(
    'discarding mine after a conflict shows the latest and sends nothing',
    shot('discard', async () => {
      const read = await cloud();
      await focusShadowEditor();
      await typeDocument(page, render(withDesired(read, { targetTemperature: 30, mode: 'eco' })));
      expectOk(
        await colleague()('UpdateDeviceShadow', {
          ProductId: PRODUCT,
          DeviceName: DEVICE,
          State: JSON.stringify({ desired: { mode: 'off' } }),
          ShadowVersion: read.version,
        }),
        "the colleague's update",
      );
      const theirs = await cloud();
      await page.keyboard.press('Control+S');
      const toast = toasts().filter({ hasText: 'changed on the cloud' }).first();
      await toast.waitFor({ timeout: 15_000 });
      await toast.locator('.monaco-button', { hasText: 'Discard mine' }).click();
      await waitFor('the latest in the editor', async () => {
        const text = await editorText(page);
        return text.includes('"mode": "off"') && text.includes(`"version": ${theirs.version}`) ? true : undefined;
      });
      await lens(`As on the cloud: version ${theirs.version}`, 10_000);
      await pause(PAST_AUTO_SAVE);
      assert.deepEqual(await cloud(), theirs, 'nothing of mine was sent');
    }),
  );

  it(
    "the editor title's Push Shadow to Device pushes an auto-saved draft",
    shot('push-button', async () => {
      const read = await cloud();
      await focusShadowEditor();
      await typeDocument(page, render(withDesired(read, { targetTemperature: 21, mode: 'off' })));
      await pause(PAST_AUTO_SAVE);
      assert.deepEqual(await cloud(), read);
      await page.locator('.editor-actions .action-label[aria-label^="Push Shadow to Device"]').first().click();
      const pushed = await waitFor('the push on the emulator', async () => {
        const now = await cloud();
        return now.version > read.version ? now : undefined;
      });
      assert.deepEqual(pushed.state.desired, { targetTemperature: 21, mode: 'off' });
      await waitFor('the editor at the new version', async () => (await editorText(page)).includes(`"version": ${pushed.version}`) || undefined);
      await lens(`Pushed to the device: version ${pushed.version}`);
    }),
  );
});

describe('shadow push state in zh-CN', { timeout: 240_000 }, () => {
  let session: DevkitSession;

  before(async () => {
    session = await startDevkitSession({
      settings: () => ({ 'files.autoSave': 'afterDelay', 'files.autoSaveDelay': AUTO_SAVE_DELAY, ...TYPING }),
      language: 'zh-cn',
      addProfile: false,
    });
    page = session.page;
    await page.locator('.activitybar [aria-label="IoT Devkit"]').first().click();
    const sidebar = await findFrame(page, '#sign-form');
    await runCommand(page, 'IoT Devkit: 添加凭证配置');
    for (const [i, answer] of ['e2e', DEMO_CREDENTIAL.secretId, DEMO_CREDENTIAL.secretKey, 'ap-guangzhou', session.emulator.endpoint].entries()) {
      await page.locator('.quick-input-widget .quick-input-title', { hasText: `（${i + 1}/5）` }).waitFor({ timeout: 15_000 });
      await page.locator('.quick-input-widget input').fill(answer);
      await page.locator('.quick-input-widget input').press('Enter');
    }
    await sidebar.locator('#profile-name').waitFor();
  });
  after(() => session?.close());

  it(
    'says not pushed and pushed in Chinese',
    shot('zh-cn', async () => {
      await runCommand(page, 'IoT Devkit: 打开设备影子');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: PRODUCT }).first().click({ timeout: 20_000 });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: DEVICE }).first().click({ timeout: 20_000 });
      await waitFor('the shadow in the editor', async () => (await editorText(page)).includes('"targetTemperature": 22') || undefined);
      const status = page.locator('.statusbar-item', { hasText: /影子/ }).first();
      await waitFor('the status', async () => (await status.innerText()).includes('与云端一致') || undefined);
      const read = await session.shadow(DEVICE);
      await typeDocument(page, render(withDesired(read, { targetTemperature: 19, mode: 'heat' })));
      await new Promise((resolve) => setTimeout(resolve, PAST_AUTO_SAVE));
      assert.match(await status.innerText(), /影子未推送 — 按 Ctrl\+S 推送到设备/);
      await page.keyboard.press('Control+Home');
      await page.locator('.codelens-decoration', { hasText: '未推送（基于版本' }).first().waitFor({ timeout: 10_000 });
      await screenshot(page, 'shadow-zh-cn-not-pushed');
      await page.keyboard.press('Control+S');
      await waitFor('the push', async () => (await status.innerText()).includes(`影子已推送：版本 ${read.version + 1}`) || undefined);
    }),
  );
});
