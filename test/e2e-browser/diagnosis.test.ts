import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildHttpRequest, DEMO_CREDENTIAL, DEMO_PRODUCT_ID, toCurl } from '@iot-devkit/core';
import type { Page } from 'playwright-core';
import { startTestEmulator } from '../emulator/harness.js';
import { launchExtension, type LoadedExtension } from './support/launchExtension.js';
import { addProfile, collectErrors, waitReady } from './support/popupActions.js';

// Issue 13, in the popup of a real Chromium against the local emulator: paste mode says what was wrong with the pasted
// signature before re-signing it, and a refused signature offers Why?, which diagnoses the request just sent.

type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;
interface ChromeGlobal {
  chrome: { storage: { local: { get(keys: null): Promise<unknown> } } };
}

/** A made-up SecretKey for the emulator's SecretId: the popup signs correctly with it, the emulator holds another. */
const WRONG_KEY = 'notTheEmulatorKey000000000000000';

/** The parts of a rendered diagnosis, in document order, by class (or tag for the collapsed ones). */
const partsOf = (page: Page, selector: string) =>
  page.$$eval(`${selector} > *`, (children) => children.map((c) => (c.tagName === 'DETAILS' ? `details.${c.className}` : c.className.split(' ')[0]!)));

describe('popup diagnosis in real Chromium: paste verified first, Why? on a refused signature', () => {
  let emulator: Emulator;
  let ext: LoadedExtension;
  let popup: Page;
  let errors: string[];
  const signedCurl = (edit: (body: string) => string) => {
    const signed = buildHttpRequest(
      {
        service: 'iotcloud',
        version: '2021-04-08',
        action: 'DescribeDevice',
        region: 'ap-guangzhou',
        params: { ProductId: DEMO_PRODUCT_ID, DeviceName: 'thermostat-1' },
        endpoint: emulator.endpoint,
      },
      { credentials: DEMO_CREDENTIAL, timestamp: Math.floor(Date.now() / 1000) },
    );
    return toCurl({ ...signed, body: edit(signed.body) });
  };

  before(async () => {
    emulator = await startTestEmulator();
    ext = await launchExtension();
    popup = await ext.open('popup.html');
    // The size of the real popup, so the screenshots show what a developer sees.
    await popup.setViewportSize({ width: 480, height: 900 });
    errors = collectErrors(popup);
    await waitReady(popup);
    await addProfile(popup, { name: 'emulator', secretId: DEMO_CREDENTIAL.secretId, secretKey: DEMO_CREDENTIAL.secretKey, endpoint: emulator.endpoint });
    await addProfile(popup, { name: 'wrong key', secretId: DEMO_CREDENTIAL.secretId, secretKey: WRONG_KEY, endpoint: emulator.endpoint });
    await popup.click('#tab-request');
  });
  after(async () => {
    await ext?.close();
    await emulator?.close();
  });

  test('a pasted request whose body was re-serialized after signing: the cause first, then re-signed and sent', async () => {
    await popup.selectOption('#profile', { label: 'emulator' });
    await popup.check('#mode-paste');
    await popup.fill(
      '#pasted',
      signedCurl((body) => JSON.stringify(JSON.parse(body), null, 2)),
    );
    await popup.click('#verify-pasted');
    await popup.waitForSelector('#paste-diagnosis[data-kind="cause-found"]');
    assert.match((await popup.textContent('#paste-diagnosis .verdict')) ?? '', /Cause found: .*body/i);
    assert.match((await popup.textContent('#paste-diagnosis .fix')) ?? '', /^Fix: .{10,}/);
    // Issue 13: the conclusion and its Fix come first; the ruled-out list is last of the answer, collapsed.
    const parts = await partsOf(popup, '#paste-diagnosis');
    assert.deepEqual(parts.slice(0, 2), ['verdict', 'fix']);
    assert.ok(parts.indexOf('difference') < parts.indexOf('details.ruled-out'), parts.join(' '));
    assert.equal(await popup.$eval('#paste-diagnosis details.ruled-out', (d) => d.hasAttribute('open')), false);
    assert.match((await popup.textContent('#paste-diagnosis .difference .expected-label')) ?? '', /^Expected — the body sent/);
    assert.match((await popup.textContent('#paste-diagnosis .difference .got-label')) ?? '', /^Got — the body the client signed/);

    // Send still re-signs it: the emulator accepts it, and the status says what the pasted signature was.
    await popup.click('#send');
    await popup.waitForSelector('#response-meta:has-text("HTTP 200")');
    assert.match(
      (await popup.textContent('#status')) ?? '',
      /^Sent\. Re-signed with the profile's key and a fresh timestamp \(the pasted signature: ✖ Cause found: /,
    );
    assert.equal(await popup.isHidden('#response-why'), true, 'no Why? for a success');
    await popup.screenshot({ path: join(tmpdir(), 'iot-devkit-paste-verified.png'), fullPage: true });
  });

  test('a pasted request edited after signing: not reproduced, what remains ranked with how to tell', async () => {
    await popup.fill(
      '#pasted',
      signedCurl((body) => body.replace('thermostat-1', 'thermostat-2')),
    );
    await popup.click('#verify-pasted');
    await popup.waitForSelector('#paste-diagnosis[data-kind="not-reproduced"]');
    assert.match((await popup.textContent('#paste-diagnosis .verdict')) ?? '', /Not reproduced/);
    assert.ok(((await popup.textContent('#paste-diagnosis .fix')) ?? '').length > 10, 'the Fix is never empty');
    const candidates = await popup.$$eval('#paste-diagnosis .candidates li', (items) => items.map((li) => li.getAttribute('data-candidate')));
    assert.ok(candidates.includes('request-changed-after-signing') && candidates.includes('wrong-secret-key'), candidates.join(' '));
    assert.match((await popup.textContent('#paste-diagnosis .candidates')) ?? '', /How to tell: /);
    const parts = await partsOf(popup, '#paste-diagnosis');
    assert.deepEqual(parts.slice(0, 3), ['verdict', 'fix', 'candidates']);
    await popup.screenshot({ path: join(tmpdir(), 'iot-devkit-paste-not-reproduced.png'), fullPage: true });
  });

  test('a correctly signed paste: the verdict says so', async () => {
    await popup.fill(
      '#pasted',
      signedCurl((body) => body),
    );
    await popup.click('#show-signature');
    await popup.waitForSelector('#paste-diagnosis[data-kind="signature-correct"]');
    assert.match((await popup.textContent('#paste-diagnosis .verdict')) ?? '', /Signature correct/);
    await popup.check('#mode-action');
  });

  test('AuthFailure.SignatureFailure offers Why?, reached by keyboard, which diagnoses the request just sent', async () => {
    await popup.selectOption('#profile', { label: 'wrong key' });
    await popup.fill('#action', 'DescribeDevice');
    await popup.fill('#params', `{"ProductId": "${DEMO_PRODUCT_ID}", "DeviceName": "thermostat-1"}`);
    await popup.click('#send');
    await popup.waitForSelector('#response-error:not([hidden]) strong:text-is("AuthFailure.SignatureFailure")');
    const explained = (await popup.textContent('#response-error')) ?? '';
    assert.match(explained, /Click Why\? below the error/, 'the hint points at the popup');
    assert.doesNotMatch(explained, /iot-devkit diagnose/);
    await popup.waitForSelector('#why:visible');
    await popup.focus('#why');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('#why-diagnosis[data-kind="signature-correct"]');
    const verdict = (await popup.textContent('#why-diagnosis .verdict')) ?? '';
    // The popup signed it right with the profile's key, yet the server refused it: the server holds another key.
    assert.match(verdict, /Signature correct/);
    assert.match(verdict, /AuthFailure\.SignatureFailure/);
    assert.match((await popup.textContent('#why-diagnosis .fix')) ?? '', /SecretKey/);
    assert.ok(!verdict.includes(WRONG_KEY), 'the key is masked');
    await popup.screenshot({ path: join(tmpdir(), 'iot-devkit-why.png'), fullPage: true });
    // Nothing of the key reached disk (storage.local) on the way.
    const stored = await ext.worker.evaluate(async () => JSON.stringify(await (globalThis as unknown as ChromeGlobal).chrome.storage.local.get(null)));
    assert.ok(!stored.includes(WRONG_KEY), 'no SecretKey in storage.local');
  });

  test('no page errors', () => {
    assert.deepEqual(errors, []);
  });
});
