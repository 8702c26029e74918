import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchExtension, type LoadedExtension } from './support/launchExtension.js';
import { collectErrors, waitReady } from './support/popupActions.js';

// Made-up device key (base64), never a real device's.
const PSK = 'bWFkZS11cC1wc2stZm9yLWUyZS10ZXN0cw==';
const PRODUCT_ID = 'ABCDE12345';
const DEVICE_NAME = 'thermostat-1';
const CONNID = 'a1B2c';

/** The extension API inside the service worker, where worker.evaluate runs. */
interface ChromeGlobal {
  chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> }; session: { get(keys: null): Promise<Record<string, unknown>> } } };
}

/** The documented MQTT password, written from the formula (not from the core): hex(HMAC-SHA256(base64decode(psk), username)) + ";hmacsha256". */
const mqttPassword = (psk: string, username: string) => `${createHmac('sha256', Buffer.from(psk, 'base64')).update(username).digest('hex')};hmacsha256`;

const field = (name: string) => `#cred-mqtt-device-${name}`;
const output = (page: Page, name: string) => page.textContent(`#cred-outputs li[data-output="${name}"] pre`);

describe('popup Credentials tab in real Chromium: MQTT device credentials signed and verified in the service worker', () => {
  let ext: LoadedExtension;
  let popup: Page;
  let errors: string[];
  const storage = async (area: 'local' | 'session') =>
    ext.worker.evaluate(async (a) => JSON.stringify(await (globalThis as unknown as ChromeGlobal).chrome.storage[a].get(null)), area);
  const expiry = Math.floor(Date.now() / 1000) + 3600;

  before(async () => {
    ext = await launchExtension();
    popup = await ext.open('popup.html');
    errors = collectErrors(popup);
    await waitReady(popup);
  });
  after(async () => {
    await ext?.close();
  });

  test('the tab is reached with the arrow keys like the others; the form comes from the scheme definitions', async () => {
    await popup.focus('#tab-request');
    await popup.click('#tab-request');
    await popup.keyboard.press('ArrowRight');
    assert.equal(await popup.getAttribute('#tab-credentials', 'aria-selected'), 'true');
    assert.equal(await popup.isVisible('#panel-credentials'), true);
    assert.deepEqual(await popup.$$eval('#cred-scheme option', (options) => options.map((o) => o.getAttribute('value'))), [
      'mqtt-device',
      'onenet-token',
      'onenet-api-key',
      'mxchip-token',
    ]);
    await popup.selectOption('#cred-scheme', 'mqtt-device');
    await popup.check('#cred-mode-sign');
    assert.equal(await popup.getAttribute(field('devicePsk'), 'type'), 'password', 'a secret field is a password field');
    assert.deepEqual(await popup.$$eval(`${field('hmac')} option`, (options) => options.map((o) => o.getAttribute('value'))), ['sha256', 'sha1']);
    assert.equal(await popup.getAttribute(field('productId'), 'placeholder'), 'ABCDE12345');
    assert.equal(await popup.isVisible(field('username')), false, 'verify-only fields are hidden in sign mode');
    // OneNET api-key offers sign only: no mode choice shown.
    await popup.selectOption('#cred-scheme', 'onenet-api-key');
    assert.equal(await popup.isVisible('#cred-modes'), false);
    assert.equal(await popup.isVisible('#cred-onenet-api-key-apiKey'), true);
    await popup.selectOption('#cred-scheme', 'mqtt-device');
    assert.equal(await popup.isVisible('#cred-modes'), true);
  });

  test('a PSK that is not base64 is named on its field, nothing is made', async () => {
    await popup.fill(field('productId'), PRODUCT_ID);
    await popup.fill(field('deviceName'), DEVICE_NAME);
    await popup.fill(field('devicePsk'), 'not base64!');
    await popup.click('#cred-run');
    await popup.waitForSelector(`${field('devicePsk')}-problem:visible`);
    assert.match((await popup.textContent(`${field('devicePsk')}-problem`)) ?? '', /base64/);
    assert.equal(await popup.getAttribute(field('devicePsk'), 'aria-invalid'), 'true');
    assert.equal(await popup.isVisible('#cred-result'), false);
  });

  test('sign: the password shown is the documented HMAC of the username, computed here with node:crypto', async () => {
    await popup.fill(field('devicePsk'), PSK);
    await popup.fill(field('expiry'), String(expiry));
    await popup.fill(field('connid'), CONNID);
    await popup.keyboard.press('Control+Enter');
    await popup.waitForSelector('#cred-outputs li[data-output="password"]');
    assert.equal(await popup.isVisible(`${field('devicePsk')}-problem`), false, 'the earlier problem is cleared');
    const username = `${PRODUCT_ID}${DEVICE_NAME};12010126;${CONNID};${expiry}`;
    assert.equal(await output(popup, 'username'), username);
    assert.equal(await output(popup, 'password'), mqttPassword(PSK, username));
    assert.equal(await output(popup, 'clientId'), `${PRODUCT_ID}${DEVICE_NAME}`);
    assert.equal(await output(popup, 'host'), `${PRODUCT_ID}.iotcloud.tencentdevices.com`);
    const steps = await popup.$$eval('#cred-step-list li', (items) =>
      items.map((li) => ({ title: li.querySelector('strong')?.textContent ?? '', value: li.querySelector('pre')?.textContent ?? '' })),
    );
    assert.ok(steps.length >= 5, JSON.stringify(steps));
    assert.ok(steps.every((s) => s.title !== '' && s.value !== ''));
    assert.ok(
      steps.some((s) => s.value.includes(username)),
      'the username is one of the steps',
    );
    await popup.click('#cred-outputs li[data-output="password"] button[data-copy]');
    await popup.waitForSelector('#cred-status:has-text("password")');
    assert.ok(!(await popup.content()).includes(PSK), 'the PSK is nowhere in the page');
  });

  test('verify: the right password is confirmed; a wrong one shows a finding with its problem id, part and message', async () => {
    const username = `${PRODUCT_ID}${DEVICE_NAME};12010126;${CONNID};${expiry}`;
    await popup.check('#cred-mode-verify');
    assert.equal(await popup.isVisible(field('expiry')), false, 'sign-only fields are hidden in verify mode');
    assert.equal(await popup.inputValue(field('productId')), PRODUCT_ID, 'the device is shared by both modes: verify checks the username names it');
    assert.equal(await popup.inputValue(field('devicePsk')), PSK, 'the PSK field is shared by both modes');
    assert.equal(await popup.textContent('#cred-run'), 'Verify');
    await popup.fill(field('username'), username);
    await popup.fill(field('password'), mqttPassword(PSK, username));
    await popup.click('#cred-run');
    await popup.waitForSelector('#cred-verdict.ok');
    assert.equal(await popup.locator('#cred-findings li').count(), 0);

    const wrong = mqttPassword(Buffer.from('some-other-key').toString('base64'), username);
    await popup.fill(field('password'), wrong);
    await popup.click('#cred-run');
    await popup.waitForSelector('#cred-verdict.bad');
    const findings = await popup.$$eval('#cred-findings li', (items) =>
      items.map((li) => ({ problem: li.getAttribute('data-problem'), field: li.getAttribute('data-field'), text: li.textContent ?? '' })),
    );
    assert.ok(findings.length >= 1, 'at least one finding');
    assert.ok(
      findings.every((f) => f.problem && f.field && f.text.includes(f.problem)),
      JSON.stringify(findings),
    );
    assert.ok(
      findings.some((f) => f.problem === 'signature-mismatch'),
      JSON.stringify(findings),
    );
    assert.equal(await output(popup, 'expected password'), mqttPassword(PSK, username));
  });

  test('the PSK is drafted in storage.session only; close and reopen: the non-secret fields are back', async () => {
    // Drafts are saved on input, one after another: wait until the last edit (the wrong password) is stored.
    const deadline = Date.now() + 5000;
    while (!(await storage('local')).includes('cred-mqtt-device-password') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const local = await storage('local');
    assert.ok(local.includes(PRODUCT_ID) && local.includes(DEVICE_NAME), 'the non-secret fields are drafted');
    assert.ok(!local.includes(PSK), 'storage.local never holds the PSK');
    assert.ok(!local.includes('not base64!'), 'nor a PSK typed earlier');
    assert.ok((await storage('session')).includes(PSK), 'the PSK is kept in session memory, like the SecretKey');

    await popup.close();
    popup = await ext.open('popup.html');
    errors.push(...collectErrors(popup));
    await waitReady(popup);
    assert.equal(await popup.getAttribute('#tab-credentials', 'aria-selected'), 'true');
    assert.equal(await popup.inputValue('#cred-scheme'), 'mqtt-device');
    assert.equal(await popup.isChecked('#cred-mode-verify'), true);
    await popup.check('#cred-mode-sign');
    assert.equal(await popup.inputValue(field('productId')), PRODUCT_ID);
    assert.equal(await popup.inputValue(field('deviceName')), DEVICE_NAME);
    assert.equal(await popup.inputValue(field('expiry')), String(expiry));
    assert.equal(await popup.inputValue(field('connid')), CONNID);
    assert.ok(!(await storage('local')).includes(PSK), 'still not in storage.local after reopening');
    assert.deepEqual(errors, []);
  });
});

describe('popup Credentials tab in zh-CN', () => {
  let ext: LoadedExtension;
  after(async () => {
    await ext?.close();
  });

  test('tab, scheme titles, labels and findings are in Chinese', async () => {
    ext = await launchExtension({ locale: 'zh-CN' });
    const popup = await ext.open('popup.html');
    await waitReady(popup);
    assert.equal(await popup.textContent('#tab-credentials'), '设备凭证');
    await popup.click('#tab-credentials');
    await popup.selectOption('#cred-scheme', 'mqtt-device');
    assert.match((await popup.textContent('#cred-scheme option[value="mqtt-device"]')) ?? '', /腾讯云物联网通信/);
    assert.equal(await popup.textContent(`label:has(${field('productId')}) span.required`), '产品 ID');
    await popup.check('#cred-mode-verify');
    await popup.fill(field('productId'), PRODUCT_ID);
    await popup.fill(field('deviceName'), DEVICE_NAME);
    await popup.fill(field('devicePsk'), PSK);
    await popup.fill(field('username'), `${PRODUCT_ID}${DEVICE_NAME};12010126;${CONNID};1000000000`);
    await popup.fill(field('password'), mqttPassword(PSK, `${PRODUCT_ID}${DEVICE_NAME};12010126;${CONNID};1000000000`));
    await popup.click('#cred-run');
    await popup.waitForSelector('#cred-verdict.bad');
    assert.equal(await popup.textContent('#cred-verdict'), '抓到的凭证有误：');
    const expired = popup.locator('#cred-findings li[data-problem="expired"] p');
    assert.match((await expired.textContent()) ?? '', /[\u4e00-\u9fff]/, 'the finding message is the Chinese one');
  });
});
