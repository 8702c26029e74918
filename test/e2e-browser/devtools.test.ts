import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildHttpRequest, DEMO_CREDENTIAL, DEMO_PRODUCT_ID } from '@iot-devkit/core';
import type { Page } from 'playwright-core';
import { startTestEmulator } from '../emulator/harness.js';
import { DevToolsWindows } from './support/devtoolsWindow.js';
import { launchExtension, type LoadedExtension } from './support/launchExtension.js';
import { addProfile, waitReady } from './support/popupActions.js';

type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;

/** chrome.tabs inside the service worker, where worker.evaluate runs (host permissions cover 127.0.0.1 tabs). */
interface ChromeSession {
  chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };
}
interface ChromeTabs {
  chrome: { tabs: { query(query: { url: string }): Promise<{ id?: number }[]> } };
}

/** The DOM of the panel page, as the expressions evaluated inside it see it. */
const inPanel = {
  rowCount: `document.querySelectorAll('#request-rows tr').length`,
  clickRow: (result: string) =>
    `(() => { const row = [...document.querySelectorAll('#request-rows tr')].find((tr) => tr.lastElementChild.textContent === ${JSON.stringify(result)}); row.click(); return row.dataset.request; })()`,
  text: (selector: string) => `document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`,
  hidden: (selector: string) => `document.querySelector(${JSON.stringify(selector)}).hidden`,
  click: (selector: string) => `(document.querySelector(${JSON.stringify(selector)}).click(), true)`,
  value: (selector: string) => `document.querySelector(${JSON.stringify(selector)}).value`,
  attribute: (selector: string, name: string) => `document.querySelector(${JSON.stringify(selector)})?.getAttribute(${JSON.stringify(name)}) ?? ''`,
  childClasses: (selector: string) => `[...document.querySelector(${JSON.stringify(selector)}).children].map((c) => c.classList[0] ?? c.tagName)`,
};

describe('DevTools panel in real Chromium DevTools: observed requests, signature diagnosis, replay, curl', () => {
  let emulator: Emulator;
  let pageServer: Server;
  let ext: LoadedExtension;
  let windows: DevToolsWindows;
  let app: Page;
  let panel: string;
  let appTabId: number | undefined;
  const evalPanel = <T>(expression: string) => windows.evaluate<T>(panel, expression);
  const waitInPanel = <T>(what: string, expression: string, accept: (value: T) => boolean) =>
    windows.waitFor(what, async () => {
      const value = await evalPanel<T>(expression);
      return accept(value) ? value : undefined;
    });

  before(async () => {
    emulator = await startTestEmulator();
    // The web app under development: a page on its own loopback origin that calls the API (the emulator allows loopback origins).
    pageServer = createServer((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>app under development</title><h1>app</h1>'),
    );
    await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
    ext = await launchExtension({ devtools: true });
    windows = await DevToolsWindows.connect(ext.cdpPort!);
    const popup = await ext.open('popup.html');
    await waitReady(popup);
    await addProfile(popup, { name: 'emulator', secretId: DEMO_CREDENTIAL.secretId, secretKey: DEMO_CREDENTIAL.secretKey, endpoint: emulator.endpoint });
    app = await ext.context.newPage();
    await app.goto(`http://127.0.0.1:${(pageServer.address() as AddressInfo).port}/`);
  });
  after(async () => {
    await ext?.close();
    await emulator?.close();
    await new Promise((resolve) => pageServer?.close(resolve));
  });

  test('the requests the page makes are listed in the panel', async () => {
    // DevTools records only while its window is there: wait until the extension's DevTools page inspects the app.
    appTabId = await ext.worker.evaluate(async (url) => (await (globalThis as unknown as ChromeTabs).chrome.tabs.query({ url }))[0]?.id, app.url());
    await windows.waitFor("the extension's DevTools page on the app's tab", async () => {
      for (const t of (await windows.targets()).filter((t) => t.url === `chrome-extension://${ext.id}/devtools.html`))
        if ((await windows.evaluate<number>(t.targetId, 'chrome.devtools.inspectedWindow.tabId')) === appTabId) return true;
      return undefined;
    });
    const sign = (deviceName: string) =>
      buildHttpRequest(
        {
          service: 'iotcloud',
          version: '2021-04-08',
          action: 'DescribeDevice',
          region: 'ap-guangzhou',
          params: { ProductId: DEMO_PRODUCT_ID, DeviceName: deviceName },
          endpoint: emulator.endpoint,
        },
        { credentials: DEMO_CREDENTIAL, timestamp: Math.floor(Date.now() / 1000) },
      );
    const good = sign('thermostat-1');
    const bad = sign('thermostat-2');
    // A classic bug: the app signs compact JSON, then its HTTP client re-serializes the body with spaces.
    const badBody = JSON.stringify(JSON.parse(bad.body), null, 1);
    const results = await app.evaluate(
      async (requests) => {
        const out: string[] = [];
        for (const r of requests) {
          const headers = Object.fromEntries(Object.entries(r.headers).filter(([name]) => name.toLowerCase() !== 'host'));
          out.push(await (await fetch(r.url, { method: 'POST', headers, body: r.body })).text());
        }
        return out;
      },
      [
        { url: good.url, headers: good.headers, body: good.body },
        { url: bad.url, headers: bad.headers, body: badBody },
      ],
    );
    assert.doesNotMatch(results[0]!, /"Error"/, 'the good request succeeds');
    assert.match(results[1]!, /AuthFailure\.SignatureFailure/, 'the re-serialized body fails verification');

    // The developer opens the panel after the app has sent: it lists what DevTools saw since it opened.
    await windows.showExtensionPanel(ext.id, 'IoT Devkit', 'panel.html');
    // Several DevTools windows are open (one per tab); the app's panel is the one that lists two requests.
    panel = await windows.waitFor('the app page panel to list both requests', async () => {
      const current = (await windows.targets()).filter((t) => t.url.startsWith(`chrome-extension://${ext.id}/panel.html`));
      for (const { targetId } of current) if ((await windows.evaluate<number>(targetId, inPanel.rowCount).catch(() => 0)) === 2) return targetId;
      return undefined;
    });
    const rows = await evalPanel<string>(inPanel.text('#request-rows'));
    assert.match(rows, /DescribeDevice/);
    assert.match(rows, /AuthFailure\.SignatureFailure/);

    // The observed store keeps the request as the page sent it (its signature is verified later), not the
    // response's PSK: the core's secret policy redacts it.
    const psk = (JSON.parse(results[0]!) as { Response: { DevicePsk: string } }).Response.DevicePsk;
    const observed = JSON.stringify(await ext.worker.evaluate(async () => (globalThis as unknown as ChromeSession).chrome.storage.session.get(null)));
    assert.ok(psk.length > 0 && !observed.includes(psk), 'no DevicePsk in the observed store');
    assert.ok(observed.includes('DevicePsk') && observed.includes('[redacted]'));
  });

  test('requests made while the panel is open appear in it at once', async () => {
    const signed = buildHttpRequest(
      {
        service: 'iotcloud',
        version: '2021-04-08',
        action: 'DescribeDeviceShadow',
        region: 'ap-guangzhou',
        params: { ProductId: DEMO_PRODUCT_ID, DeviceName: 'thermostat-1' },
        endpoint: emulator.endpoint,
      },
      { credentials: DEMO_CREDENTIAL, timestamp: Math.floor(Date.now() / 1000) },
    );
    await app.evaluate(
      async (r) =>
        void (await fetch(r.url, {
          method: 'POST',
          headers: Object.fromEntries(Object.entries(r.headers).filter(([name]) => name.toLowerCase() !== 'host')),
          body: r.body,
        })),
      { url: signed.url, headers: signed.headers, body: signed.body },
    );
    await waitInPanel<number>('a third row', inPanel.rowCount, (count) => count === 3);
    assert.match(await evalPanel<string>(inPanel.text('#request-rows tr:first-child')), /DescribeDeviceShadow/, 'newest first');
  });

  test('a failing request is diagnosed with the stored key: the verdict first, its Fix, the first differing step, ruled-out collapsed last', async () => {
    await evalPanel(inPanel.clickRow('AuthFailure.SignatureFailure'));
    await waitInPanel<string>('the verdict', inPanel.attribute('#diagnosis', 'data-kind'), (kind) => kind === 'cause-found');
    assert.equal(await evalPanel<string>(inPanel.attribute('#diagnosis', 'data-cause')), 'body-json-reserialized');
    assert.match(await evalPanel<string>(inPanel.text('#diagnosis .verdict')), /^✖ Cause found: Body re-serialized/);
    // Issue 13: the panel listed 22 ruled-out mistakes before its conclusion, with an empty Fix line.
    const parts = await evalPanel<string[]>(inPanel.childClasses('#diagnosis'));
    assert.deepEqual(parts.slice(0, 2), ['verdict', 'fix'], parts.join(' '));
    assert.ok(parts.indexOf('difference') > 1 && parts.indexOf('difference') < parts.indexOf('ruled-out'), parts.join(' '));
    assert.match(await evalPanel<string>(inPanel.text('#diagnosis .fix')), /^Fix: .{10,}/);
    assert.equal(await evalPanel<boolean>(`document.querySelector('#diagnosis details.ruled-out').open`), false, 'ruled-out is collapsed');
    assert.match(await evalPanel<string>(inPanel.text('#diagnosis details.ruled-out summary')), /^\d+ known mistakes ruled out/);
    assert.match(await evalPanel<string>(inPanel.text('#diagnosis .difference .expected-label')), /^Expected — the body sent/);
    // The same panel opened as a tab of its own (panel.html?tabId=N), sized like DevTools docked below, to look at it.
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(`chrome-extension://${ext.id}/panel.html?tabId=${appTabId}`);
    await page.waitForSelector('body[data-ready]');
    await page.click('#request-rows tr:has-text("AuthFailure.SignatureFailure")');
    await page.waitForSelector('#diagnosis[data-kind="cause-found"]');
    await page.screenshot({ path: join(tmpdir(), 'iot-devkit-devtools-verdict.png'), fullPage: true });
    await page.close();
  });

  test('a good request verifies against the stored key', async () => {
    await evalPanel(inPanel.clickRow('200'));
    await waitInPanel<string>('the verdict', inPanel.attribute('#diagnosis', 'data-kind'), (kind) => kind === 'signature-correct');
    assert.match(await evalPanel<string>(inPanel.text('#diagnosis .verdict')), /^✔ Signature correct/);
  });

  test('replaying the failed request re-signs it and the emulator accepts it; curl is freshly signed', async () => {
    await evalPanel(inPanel.clickRow('AuthFailure.SignatureFailure'));
    await evalPanel(inPanel.click('#replay'));
    const meta = await waitInPanel<string>('the replay result', inPanel.text('#replay-meta'), (text) => text.includes('HTTP'));
    assert.match(meta, /HTTP 200/);
    assert.equal(await evalPanel<boolean>(inPanel.hidden('#replay-error')), true, await evalPanel<string>(inPanel.text('#replay-error')));
    assert.match(await evalPanel<string>(inPanel.text('#replay-body')), /thermostat-2/);

    await evalPanel(inPanel.click('#copy-curl'));
    const curl = await waitInPanel<string>('the curl command', inPanel.value('#curl'), (value) => value !== '');
    assert.ok(curl.startsWith(`curl -X POST ${emulator.endpoint}`), curl);
    assert.match(curl, /X-TC-Action: DescribeDevice/);
    assert.ok(!curl.includes(DEMO_CREDENTIAL.secretKey), 'the key is not in the command');
  });
});
