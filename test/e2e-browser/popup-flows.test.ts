import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { buildHttpRequest, DEMO_CREDENTIAL, DEMO_PRODUCT_ID, REDACTED, toCurl, type HttpRequest } from '@iot-devkit/core';
import type { Page } from 'playwright-core';
import { startTestEmulator } from '../emulator/harness.js';
import { launchExtension, type LoadedExtension } from './support/launchExtension.js';
import { addProfile, collectErrors, waitForCount, waitReady } from './support/popupActions.js';

// The popup flows issue 12 (item 6) saw a new user hit, each driven as that user would in real Chromium:
// (a) the first profile selected after reopening, (b) edit-and-replay signing with the profile shown,
// (c) a paste the catalog does not understand never sent, (d) Clear asking first and undoable.

type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;

/** The extension API inside the service worker, where worker.evaluate runs. */
interface ChromeGlobal {
  chrome: { storage: { local: { get(keys: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } } };
}
interface StoredEntry {
  id: string;
  action: string;
  profileName: string;
  replayOf?: string;
  wire: { headers: Record<string, string>; body: string };
  response?: { status: number; error?: { code: string } };
}

const PARAMS = { ProductId: DEMO_PRODUCT_ID, DeviceName: 'thermostat-1' };

/** An HTTP server that only counts what reaches it: a refused paste aimed at it must leave it at zero. */
async function startCounter(): Promise<{ endpoint: string; received: string[]; close(): Promise<void> }> {
  const received: string[] = [];
  const server: Server = createServer((request, response) => {
    received.push(`${request.method} ${request.url} authorization=${request.headers.authorization ?? ''}`);
    response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"Response":{"RequestId":"counter"}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('popup flows a new user hits (issue 12, item 6), in real Chromium against the local emulator', () => {
  let emulator: Emulator;
  let counter: Awaited<ReturnType<typeof startCounter>>;
  let ext: LoadedExtension;
  let popup: Page;
  const errorLists: string[][] = [];
  const storedHistory = async () =>
    ((await ext.worker.evaluate(async () => (await (globalThis as unknown as ChromeGlobal).chrome.storage.local.get('history'))['history'])) ??
      []) as StoredEntry[];
  const reopen = async () => {
    await popup.close();
    popup = await ext.open('popup.html');
    errorLists.push(collectErrors(popup));
    await waitReady(popup);
  };
  // '' when no option is selected: the blank dropdown issue 12 saw.
  const selectedProfile = () => popup.$$eval('#profile option:checked', (options) => options.map((o) => o.textContent).join(''));
  const focusedId = () => popup.getAttribute(':focus', 'id');
  const status = async () => (await popup.textContent('#status')) ?? '';

  before(async () => {
    emulator = await startTestEmulator();
    counter = await startCounter();
    ext = await launchExtension();
    popup = await ext.open('popup.html');
    errorLists.push(collectErrors(popup));
    await waitReady(popup);
  });
  after(async () => {
    await ext?.close();
    await counter?.close();
    await emulator?.close();
  });

  test('(a) first run: the profile created is selected after the popup is closed and reopened, and Send uses it', async () => {
    assert.equal(await popup.getAttribute('#tab-profiles', 'aria-selected'), 'true', 'a first run opens on Profiles');
    // Typing in the Profiles form saves the draft while there is no profile yet: its profile field is ''.
    await addProfile(popup, { name: 'emulator', secretId: DEMO_CREDENTIAL.secretId, secretKey: DEMO_CREDENTIAL.secretKey, endpoint: emulator.endpoint });
    await reopen();
    await popup.click('#tab-request');
    assert.equal(await selectedProfile(), 'emulator');
    assert.notEqual(await popup.inputValue('#profile'), '');
    await popup.fill('#action', 'DescribeDevice');
    await popup.fill('#params', JSON.stringify(PARAMS));
    await popup.click('#send');
    await popup.waitForSelector('#response-meta:has-text("HTTP 200")');
    assert.equal(await popup.isHidden('#response-error'), true, (await popup.textContent('#response-error')) ?? '');
    assert.equal((await storedHistory())[0]?.profileName, 'emulator');
  });

  test('(a) a draft naming a profile deleted since falls back to the first profile', async () => {
    await ext.worker.evaluate(async () => {
      const area = (globalThis as unknown as ChromeGlobal).chrome.storage.local;
      const draft = (await area.get('draft:popup'))['draft:popup'] as Record<string, unknown>;
      await area.set({ 'draft:popup': { ...draft, profile: 'a-profile-deleted-since' } });
    });
    await reopen();
    assert.equal(await selectedProfile(), 'emulator');
  });

  test('(b) edit-and-replay signs with the profile shown, and its Signature steps are those of the send', async () => {
    await addProfile(popup, {
      name: 'wrong key',
      secretId: DEMO_CREDENTIAL.secretId,
      secretKey: 'madeUpWrongSecretKey000000000000',
      endpoint: emulator.endpoint,
    });
    await popup.click('#tab-request');
    await popup.selectOption('#profile', { label: 'wrong key' });
    await popup.fill('#action', 'DescribeDevice');
    await popup.fill('#params', JSON.stringify(PARAMS));
    await popup.click('#send');
    await popup.waitForSelector('#response-error:not([hidden]) strong:text-is("AuthFailure.SignatureFailure")');
    await popup.selectOption('#profile', { label: 'emulator' });

    await popup.click('#tab-history');
    await popup.waitForSelector('#history-list li:first-child .profile:has-text("wrong key")');
    await popup.click('#history-list li:first-child [data-command="edit"]');
    assert.equal(await selectedProfile(), 'wrong key', "Edit shows the entry's profile");
    await popup.selectOption('#profile', { label: 'emulator' });

    await popup.click('#show-signature');
    await popup.waitForSelector('#status:has-text("Signed with timestamp")');
    const timestamp = Number(/(\d{10})/.exec(await status())?.[1]);
    const authorization = await popup.textContent('#step-list li[data-step="authorization"] pre');
    const params = JSON.parse(await popup.inputValue('#params')) as Record<string, unknown>;
    const expected = buildHttpRequest(
      { service: 'iotcloud', version: '2021-04-08', action: 'DescribeDevice', region: 'ap-guangzhou', params, endpoint: emulator.endpoint },
      { credentials: DEMO_CREDENTIAL, timestamp },
    );
    assert.equal(authorization, expected.headers['Authorization'], "the steps are signed with the shown profile's key");

    const before = (await storedHistory()).length;
    await popup.click('#send');
    await popup.waitForSelector('#response-meta:has-text("HTTP 200")');
    assert.equal(
      await popup.isHidden('#response-error'),
      true,
      `signed with the shown profile, accepted: ${(await popup.textContent('#response-error')) ?? ''}`,
    );
    const [sent] = await storedHistory();
    assert.equal((await storedHistory()).length, before + 1);
    assert.equal(sent!.profileName, 'emulator');
    assert.ok(sent!.replayOf !== undefined, 'recorded as a replay');
    assert.equal(sent!.response?.error, undefined);
    await popup.click('#new-request');
  });

  test('(c) a pasted curl whose action the catalog does not know is not signed or sent: it names the nearest actions', async () => {
    await popup.fill('#action', 'DescribeDevice');
    const before = (await storedHistory()).length;
    await popup.check('#mode-paste');
    const unknown = toCurl({
      method: 'POST',
      url: counter.endpoint,
      headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeDeviceShadows', 'X-TC-Version': '2021-04-08' },
      body: JSON.stringify(PARAMS),
    } as HttpRequest);
    await popup.fill('#pasted', unknown);

    await popup.click('#show-signature');
    await popup.waitForSelector('#status:has-text("DescribeDeviceShadows")');
    assert.match(await status(), /^Not signed: the paste calls DescribeDeviceShadows, an action the catalog does not know; nearest: DescribeDeviceShadow\b/);
    assert.equal(await popup.locator('#step-list li').count(), 0, 'no steps of an earlier call shown as this one');

    await popup.click('#send');
    await popup.waitForSelector('#status:has-text("Not sent:")');
    assert.match(await status(), /DescribeDeviceShadows.*nearest: DescribeDeviceShadow/);
    assert.equal(await popup.inputValue('#action'), 'DescribeDeviceShadows', 'the Action field shows the paste, not the previous action');
    assert.deepEqual(JSON.parse(await popup.inputValue('#params')), PARAMS);

    // Signed with an old signature, the unknown action is refused all the same.
    const signed = toCurl(
      buildHttpRequest(
        { service: 'iotcloud', version: '2021-04-08', action: 'DescribeDeviceShadows', region: 'ap-guangzhou', params: PARAMS, endpoint: counter.endpoint },
        { credentials: DEMO_CREDENTIAL, timestamp: Math.floor(Date.now() / 1000) - 3600 },
      ),
    );
    await popup.fill('#pasted', signed);
    await popup.$eval('#status', (element) => (element.textContent = ''));
    await popup.click('#send');
    await popup.waitForSelector('#status:has-text("Not sent:")');
    assert.match(await status(), /nearest: DescribeDeviceShadow/);

    assert.deepEqual(counter.received, [], 'nothing reached the server');
    assert.equal((await storedHistory()).length, before, 'nothing recorded as sent');
  });

  test('(c) a pasted curl naming no action is refused, and the Action field is emptied', async () => {
    await popup.fill(
      '#pasted',
      toCurl({ method: 'POST', url: counter.endpoint, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(PARAMS) } as HttpRequest),
    );
    await popup.click('#send');
    await popup.waitForSelector('#status:has-text("names no action")');
    assert.equal(await popup.inputValue('#action'), '');
    assert.deepEqual(counter.received, []);
  });

  test('(c) an unsigned curl of a catalog action is signed now (the catalog names its service) and accepted', async () => {
    const before = (await storedHistory()).length;
    await popup.fill(
      '#pasted',
      toCurl({
        method: 'POST',
        url: emulator.endpoint,
        headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'DescribeDevice', 'X-TC-Version': '2021-04-08', 'X-TC-Region': 'ap-guangzhou' },
        body: JSON.stringify(PARAMS),
      } as HttpRequest),
    );
    await popup.click('#send');
    await popup.waitForSelector('#response-body:has-text("thermostat-1")');
    const [sent] = await storedHistory();
    assert.equal((await storedHistory()).length, before + 1);
    // The paste had no Authorization: the emulator's acceptance proves it was signed now. History keeps the header
    // only as the secret policy's placeholder (no signature is stored).
    assert.equal(sent!.wire.headers['Authorization'], REDACTED);
    assert.equal(sent!.response?.error, undefined);
    assert.equal(await popup.inputValue('#action'), 'DescribeDevice');
    await popup.check('#mode-action');
  });

  test('(d) a search with no match says so; it is not "Nothing sent yet"', async () => {
    await popup.click('#tab-history');
    const total = (await storedHistory()).length;
    await waitForCount(popup, '#history-list li', total);
    await popup.fill('#history-search', 'xyz-no-such-request');
    await waitForCount(popup, '#history-list li', 0);
    assert.equal(await popup.textContent('#history-empty'), `No match for "xyz-no-such-request" (${total} in history).`);
    assert.equal(await popup.isVisible('#history-empty'), true);
    await popup.fill('#history-search', '');
    await waitForCount(popup, '#history-list li', total);
    assert.equal(await popup.isHidden('#history-empty'), true);
  });

  test('(d) Clear asks first in the page (Escape keeps everything), then can be undone from the keyboard, restoring exactly what was there', async () => {
    const kept = await storedHistory();
    assert.ok(kept.length >= 4, `history to clear: ${kept.length}`);
    await popup.click('#clear-history');
    await popup.waitForSelector('#confirm[open]');
    assert.equal(await popup.textContent('#confirm-text'), `Clear all ${kept.length} requests from history? You can undo it for a few seconds.`);
    assert.equal(await focusedId(), 'confirm-cancel', 'Cancel has the focus');
    await popup.keyboard.press('Escape');
    await popup.waitForSelector('#confirm', { state: 'hidden' });
    assert.deepEqual(await storedHistory(), kept, 'Escape: nothing cleared');

    await popup.click('#clear-history');
    await popup.waitForSelector('#confirm[open]');
    await popup.keyboard.press('Tab');
    assert.equal(await focusedId(), 'confirm-ok');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('#history-undo:not([hidden])');
    assert.equal(await popup.textContent('#history-undo-text'), `Cleared ${kept.length} requests.`);
    assert.deepEqual(await storedHistory(), [], 'cleared from storage.local');
    await waitForCount(popup, '#history-list li', 0);
    assert.equal(await popup.isHidden('#history-empty'), true, 'while Undo is offered, it says what happened');
    assert.equal(await focusedId(), 'history-undo-button', 'focus on Undo');

    await popup.keyboard.press('Enter');
    await waitForCount(popup, '#history-list li', kept.length);
    assert.deepEqual(await storedHistory(), kept, 'exactly what was there, in its order');
    assert.equal(await popup.textContent('#history-status'), `Restored ${kept.length} requests.`);
    assert.equal(await popup.isHidden('#history-undo'), true);
  });

  test('(d) an Undo not taken expires with its window, and the history stays cleared', async () => {
    const count = (await storedHistory()).length;
    await popup.click('#clear-history');
    await popup.click('#confirm-ok');
    await popup.waitForSelector('#history-undo:not([hidden])');
    const offeredAt = Date.now();
    await popup.waitForSelector('#history-undo', { state: 'hidden', timeout: 20_000 });
    assert.ok(Date.now() - offeredAt > 5_000, 'offered for some seconds');
    assert.deepEqual(await storedHistory(), []);
    assert.ok(count > 0);
    assert.equal(await popup.textContent('#history-empty:visible'), 'Nothing sent yet.');
    assert.equal(await popup.isDisabled('#clear-history'), true, 'nothing left to clear');
  });

  test('no page errors', () => {
    assert.deepEqual(errorLists.flat(), []);
  });
});
