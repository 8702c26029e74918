import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { buildHttpRequest, DEMO_CREDENTIAL, DEMO_PRODUCT_ID, serializeState } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';
import { CHROMIUM, ensureExtensionBuilt, EXTENSION_DIR } from '../e2e-browser/support/launchExtension.js';
import { startTestEmulator } from './harness.js';

// The attacks of issue 12 item 3, made by real Chromium against a real emulator: a page on another site (evil.test,
// mapped to 127.0.0.1 by the resolver, as an attacker's DNS would) and a DNS-rebound page, next to the toolkit's own
// browser extension and a developer's loopback web app, which must keep working.
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let context: BrowserContext;
let worker: Worker;
let site: Server;
let sitePort: number;
const profile = mkdtempSync(join(tmpdir(), 'iot-devkit-callers-'));

before(async () => {
  ensureExtensionBuilt();
  emulator = await startTestEmulator();
  site = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>a web page</title>');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  sitePort = (site.address() as AddressInfo).port;
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--host-resolver-rules=MAP evil.test 127.0.0.1',
    ],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
});
after(async () => {
  await context?.close();
  await emulator?.close();
  site?.close();
  rmSync(profile, { recursive: true, force: true });
});

let nonce = 5000;
function signedCall(
  action: string,
  params: Record<string, unknown>,
  options: { scheme?: 'TC3-HMAC-SHA256' | 'HmacSHA256'; method?: 'GET' | 'POST'; endpoint?: string } = {},
) {
  const built = buildHttpRequest(
    {
      service: 'iotcloud',
      version: '2021-04-08',
      action,
      region: 'ap-guangzhou',
      params,
      method: options.method ?? 'POST',
      endpoint: options.endpoint ?? emulator.endpoint,
    },
    {
      credentials: DEMO_CREDENTIAL,
      timestamp: Math.floor(Date.now() / 1000),
      scheme: options.scheme ?? 'TC3-HMAC-SHA256',
      nonce: ++nonce,
      crypto: nodeHashProvider,
    },
  );
  const headers = Object.fromEntries(Object.entries(built.headers).filter(([name]) => name.toLowerCase() !== 'host'));
  return { url: built.url, method: built.method, headers, body: built.method === 'POST' ? built.body : undefined };
}

type Call = ReturnType<typeof signedCall>;
/** Runs in the page or worker: the fetch a page would make, answered with its status and text. */
const fetchIn = async (call: Call & { mode?: 'no-cors' }) => {
  const response = await fetch(call.url, {
    method: call.method,
    headers: call.headers,
    ...(call.body !== undefined ? { body: call.body } : {}),
    ...(call.mode ? { mode: call.mode } : {}),
  });
  return { status: response.status, text: response.type === 'opaque' ? '(opaque)' : await response.text() };
};
const snapshot = () => serializeState(emulator.emulator.state);
const shadowOf = { ProductId: DEMO_PRODUCT_ID, DeviceName: 'thermostat-1' };

test("the toolkit's browser extension (service worker and page) keeps calling the emulator", async () => {
  const fromWorker = await worker.evaluate(fetchIn, signedCall('DescribeDeviceShadow', shadowOf));
  assert.equal(fromWorker.status, 200, fromWorker.text);
  assert.doesNotMatch(fromWorker.text, /"Error"/);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
  const fromPage = await page.evaluate(fetchIn, signedCall('DescribeDevice', shadowOf));
  assert.equal(fromPage.status, 200, fromPage.text);
  assert.match(fromPage.text, /"DevicePsk"/);
  const adminGet = await page.evaluate(async (url) => (await fetch(url)).status, `${emulator.endpoint}_emulator`);
  assert.equal(adminGet, 200, 'a GET sends no Origin from an extension page; Sec-Fetch-Site is none');
  await page.close();
});

test("a developer's web app on loopback (127.0.0.1 and localhost, another port) keeps calling it", async () => {
  const page = await context.newPage();
  for (const origin of [`http://127.0.0.1:${sitePort}/`, `http://localhost:${sitePort}/`]) {
    await page.goto(origin);
    const answer = await page.evaluate(fetchIn, signedCall('DescribeDeviceShadow', shadowOf));
    assert.equal(answer.status, 200, `${origin}: ${answer.text}`);
    assert.doesNotMatch(answer.text, /"Error"/);
  }
  await page.close();
});

test('a page on another site cannot create a device with <img> or record a message with a no-cors fetch', async () => {
  const before = snapshot();
  const page = await context.newPage();
  await page.goto(`http://evil.test:${sitePort}/`);
  const img = signedCall('CreateDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'by-img' }, { scheme: 'HmacSHA256', method: 'GET' });
  const loaded = await page.evaluate(
    (src) =>
      new Promise<string>((resolve) => {
        // The test's typings are Node's; in the page this is the DOM's Image.
        const image = new (globalThis as unknown as { Image: new () => { onload: () => void; onerror: () => void; src: string } }).Image();
        image.onload = () => resolve('load');
        image.onerror = () => resolve('error');
        image.src = src;
      }),
    img.url,
  );
  assert.equal(loaded, 'error', 'the answer is not an image either way');
  const publish = signedCall(
    'PublishMessage',
    { Topic: `${DEMO_PRODUCT_ID}/thermostat-1/control`, Payload: 'csrf', ProductId: DEMO_PRODUCT_ID, DeviceName: 'thermostat-1' },
    { scheme: 'HmacSHA256', method: 'POST' },
  );
  await page.evaluate(fetchIn, { ...publish, mode: 'no-cors' as const });
  const read = await page.evaluate(
    async (url) =>
      await fetch(url)
        .then((r) => r.status)
        .catch(() => 'blocked'),
    `${emulator.endpoint}_emulator/devices/${DEMO_PRODUCT_ID}/thermostat-1/shadow`,
  );
  assert.equal(read, 'blocked', 'a cors read gets no CORS answer');
  await page.close();
  assert.equal(snapshot(), before, 'no device, no message, nothing');
  // The control: the very URL the <img> loaded, sent by curl, does create the device — so the refusal above did the work.
  const curl = await fetch(img.url);
  assert.doesNotMatch(await curl.text(), /"Error"/);
  assert.ok(emulator.emulator.state.devices.has(`${DEMO_PRODUCT_ID}/by-img`));
});

test('a DNS-rebound page (evil.test on the emulator’s port) gets 403 for its same-origin reads and deletes', async () => {
  const before = snapshot();
  const page = await context.newPage();
  const evil = `http://evil.test:${emulator.port}/`;
  const landing = await page.goto(`${evil}_emulator`);
  assert.equal(landing?.status(), 403, 'even the page load');
  assert.match(await landing!.text(), /Host \\?"evil\.test:\d+\\?" is not an address this emulator serves/);
  const psk = await page.evaluate(fetchIn, signedCall('DescribeDevice', shadowOf, { scheme: 'HmacSHA256', method: 'GET', endpoint: evil }));
  assert.equal(psk.status, 403);
  assert.doesNotMatch(psk.text, /DevicePsk/);
  assert.match(psk.text, /"Code":"UnauthorizedOperation"/);
  const deleted = await page.evaluate(fetchIn, signedCall('DeleteDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'thermostat-2' }, { endpoint: evil }));
  assert.equal(deleted.status, 403);
  await page.close();
  assert.equal(snapshot(), before);
  assert.ok(emulator.emulator.state.devices.has(`${DEMO_PRODUCT_ID}/thermostat-2`));
});

test('the admin page opened from the address bar still works', async () => {
  const page = await context.newPage();
  const response = await page.goto(`${emulator.endpoint}_emulator`);
  assert.equal(response?.status(), 200);
  assert.match(await response!.text(), /IoT Devkit local emulator/);
  await page.close();
});
