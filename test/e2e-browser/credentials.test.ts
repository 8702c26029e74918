import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_CREDENTIAL, DEMO_PRODUCT_ID } from '@iot-devkit/core';
import { startTestEmulator } from '../emulator/harness.js';
import { launchExtension, type LoadedExtension } from './support/launchExtension.js';
import { addProfile, waitReady } from './support/popupActions.js';

type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;
interface ChromeStorage {
  chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
}
const PASSPHRASE = 'correct horse battery staple';

describe('a remembered SecretKey: encrypted at rest, locked after a browser restart, unlocked by passphrase', () => {
  let emulator: Emulator;
  let ext: LoadedExtension | undefined;
  const userDataDir = mkdtempSync(join(tmpdir(), 'iot-devkit-chromium-restart-'));

  before(async () => {
    emulator = await startTestEmulator();
  });
  after(async () => {
    await ext?.close();
    await emulator?.close();
    rmSync(userDataDir, { recursive: true, force: true });
  });

  test('"remember" stores only AES-GCM ciphertext under a PBKDF2 key', async () => {
    ext = await launchExtension({ userDataDir });
    const popup = await ext.open('popup.html');
    await waitReady(popup);
    await addProfile(popup, {
      name: 'remembered',
      secretId: DEMO_CREDENTIAL.secretId,
      secretKey: DEMO_CREDENTIAL.secretKey,
      endpoint: emulator.endpoint,
      passphrase: PASSPHRASE,
    });
    const local = await ext.worker.evaluate(async () => JSON.stringify(await (globalThis as unknown as ChromeStorage).chrome.storage.local.get(null)));
    assert.ok(!local.includes(DEMO_CREDENTIAL.secretKey), 'no plain SecretKey on disk');
    assert.ok(!local.includes(PASSPHRASE), 'no passphrase on disk');
    const [profile] = (JSON.parse(local) as { profiles: { sealedKey: { format: string; iterations: number; ciphertext: string } }[] }).profiles;
    assert.equal(profile!.sealedKey.format, 'aes-256-gcm/pbkdf2-sha256');
    assert.ok(profile!.sealedKey.iterations >= 310_000);
    assert.match((await popup.textContent('#profile-list li')) ?? '', /DEMO\*\*\*\* · remembered/);
    await ext.close();
    ext = undefined;
  });

  test('after a restart the key is locked; a wrong passphrase is refused; the right one unlocks and sending works', async () => {
    ext = await launchExtension({ userDataDir });
    const popup = await ext.open('popup.html');
    await waitReady(popup);
    await popup.click('#tab-profiles');
    assert.match((await popup.textContent('#profile-list li')) ?? '', /locked/);
    const row = popup.locator('#profile-list li', { hasText: 'remembered' });
    await row.getByRole('button', { name: 'Unlock' }).click();
    await row.locator('input[type="password"]').fill('wrong passphrase!');
    await row.getByRole('button', { name: 'Unlock' }).click();
    await popup.waitForSelector('#profile-status:has-text("passphrase")');
    assert.match((await popup.textContent('#profile-status')) ?? '', /passphrase: it does not open the remembered SecretKey/);

    await row.locator('input[type="password"]').fill(PASSPHRASE);
    await row.getByRole('button', { name: 'Unlock' }).click();
    await popup.waitForSelector('#profile-list li:has-text("DEMO****")');

    await popup.click('#tab-request');
    await popup.fill('#action', 'DescribeDevice');
    await popup.fill('#params', `{"ProductId": "${DEMO_PRODUCT_ID}", "DeviceName": "thermostat-1"}`);
    await popup.click('#send');
    await popup.waitForSelector('#response-body:has-text("thermostat-1")');
    assert.equal(await popup.isHidden('#response-error'), true);
  });
});
