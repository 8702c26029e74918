// Issue 12's canary test for the browser extension: a full flow in real Chromium with made-up canary secrets —
// the profile's SecretKey and its derived signing key, the vault passphrase, a PSK chosen for CreateDevice and the
// PSKs the emulator returns, a OneNET api-key, an MXCHIP client_secret and access_token — then every file the
// browser wrote (its user-data dir, LevelDB/IndexedDB of extension storage included, and its own TMPDIR) is
// searched for each canary, plain, UTF-16, base64 and hex: 0 hits. The flow also proves each canary was really
// used (HTTP 200 from the emulator and the stand-in servers, history entries, a non-empty encrypted key store).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_PRODUCT_ID, deriveSigningKey, nobleHashProvider, toHex, utcDateOf } from '@iot-devkit/core';
import type { Page } from 'playwright-core';
import { coreClient, startTestEmulator } from '../emulator/harness.js';
import { launchExtension, type LoadedExtension } from './support/launchExtension.js';
import { addProfile, collectErrors, waitReady } from './support/popupActions.js';

type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;
interface ChromeGlobal {
  chrome: { storage: { local: { get(keys: null | string): Promise<Record<string, unknown>> } } };
}
interface StoredEntry {
  action: string;
  request: { kind: string };
  response?: { status: number; body: string; error?: { code: string } };
  redacted?: string[];
  responseRedacted?: string[];
}

// Random letters and digits: no canary shares a 4-character run with another or with the page's own text, so
// LevelDB's Snappy compression cannot split one into back-references and hide it from a plain search.
const random = (length: number) => {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('');
};
const SECRET_ID = `AKID${random(32)}`;
const canaries = {
  secretKey: random(32),
  passphrase: random(24),
  /** DefinedPsk must be base64; a 24-byte value has no padding. */
  definedPsk: randomBytes(24).toString('base64'),
  oneNetApiKey: random(28),
  mxchipClientSecret: random(28),
  mxchipAccessToken: random(28),
} as Record<string, string>;

/** Every way a canary could sit in a file: as text (UTF-8, UTF-16LE, URL-encoded), base64 at each alignment, hex. */
function encodings(value: string): { form: string; bytes: Buffer }[] {
  const raw = Buffer.from(value, 'utf8');
  const forms: { form: string; bytes: Buffer }[] = [
    { form: 'plain', bytes: raw },
    { form: 'utf16le', bytes: Buffer.from(value, 'utf16le') },
    { form: 'hex', bytes: Buffer.from(raw.toString('hex')) },
    { form: 'HEX', bytes: Buffer.from(raw.toString('hex').toUpperCase()) },
  ];
  if (encodeURIComponent(value) !== value) forms.push({ form: 'url', bytes: Buffer.from(encodeURIComponent(value)) });
  for (let offset = 0; offset < 3; offset++) {
    // Inside a longer base64 text the canary's bytes start `offset` bytes into a 3-byte group: drop the groups the
    // neighbours share and keep the rest, in both alphabets.
    const encoded = Buffer.concat([Buffer.alloc(offset), raw]).toString('base64');
    const core = encoded.slice(offset === 0 ? 0 : 4, -4);
    forms.push({ form: `base64+${offset}`, bytes: Buffer.from(core) });
    forms.push({ form: `base64url+${offset}`, bytes: Buffer.from(core.replace(/\+/g, '-').replace(/\//g, '_')) });
  }
  return forms;
}

function listFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(path, out);
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

interface SearchReport {
  files: number;
  bytes: number;
  hits: Record<string, string[]>;
}

function searchFiles(dirs: readonly string[], needles: Record<string, string>): SearchReport {
  const report: SearchReport = { files: 0, bytes: 0, hits: Object.fromEntries(Object.keys(needles).map((name) => [name, []])) };
  const forms = Object.entries(needles).map(([name, value]) => ({ name, forms: encodings(value) }));
  for (const dir of dirs) {
    for (const file of listFiles(dir)) {
      let content: Buffer;
      try {
        content = readFileSync(file);
      } catch {
        continue; // a lock file gone since the listing
      }
      report.files += 1;
      report.bytes += content.length;
      for (const { name, forms: list } of forms)
        for (const { form, bytes } of list) if (content.includes(bytes)) report.hits[name]!.push(`${file.slice(dir.length + 1)} (${form})`);
    }
  }
  return report;
}

/** A stand-in for OneNET's PUT /keys/{key} (seed 002) and MXCHIP's token + one API call (seed 003) on 127.0.0.1. */
function startVendorServer(): Promise<{ base: string; seen: string[]; close(): void }> {
  const seen: string[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    res.setHeader('Content-Type', 'application/json');
    if (req.method === 'PUT' && req.url === `/keys/${canaries['oneNetApiKey']}` && req.headers['api-key'] === canaries['oneNetApiKey']) {
      seen.push('onenet api-key');
      return res.end(JSON.stringify({ errno: 0, error: 'succ' }));
    }
    if (req.url === '/v3/open_api/token/') {
      const form = new URLSearchParams(body);
      if (form.get('client_secret') !== canaries['mxchipClientSecret'])
        return res.writeHead(401).end(JSON.stringify({ meta: { code: 10000, message: 'bad client' } }));
      seen.push('mxchip client_secret');
      return res.end(
        JSON.stringify({ meta: { code: 0, message: 'ok' }, data: { access_token: canaries['mxchipAccessToken'], token_type: 'Bearer', expires_in: 604800 } }),
      );
    }
    if (req.url === '/v3/open_api/product/ids/' && req.headers.authorization === `Bearer ${canaries['mxchipAccessToken']}`) {
      seen.push('mxchip bearer');
      return res.end(JSON.stringify({ meta: { code: 0, message: 'ok' }, data: { product_ids: ['p1'] } }));
    }
    res.writeHead(401).end(JSON.stringify({ meta: { code: 10101, message: 'token wrong' } }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        seen,
        close: () => {
          server.close();
          server.closeAllConnections();
        },
      }),
    ),
  );
}

describe('secret canaries: a full flow in real Chromium leaves no secret in any file the browser wrote', () => {
  let emulator: Emulator;
  let vendor: Awaited<ReturnType<typeof startVendorServer>>;
  let ext: LoadedExtension | undefined;
  let popup: Page;
  let errors: string[];
  const userDataDir = mkdtempSync(join(tmpdir(), 'iot-devkit-canary-profile-'));
  const chromiumTmp = mkdtempSync(join(tmpdir(), 'iot-devkit-canary-tmp-'));
  const storedHistory = async () =>
    (await ext!.worker.evaluate(async () => (await (globalThis as unknown as ChromeGlobal).chrome.storage.local.get('history'))['history'])) as StoredEntry[];

  const send = async (expectStatus = 'HTTP 200') => {
    await popup.click('#send');
    await popup.waitForSelector(`#response-meta:has-text("${expectStatus}")`);
    assert.equal(await popup.isHidden('#response-error'), true, (await popup.textContent('#response-error')) ?? '');
  };
  const sendAction = async (action: string, params: Record<string, unknown>) => {
    await popup.click('#tab-request');
    await popup.check('#mode-action');
    await popup.fill('#action', action);
    await popup.fill('#params', JSON.stringify(params));
    await send();
  };
  const sendPasted = async (curl: string) => {
    await popup.click('#tab-request');
    await popup.check('#mode-paste');
    await popup.fill('#pasted', curl);
    await send();
  };

  before(async () => {
    emulator = await startTestEmulator({ credentials: [{ secretId: SECRET_ID, secretKey: canaries['secretKey']! }] });
    vendor = await startVendorServer();
    // The demo devices' PSKs, as the emulator returns them, are canaries too (read by an independent client).
    const client = coreClient(emulator.endpoint, {
      scheme: 'TC3-HMAC-SHA256',
      method: 'POST',
      credentials: { secretId: SECRET_ID, secretKey: canaries['secretKey']! },
    });
    const listed = await client('DescribeDevices', { ProductId: DEMO_PRODUCT_ID, Offset: 0, Limit: 10 });
    assert.ok(listed.ok, JSON.stringify(listed));
    const devices = (listed.response as { Devices: { DeviceName: string; DevicePsk: string }[] }).Devices;
    for (const device of devices.filter((d) => d.DevicePsk !== '')) canaries[`emulatorPsk:${device.DeviceName}`] = device.DevicePsk;
    assert.ok(
      Object.keys(canaries).some((name) => name.startsWith('emulatorPsk:')),
      'the demo state has PSK devices',
    );
    // The derived key that signs every request of today: as secret as the key for the rest of the UTC day.
    const date = utcDateOf(Math.floor(Date.now() / 1000));
    canaries['secretSigning(today)'] = toHex(deriveSigningKey(canaries['secretKey']!, date, 'iotcloud', nobleHashProvider).secretSigning);
  });
  after(async () => {
    await ext?.close();
    await emulator?.close();
    vendor?.close();
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(chromiumTmp, { recursive: true, force: true });
  });

  test('profile with a remembered canary SecretKey; CreateDevice with a canary PSK; Describe*; OneNET and MXCHIP calls', async () => {
    ext = await launchExtension({ userDataDir, tmpDir: chromiumTmp });
    popup = await ext.open('popup.html');
    errors = collectErrors(popup);
    await waitReady(popup);
    await addProfile(popup, {
      name: 'canary',
      secretId: SECRET_ID,
      secretKey: canaries['secretKey']!,
      endpoint: emulator.endpoint,
      passphrase: canaries['passphrase']!,
    });

    await sendAction('CreateDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'canary-device', DefinedPsk: canaries['definedPsk'] });
    // The new device's PSK is offered once, masked, with Copy; the response body shown is the redacted one.
    await popup.waitForSelector('#response-secrets:not([hidden]) li[data-secret="Response.DevicePsk"]');
    assert.equal(await popup.textContent('#response-secret-list li[data-secret="Response.DevicePsk"] code'), `${canaries['definedPsk']!.slice(0, 4)}****`);
    await popup.click('#response-secret-list li[data-secret="Response.DevicePsk"] button[data-copy-secret]');
    await popup.waitForSelector('#status:has-text("DevicePsk")');
    assert.equal((await popup.textContent('#response-body'))?.includes(canaries['definedPsk']!), false);

    await sendAction('DescribeDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'canary-device' });
    await sendAction('DescribeDevices', { ProductId: DEMO_PRODUCT_ID, Offset: 0, Limit: 10 });
    assert.ok((await popup.locator('#response-secret-list li').count()) >= 2, 'every listed PSK offered once');

    const oneNet = `curl -X PUT '${vendor.base}/keys/${canaries['oneNetApiKey']}' -H 'api-key: ${canaries['oneNetApiKey']}'`;
    await sendPasted(oneNet);
    await sendPasted(
      `curl -X POST '${vendor.base}/v3/open_api/token/' -H 'Content-Type: application/x-www-form-urlencoded' -d 'grant_type=client_credentials&client_id=canary-client&client_secret=${canaries['mxchipClientSecret']}'`,
    );
    await popup.waitForSelector('#response-secret-list li[data-secret="data.access_token"]');
    await sendPasted(`curl '${vendor.base}/v3/open_api/product/ids/' -H 'Authorization: Bearer ${canaries['mxchipAccessToken']}'`);
    assert.deepEqual(vendor.seen, ['onenet api-key', 'mxchip client_secret', 'mxchip bearer'], 'each vendor canary reached its server');

    // The Credentials tab with the same secrets: what it can hold of them is drafted in session memory only.
    await popup.click('#tab-credentials');
    await popup.selectOption('#cred-scheme', 'mqtt-device');
    await popup.check('#cred-mode-sign');
    await popup.fill('#cred-mqtt-device-productId', DEMO_PRODUCT_ID);
    await popup.fill('#cred-mqtt-device-deviceName', 'canary-device');
    await popup.fill('#cred-mqtt-device-devicePsk', canaries['definedPsk']!);
    await popup.click('#cred-run');
    await popup.waitForSelector('#cred-outputs li[data-output="password"]');
    await popup.selectOption('#cred-scheme', 'onenet-api-key');
    await popup.fill('#cred-onenet-api-key-apiKey', canaries['oneNetApiKey']!);
    await popup.click('#cred-run');
    await popup.waitForSelector('#cred-step-list li');
    await popup.selectOption('#cred-scheme', 'mxchip-token');
    await popup.check('#cred-mode-sign');
    await popup.fill('#cred-mxchip-token-clientId', 'canary-client');
    await popup.fill('#cred-mxchip-token-clientSecret', canaries['mxchipClientSecret']!);
    await popup.click('#cred-run');
    await popup.waitForSelector('#cred-outputs li[data-output="request"]');

    // The derived keys arrived masked and marked so; the signature stays visible.
    await sendAction('DescribeDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'canary-device' });
    assert.equal(await popup.locator('#step-list li[data-masked]').count(), 3);
    assert.equal(await popup.textContent('#step-list li[data-step="secretSigning"] pre'), `${canaries['secretSigning(today)']!.slice(0, 4)}****`);

    // The canaries were really used: the emulator verified the canary key's signatures and stored the canary PSK.
    const client = coreClient(emulator.endpoint, {
      scheme: 'TC3-HMAC-SHA256',
      method: 'POST',
      credentials: { secretId: SECRET_ID, secretKey: canaries['secretKey']! },
    });
    const created = await client('DescribeDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'canary-device' });
    assert.equal(created.ok && created.response['DevicePsk'], canaries['definedPsk']);

    const history = await storedHistory();
    const redactedSegment = encodeURIComponent('[redacted]');
    assert.deepEqual(history.map((e) => e.action).reverse(), [
      'CreateDevice',
      'DescribeDevice',
      'DescribeDevices',
      `PUT ${vendor.base}/keys/${redactedSegment}`,
      `POST ${vendor.base}/v3/open_api/token/`,
      `GET ${vendor.base}/v3/open_api/product/ids/`,
      'DescribeDevice',
    ]);
    assert.ok(
      history.every((e) => e.response?.status === 200 && !e.response.error),
      JSON.stringify(history.map((e) => [e.action, e.response?.status, e.response?.error])),
    );
    const create = history.find((e) => e.action === 'CreateDevice')!;
    assert.deepEqual(create.redacted, ['DefinedPsk']);
    assert.deepEqual(create.responseRedacted, ['DevicePsk']);
    assert.deepEqual(history.find((e) => e.action.startsWith('PUT'))!.redacted, ['key', 'api-key']);
    await popup.click('#tab-history');
    await popup.waitForSelector('#history-list li .redacted:has-text("DevicePsk")');

    const local = (await ext.worker.evaluate(async () => (globalThis as unknown as ChromeGlobal).chrome.storage.local.get(null))) as {
      profiles: { sealedKey?: { ciphertext: string } }[];
    };
    assert.ok((local.profiles[0]?.sealedKey?.ciphertext.length ?? 0) > 0, 'the encrypted key store holds the sealed SecretKey');
    assert.deepEqual(errors, []);
    await ext.close();
    ext = undefined;
  });

  test('after a real restart the passphrase canary unlocks the sealed key, and the canary key signs again', async () => {
    await ext?.close();
    ext = await launchExtension({ userDataDir, tmpDir: chromiumTmp });
    popup = await ext.open('popup.html');
    await waitReady(popup);
    await popup.click('#tab-profiles');
    const row = popup.locator('#profile-list li', { hasText: 'canary' });
    await row.getByRole('button', { name: 'Unlock' }).click();
    await row.locator('input[type="password"]').fill(canaries['passphrase']!);
    await row.getByRole('button', { name: 'Unlock' }).click();
    await popup.waitForSelector(`#profile-list li:has-text("${canaries['secretKey']!.slice(0, 4)}****")`);
    await sendAction('DescribeDevice', { ProductId: DEMO_PRODUCT_ID, DeviceName: 'canary-device' });
    await ext.close();
    ext = undefined;
  });

  test('every file Chromium wrote: 0 hits for every canary, plain, UTF-16, base64 or hex', () => {
    const report = searchFiles([userDataDir, chromiumTmp], canaries);
    const lines = Object.entries(report.hits).map(([name, hits]) => `  ${name}: ${hits.length} hits${hits.length ? ` — ${hits.slice(0, 5).join(', ')}` : ''}`);
    console.log(
      `secret canaries: ${report.files} files, ${report.bytes} bytes searched under the Chromium profile and its TMPDIR (${Object.keys(canaries).length} canaries × ${encodings('x').length}+ encodings)\n${lines.join('\n')}`,
    );
    assert.ok(report.files > 20 && report.bytes > 100_000, 'the profile was really written (extension storage among it)');
    assert.ok(
      listFiles(userDataDir).some((f) => /Local Extension Settings/.test(f)),
      'storage.local lives in the searched LevelDB',
    );
    assert.deepEqual(Object.fromEntries(Object.entries(report.hits).filter(([, hits]) => hits.length > 0)), {});
  });
});
