import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchExtension } from './support/launchExtension.js';
import { waitReady } from './support/popupActions.js';

test('with a Chinese browser the popup and the editor speak zh-CN (_locales/zh_CN)', async () => {
  const ext = await launchExtension({ locale: 'zh-CN' });
  try {
    const popup = await ext.open('popup.html');
    await waitReady(popup);
    assert.equal(await popup.getAttribute('html', 'lang'), 'zh-CN');
    assert.deepEqual(await popup.$$eval('[role="tab"]', (tabs) => tabs.map((t) => t.textContent)), ['请求', '设备凭证', '历史', '配置']);
    assert.equal(await popup.getAttribute('#profile-secret-key', 'placeholder'), '仅保存在内存中，关闭浏览器即清除');
    // The catalog's action in zh-CN: the documented Chinese title and description, no "Chinese only" label.
    await popup.click('#tab-request');
    await popup.fill('#action', 'ControlDeviceData');
    await popup.waitForSelector('#param-Data');
    assert.equal(await popup.textContent('#action-description .heading-title'), '根据设备产品ID、设备名称，设置控制设备的属性数据');
    assert.equal(await popup.textContent('#action-description .heading-description'), '根据设备产品ID、设备名称，设置控制设备的属性数据。');
    assert.equal(await popup.locator('#action-description .lang-label').count(), 0);
    const editor = await ext.open('editor.html#shadow');
    await waitReady(editor);
    assert.equal(await editor.textContent('#tab-shadow'), '设备影子');
    assert.equal(await editor.textContent('#shadow-load'), '加载影子');
  } finally {
    await ext.close();
  }
});
