// Publish Message in a zh-CN VS Code (code-server with --locale zh-cn) against a real emulator: the topic pick
// describes each topic in Chinese, from core's LocalizedText (core/src/mqtt/deviceTopics.ts), the demo product's
// CreateTopicPolicy topic "alert" included; the English side is asserted in device-loop-in-code-server.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_PRODUCT_ID } from '@iot-devkit/core';
import type { Locator, Page } from 'playwright-core';
import { failureShot, startDevkitSession, type DevkitSession } from './support/devkitSession.js';
import { screenshot } from './support/workbench.js';

const PRODUCT = DEMO_PRODUCT_ID;
const DEVICE = 'thermostat-1';
let page: Page;
const shot = failureShot('publish-zh-cn', () => page);

describe('Publish Message in zh-CN', { timeout: 240_000 }, () => {
  let session: DevkitSession;
  const tree = () => page.locator('.pane', { has: page.locator('.pane-header', { hasText: '产品与设备' }) });
  const row = (text: string): Locator => tree().locator('.monaco-list-row', { hasText: text }).first();
  const choice = (name: string) => page.locator('.quick-input-list .monaco-list-row', { hasText: `${PRODUCT}/${DEVICE}/${name}` }).first();

  before(async () => {
    session = await startDevkitSession({ settings: () => ({}), language: 'zh-cn' });
    page = session.page;
    await row(PRODUCT).click({ timeout: 20_000 });
    await row(DEVICE).waitFor({ timeout: 20_000 });
  });
  after(() => session?.close());

  it(
    'the topic pick says what each topic is for in Chinese',
    shot('topics', async () => {
      await row(DEVICE).click({ button: 'right' });
      const entry = page.locator('.monaco-menu .action-item', { hasText: '发布消息' }).first();
      await entry.waitFor({ timeout: 10_000 });
      await entry.hover();
      await page.waitForTimeout(200);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: '通过 PublishMessage API 发布（云端 → 设备）' }).first().click({ timeout: 10_000 });
      await choice('control').waitFor({ timeout: 10_000 });
      assert.match(await choice('control').innerText(), /下发给设备的指令/);
      assert.match(await choice('data').innerText(), /数据（双向）/);
      assert.match(await choice('alert').innerText(), /CreateTopicPolicy 创建的 Topic/);
      assert.doesNotMatch(await choice('control').innerText(), /commands to the device/);
      await screenshot(page, 'publish-zh-cn-topics');
      await page.keyboard.press('Escape');
    }),
  );
});
