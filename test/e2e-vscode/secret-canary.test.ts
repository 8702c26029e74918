// The canary test of issue 12, in real code-server: made-up secrets are used the way a developer uses real ones — a
// profile SecretKey (SecretStorage), a DefinedPsk typed into Build & send's CreateDevice, the DevicePsk the emulator
// returns to CreateDevice/DescribeDevice, a temporary-credential X-TC-Token typed into the Sign form, a device MQTT PSK, a OneNET key and api-key, an MXCHIP client_secret and
// access token typed into the Sign tab's credential schemes — and the TC3 keys derived from the SecretKey. The window
// is reloaded (VS Code flushes its state on shutdown) and the browser closed (Chromium flushes its stores), then every
// file the host wrote is searched for each canary, plain, base64, hex and UTF-16: none may be found.
//
// "The host" here is code-server plus the browser showing it: code-server keeps the workbench's storage (webview
// state, an extension's globalState) in the browser's IndexedDB, not in a state.vscdb as desktop VS Code does, so
// the Chromium profile is searched with code-server's user-data dir (settings, logs, globalStorage), its extensions
// dir, the workspace folder and the temp dir (TMPDIR points both processes into the folder searched).
// SecretStorage in code-server is VS Code web's LocalStorageSecretStorageProvider: one AES-GCM-encrypted entry,
// "secrets.provider", in the page's localStorage (its key split between the server's user-data/serve-web-key-half and
// the browser). No exclusion is needed for it: the test asserts instead that the entry exists, does not hold the key
// in clear, and gives the key back after the reload (the profile still shows it masked).
//
// The test also proves the canaries were used (the emulator created the devices with them, history lists the sends,
// the signature and MQTT password are the ones the canaries make) and that the search reaches the stores (a
// non-secret value typed beside the secrets is found where VS Code keeps the webview state), so it cannot pass by
// doing nothing.
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_PRODUCT_ID, deviceKey, signTc3 } from '@iot-devkit/core';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { startTestEmulator } from '../emulator/harness.js';
import { startCodeServer, type RunningCodeServer } from './support/codeServer.js';
import { searchHostFiles } from './support/searchHostFiles.js';
import { answerInput, findFrame, runCommand, screenshot } from './support/workbench.js';

// Everything either process puts in the temp dir lands in this run's folder, which is searched whole.
const previousTmpdir = process.env['TMPDIR'];
const RUN = mkdtempSync(join(tmpdir(), 'iot-devkit-canary-'));
process.env['TMPDIR'] = RUN;

// Random per run, so a hit can only come from this run. None is printed: the figures name them by label.
const tag = randomBytes(6).toString('hex');
const b64 = (text: string) => Buffer.from(text).toString('base64');
const SECRET_ID = `AKIDcanary${tag}`;
const CANARY = {
  secretKey: `CanarySecretKey${tag}x`,
  definedPsk: b64(`canary-defined-psk-${tag}`),
  mqttPsk: b64(`canary-mqtt-psk-${tag}`),
  onenetKey: b64(`canary-onenet-key-${tag}`),
  onenetApiKey: `canaryOneNetApiKey${tag}`,
  mxchipSecret: `canaryMxchipSecret${tag}`,
  mxchipToken: `canaryMxchipToken${tag}`,
  tcToken: `canaryTcToken${tag}`,
  pastedToken: `canaryPastedToken${tag}`,
};
// Non-secret values typed beside the secrets: VS Code keeps them (webview state, history), so they must be found.
const MARKER_DEVICE = `canarydev${tag}`;
const MARKER_GENERATED = `canarygen${tag}`;
const SIGN_TIMESTAMP = 1_700_000_000;

// The few IndexedDB types the page function below uses (this test's program has no DOM lib).
interface IdbRequest<T> {
  result: T;
  onsuccess: (() => void) | null;
  onerror: ((error: unknown) => void) | null;
}
interface IdbDatabase {
  readonly objectStoreNames: ArrayLike<string>;
  transaction(store: string): { objectStore(store: string): { get(key: string): IdbRequest<unknown> } };
  close(): void;
}
interface IdbFactory {
  databases(): Promise<{ name?: string }[]>;
  open(name: string): IdbRequest<IdbDatabase>;
}

/**
 * Runs in the workbench page: whether VS Code's stored state of the sidebar webview view holds the text. (No named
 * inner functions: tsx would wrap them in a helper the page does not have.)
 */
const WEBVIEW_STATE_HOLDS = async (text: string): Promise<boolean> => {
  const idb = (globalThis as unknown as { indexedDB: IdbFactory }).indexedDB;
  for (const { name } of await idb.databases()) {
    if (!name?.startsWith('vscode-web-state-db')) continue;
    const opening = idb.open(name);
    const db = await new Promise<IdbDatabase>((resolve, reject) => {
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = reject;
    });
    try {
      for (const store of Array.from(db.objectStoreNames)) {
        const reading = db.transaction(store).objectStore(store).get('memento/webviewView.iotDevkit.sidebar');
        const value = await new Promise<unknown>((resolve, reject) => {
          reading.onsuccess = () => resolve(reading.result);
          reading.onerror = reject;
        });
        if (typeof value === 'string' && value.includes(text)) return true;
      }
    } finally {
      db.close();
    }
  }
  return false;
};

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
/** TC3's derived keys (SecretDate, SecretService, SecretSigning), computed here from the documented chain. */
function derivedKeys(secretKey: string, date: string, service: string): Buffer[] {
  const secretDate = hmac(`TC3${secretKey}`, date);
  const secretService = hmac(secretDate, service);
  return [secretDate, secretService, hmac(secretService, 'tc3_request')];
}
const utcDate = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('secret canaries in code-server', { timeout: 300_000 }, () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  let codeServer: RunningCodeServer;
  let context: BrowserContext | undefined;
  let page: Page;
  const profileDir = join(RUN, 'chromium-profile');
  /** Found along the way: the PSK the emulator generated, the password and token the schemes derived. */
  const found = new Map<string, string>();
  const sends: { action: string; status: number }[] = [];

  before(async () => {
    emulator = await startTestEmulator({ credentials: [{ secretId: SECRET_ID, secretKey: CANARY.secretKey }] });
    codeServer = await startCodeServer({ settings: {} });
    mkdirSync(profileDir);
    // A persistent profile in the searched folder (a plain launch would delete its profile on close).
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(codeServer.url).origin });
    await page.goto(codeServer.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await context?.close();
    await codeServer?.close();
    await emulator?.close();
    if (previousTmpdir === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previousTmpdir;
    rmSync(RUN, { recursive: true, force: true });
  });

  const sidebarFrame = (): Promise<Frame> => findFrame(page, '#sign-form');
  const shot = (name: string, fn: () => Promise<void>) => async () => {
    try {
      await fn();
    } catch (error) {
      await screenshot(page, `failed-canary-${name}`).catch(() => undefined);
      throw error;
    }
  };

  it(
    'adds a profile with the canary SecretKey',
    shot('profile', async () => {
      await page.locator('.activitybar [aria-label="IoT Devkit"]').first().click();
      const sidebar = await sidebarFrame();
      await runCommand(page, 'IoT Devkit: Add Profile');
      for (const [i, answer] of ['canary', SECRET_ID, CANARY.secretKey, 'ap-guangzhou', emulator.endpoint].entries())
        await answerInput(page, answer, `Add Profile (${i + 1}/5)`);
      await waitFor(
        'the profile',
        async () =>
          (await sidebar.locator('#profile-key').count()) > 0 && (await sidebar.locator('#profile-key').innerText()) === `${CANARY.secretKey.slice(0, 4)}****`,
      );
    }),
  );

  it(
    'Build & send: CreateDevice with a DefinedPsk, CreateDevice and DescribeDevice returning a DevicePsk',
    shot('send', async () => {
      const sidebar = await sidebarFrame();
      await sidebar.click('#tab-send');
      const send = async (action: string, params: Record<string, string>) => {
        await sidebar.fill('#send-search', action.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
        await sidebar.click(`li[data-action="${action}"]`);
        await sidebar.locator(`#send-fields[data-action="${action}"] #param-DeviceName`).waitFor();
        for (const [name, value] of Object.entries(params)) await sidebar.fill(`#param-${name}`, value);
        const before = await sidebar.locator('#send-history li[data-history]').count();
        await sidebar.click('#send-run');
        await waitFor(`${action} in history`, async () => (await sidebar.locator('#send-history li[data-history]').count()) > before);
        // The history notification can come before the response: wait for the response of this very send.
        const id = await sidebar.locator('#send-history li[data-history]').first().getAttribute('data-history');
        const head = await sidebar.locator(`#send-response[data-history="${id}"] h4`).first().innerText();
        assert.equal(await sidebar.locator('#send-explained').count(), 0, `${action} succeeded: ${await sidebar.locator('#send-response').innerText()}`);
        sends.push({ action, status: Number(/HTTP (\d+)/.exec(head)?.[1]) });
      };
      await send('CreateDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: MARKER_GENERATED });
      const generated = emulator.emulator.state.devices.get(deviceKey(DEMO_PRODUCT_ID, MARKER_GENERATED))?.DevicePsk;
      assert.ok(generated && generated.length >= 16, 'the emulator generated a DevicePsk and returned it');
      found.set('DevicePsk returned by CreateDevice/DescribeDevice', generated);
      await send('DescribeDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: MARKER_GENERATED });
      // The returned PSK is offered once, masked, with an explicit Copy; the page itself never holds it.
      const offered = sidebar.locator('#send-secrets li[data-secret="Response.DevicePsk"]');
      assert.equal(await offered.locator('code').innerText(), `${generated.slice(0, 4)}****`);
      assert.ok(!(await sidebar.content()).includes(generated), 'the webview never holds the returned PSK');
      await offered.locator('button[data-copy-secret]').click();
      await waitFor('the PSK on the clipboard', async () => String(await page.evaluate('navigator.clipboard.readText()')) === generated);
      await waitFor('"Copied"', async () => (await sidebar.locator('#send-secrets .field-message').innerText()) === 'Copied');
      // Last, so the PSK is still typed in the form when the window goes: the worst case for what is kept.
      await send('CreateDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: MARKER_DEVICE, DefinedPsk: CANARY.definedPsk });
      assert.equal(await sidebar.locator('#param-DefinedPsk').getAttribute('type'), 'password');
      assert.equal(
        emulator.emulator.state.devices.get(deviceKey(DEMO_PRODUCT_ID, MARKER_DEVICE))?.DevicePsk,
        CANARY.definedPsk,
        'the emulator created the device with the typed PSK',
      );
      assert.deepEqual(
        sends.map((s) => s.status),
        [200, 200, 200],
      );
      assert.equal(await sidebar.locator('#send-history li[data-history]').count(), 3, 'history lists the three sends');
      derivedKeys(CANARY.secretKey, utcDate(Math.floor(Date.now() / 1000)), 'iotcloud').forEach((key, i) =>
        found.set(`TC3 derived key ${i + 1} of the sends`, key.toString('hex')),
      );
    }),
  );

  it(
    'Sign tab: TC3 with the profile key, and every credential scheme with its secret typed',
    shot('sign', async () => {
      const sidebar = await sidebarFrame();
      await sidebar.click('#tab-sign');
      await sidebar.selectOption('#sign-scheme', 'tc3');
      const request = {
        method: 'POST',
        url: emulator.endpoint,
        headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeDevice', 'X-TC-Version': '2021-04-08', 'X-TC-Region': 'ap-guangzhou' },
        body: JSON.stringify({ ProductId: DEMO_PRODUCT_ID, DeviceName: MARKER_DEVICE }),
        timestamp: SIGN_TIMESTAMP,
        service: 'iotcloud',
      };
      await sidebar.fill('#sign-url', request.url);
      await sidebar.fill(
        '#sign-headers',
        Object.entries(request.headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n'),
      );
      await sidebar.fill('#sign-body', request.body);
      await sidebar.fill('#sign-service', request.service);
      await sidebar.fill('#sign-timestamp', String(request.timestamp));
      const expected = signTc3({ ...request, secretId: SECRET_ID, secretKey: CANARY.secretKey });
      await waitFor(
        'the signature made with the canary key',
        async () => (await sidebar.locator('li[data-step="signature"] pre').innerText()) === expected.signature,
      );
      derivedKeys(CANARY.secretKey, utcDate(SIGN_TIMESTAMP), 'iotcloud').forEach((key, i) =>
        found.set(`TC3 derived key ${i + 1} of the Sign tab`, key.toString('hex')),
      );
      // A temporary credential's token typed as a header: signed with, and left in the form when the window goes.
      await sidebar.fill(
        '#sign-headers',
        `${Object.entries(request.headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n')}\nX-TC-Token: ${CANARY.tcToken}`,
      );
      await waitFor('the token among the headers to send', async () => (await sidebar.locator('#sign-headers-out').innerText()).includes('X-TC-Token'));
      // A captured request pasted to be diagnosed, its token in it, left in the box.
      const captured = `curl -X POST ${emulator.endpoint} -H 'Content-Type: application/json' -H 'X-TC-Action: DescribeDevice' -H 'X-TC-Timestamp: ${SIGN_TIMESTAMP}' -H 'X-TC-Token: ${CANARY.pastedToken}' -H 'Authorization: TC3-HMAC-SHA256 Credential=${SECRET_ID}/${utcDate(SIGN_TIMESTAMP)}/iotcloud/tc3_request, SignedHeaders=content-type;host, Signature=${'0'.repeat(64)}' -d '{}'`;
      await sidebar.click('#panel-sign details:has(#diagnose-text) summary');
      await sidebar.fill('#diagnose-text', captured);
      await sidebar.click('#diagnose-run');
      await sidebar.locator('#diagnose-out .verdict').waitFor();

      const scheme = async (id: string, mode: 'sign' | 'verify', values: Record<string, string>, done: () => Promise<boolean>) => {
        await sidebar.selectOption('#sign-scheme', id);
        if (mode === 'verify') await sidebar.check('#cred-mode-verify');
        await sidebar.locator(`#cred-form[data-scheme="${id}"][data-mode="${mode}"]`).waitFor();
        for (const [name, value] of Object.entries(values)) await sidebar.fill(`#cred-${name}`, value);
        await waitFor(`${id} ${mode} run`, async () => (await sidebar.locator('#cred-error').innerText()) === '' && (await done()));
      };
      const output = async (name: string) =>
        (await sidebar.locator(`#cred-outputs li[data-output="${name}"] pre`).count())
          ? sidebar.locator(`#cred-outputs li[data-output="${name}"] pre`).innerText()
          : '';
      const expiry = Math.floor(Date.now() / 1000) + 3600;
      await scheme(
        'mqtt-device',
        'sign',
        { productId: DEMO_PRODUCT_ID, deviceName: MARKER_DEVICE, devicePsk: CANARY.mqttPsk, expiry: String(expiry) },
        async () => (await output('username')).endsWith(`;${expiry}`),
      );
      const username = await output('username');
      const password = `${createHmac('sha256', Buffer.from(CANARY.mqttPsk, 'base64')).update(username).digest('hex')};hmacsha256`;
      assert.equal(await output('password'), password, 'the password is the one the canary PSK makes');
      found.set('MQTT password derived from the PSK', password.split(';')[0]!);
      await scheme('onenet-token', 'sign', { res: 'products/123456/devices/canary', et: String(expiry), key: CANARY.onenetKey }, async () =>
        (await output('token')).includes('sign='),
      );
      found.set('OneNET token signed with the key', decodeURIComponent(/sign=([^&]+)/.exec(await output('token'))![1]!));
      await scheme('onenet-api-key', 'sign', { apiKey: CANARY.onenetApiKey }, async () => (await sidebar.locator('#cred-steps li').count()) > 0);
      await scheme('mxchip-token', 'sign', { clientId: 'canary-client', clientSecret: CANARY.mxchipSecret }, async () =>
        (await output('request')).startsWith('POST '),
      );
      await scheme('mxchip-token', 'verify', { authorization: `Bearer ${CANARY.mxchipToken}` }, async () =>
        /\b(ok|bad)\b/.test((await sidebar.locator('#cred-verdict').getAttribute('class')) ?? ''),
      );
      await sidebar.selectOption('#sign-scheme', 'tc3');
    }),
  );

  it(
    'after a reload and the browser closed, no file the host wrote holds a canary',
    shot('search', async () => {
      // VS Code web writes its storage to IndexedDB every few seconds, not at each change: wait until the sidebar's
      // webview state holding the last typed form is written, so what is searched is what the page kept.
      await waitFor('the webview state written to IndexedDB', () => page.evaluate(WEBVIEW_STATE_HOLDS, MARKER_DEVICE), 30_000);
      await page.reload();
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      const sidebar = await findFrame(page, '#profile-key');
      assert.equal(
        await sidebar.locator('#profile-key').innerText(),
        `${CANARY.secretKey.slice(0, 4)}****`,
        'SecretStorage gave the key back after the reload',
      );
      const store = String(await page.evaluate("localStorage.getItem('secrets.provider') ?? ''"));
      assert.ok(store.length > 40, "code-server's encrypted secret store is not empty");
      assert.ok(!store.includes(CANARY.secretKey) && !Buffer.from(store, 'base64').includes(CANARY.secretKey), 'and does not hold the key in clear');
      await page.close({ runBeforeUnload: true });
      await context!.close();
      context = undefined;

      const needles = new Map<string, string>([
        ['profile SecretKey', CANARY.secretKey],
        ['DefinedPsk typed in CreateDevice', CANARY.definedPsk],
        ['device MQTT PSK typed in the Sign tab', CANARY.mqttPsk],
        ['OneNET key', CANARY.onenetKey],
        ['OneNET api-key', CANARY.onenetApiKey],
        ['MXCHIP client_secret', CANARY.mxchipSecret],
        ['MXCHIP access token', CANARY.mxchipToken],
        ['X-TC-Token typed in the Sign headers', CANARY.tcToken],
        ['X-TC-Token in a request pasted into Diagnose', CANARY.pastedToken],
        ...found,
      ]);
      const markers = new Map([['non-secret DeviceName typed beside them', MARKER_DEVICE]]);
      const figures = searchHostFiles([RUN], new Map([...needles, ...markers]));
      console.log(
        `canary search: ${figures.files} files, ${(figures.bytes / 1024 / 1024).toFixed(1)} MB under the run's folder (code-server user-data, extensions, workspace, temp; Chromium profile)`,
      );
      for (const [label, files] of figures.hits)
        console.log(`  ${String(files.length).padStart(3)} files  ${label}${files.length ? `: ${files.join(', ')}` : ''}`);

      const markerFiles = figures.hits.get('non-secret DeviceName typed beside them')!;
      assert.ok(
        markerFiles.some((f) => f.includes('/IndexedDB/')),
        'the search reads the IndexedDB where code-server keeps webview state and globalState',
      );
      const leaks = [...needles.keys()].filter((label) => figures.hits.get(label)!.length > 0);
      assert.deepEqual(leaks, [], 'no canary in any file the host wrote');
    }),
  );
});
