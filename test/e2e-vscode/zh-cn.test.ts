// The extension in Chinese: code-server started with --locale zh-cn (and a translation-less locale pack, see
// support/codeServer.ts) gives the extension vscode.env.language "zh-cn", so its manifest texts come from
// package.nls.zh-cn.json and its own texts, the sidebar's included, from l10n/bundle.l10n.zh-cn.json.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startCodeServer, type RunningCodeServer } from './support/codeServer.js';
import { findFrame, openWorkbench, screenshot } from './support/workbench.js';

describe('VS Code extension in zh-CN', { timeout: 180_000 }, () => {
  let codeServer: RunningCodeServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    codeServer = await startCodeServer({ settings: {}, language: 'zh-cn' });
    ({ browser, page } = await openWorkbench(codeServer.url));
  });
  after(async () => {
    await browser?.close();
    await codeServer?.close();
  });

  it('shows the views, the sidebar and the commands in Chinese', async () => {
    await page.locator('.activitybar [aria-label="IoT Devkit"]').first().click();
    const sidebar = await findFrame(page, '#sign-form');
    assert.equal(await sidebar.locator('#tab-sign').innerText(), '签名');
    assert.equal(await sidebar.locator('#tab-send').innerText(), '构造与发送');
    assert.match(await sidebar.locator('#profile').innerText(), /没有凭证配置/);
    assert.match(await sidebar.locator('label[for="sign-timestamp"]').innerText(), /时间戳/);
    // The credential schemes beside TC3: titles and field labels from the core's Chinese texts.
    assert.match(
      (await sidebar.locator('#sign-scheme option').allInnerTexts()).join(' | '),
      /腾讯云 API 3\.0.*腾讯云物联网通信设备 MQTT（密钥认证）.*OneNET 安全鉴权 token/,
    );
    await sidebar.selectOption('#sign-scheme', 'mqtt-device');
    assert.match(await sidebar.locator('label[for="cred-deviceName"]').innerText(), /设备名称/);
    assert.match(await sidebar.locator('label[for="cred-mode-verify"]').innerText(), /校验/);
    await sidebar.selectOption('#sign-scheme', 'tc3');
    // Step titles and rules come from the core in the UI language too.
    const headers = (await page.locator('.pane-header').allInnerTexts()).join(' | ');
    assert.match(headers, /工具/);
    assert.match(headers, /产品与设备/);
    await page.locator('.pane', { hasText: '产品与设备' }).locator('.monaco-list-row', { hasText: '添加凭证配置后即可列出产品' }).first().waitFor();
    await screenshot(page, 'zh-cn-sidebar');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>IoT Devkit: 打开设备影子');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '打开设备影子' }).first().waitFor();
    await page.keyboard.press('Escape');
  });

  it('names Save as .http and Open Example Collection in Chinese', async () => {
    const sidebar = await findFrame(page, '#sign-form');
    await sidebar.click('#tab-send');
    assert.equal((await sidebar.locator('#send-save-http').innerText()).trim(), '另存为 .http');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>IoT Devkit: 打开示例请求集');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '打开示例请求集' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: 'emulator.http' }).first().waitFor({ timeout: 20_000 });
    await screenshot(page, 'zh-cn-example-collection');
  });
});
