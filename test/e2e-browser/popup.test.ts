import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { lookupErrorCode } from '@iot-devkit/core';
import type { Page } from 'playwright-core';
import { launchExtension, type LoadedExtension } from './support/launchExtension.js';
import { addProfile, collectErrors, waitForCount, waitReady } from './support/popupActions.js';
import { startTestApiServer, type TestApiServer } from './support/testApiServer.js';

// Made-up credentials: the server verifies with the same pair.
const SECRET_ID = 'AKIDbrowserTest0000000000000000000000';
const SECRET_KEY = 'brwsTestSecretKey0000000000000000';

describe('popup in real Chromium: sign, send, history, replay, drafts', () => {
  let server: TestApiServer;
  let ext: LoadedExtension;
  let popup: Page;
  let errors: string[];

  before(async () => {
    server = await startTestApiServer(SECRET_ID, SECRET_KEY);
    ext = await launchExtension();
    popup = await ext.open('popup.html');
    errors = collectErrors(popup);
    await waitReady(popup);
  });
  after(async () => {
    await ext?.close();
    await server?.close();
  });

  test('a first run opens on Profiles; the saved key is shown masked only', async () => {
    assert.equal(await popup.getAttribute('#tab-profiles', 'aria-selected'), 'true');
    await addProfile(popup, { name: 'local', secretId: SECRET_ID, secretKey: SECRET_KEY, endpoint: server.endpoint });
    const row = await popup.textContent('#profile-list li');
    assert.match(row ?? '', /brws\*\*\*\*/);
    assert.equal(await popup.inputValue('#profile-secret-key'), '', 'the key field is emptied after saving');
    assert.ok(!(await popup.content()).includes(SECRET_KEY), 'the SecretKey is nowhere in the page');
  });

  test('send signs in the service worker; the server verifies the signature; the response is shown', async () => {
    await popup.click('#tab-request');
    await popup.fill('#action', 'DescribeDevice');
    await popup.fill('#params', '{"ProductId": "ABCDE12345", "DeviceName": "abc"}');
    await popup.click('#send');
    await popup.waitForSelector('#response-meta:has-text("HTTP 200")');
    assert.equal(server.calls.length, 1);
    assert.equal(server.calls[0]!.action, 'DescribeDevice');
    assert.equal(server.calls[0]!.verified, true, 'the test server verified the TC3 signature');
    assert.deepEqual(JSON.parse(server.calls[0]!.body), { ProductId: 'ABCDE12345', DeviceName: 'abc' });
    assert.match((await popup.textContent('#response-meta')) ?? '', /RequestId test-1/);
    // The steps came back with the send; derived keys are masked like the key itself.
    const steps = await popup.$$eval('#step-list li', (items) => items.map((li) => ({ id: li.getAttribute('data-step'), value: li.querySelector('pre')?.textContent ?? '' })));
    assert.deepEqual(steps.map((s) => s.id), ['hashedRequestPayload', 'canonicalRequest', 'credentialScope', 'hashedCanonicalRequest', 'stringToSign', 'secretDate', 'secretService', 'secretSigning', 'signature', 'authorization']);
    assert.match(steps.find((s) => s.id === 'secretSigning')!.value, /^[0-9a-f]{4}\*\*\*\*$/);
    assert.ok((await popup.inputValue('#curl')).startsWith(`curl -X POST ${server.endpoint}`), 'curl of the signed request');
  });

  test('an API error is shown with its documented meaning', async () => {
    await popup.fill('#action', 'DescribeDeviceShadow');
    await popup.click('#send');
    await popup.waitForSelector('#response-error:not([hidden])');
    const error = (await popup.textContent('#response-error')) ?? '';
    assert.match(error, /ResourceNotFound\.DeviceShadowNotExist/);
    assert.match(error, /shadow does not exist/, "the server's own message");
    const documented = lookupErrorCode('ResourceNotFound.DeviceShadowNotExist');
    assert.ok(documented.found);
    assert.ok(error.includes(documented.info.messageEn), `the documented meaning is shown too: ${error}`);
  });

  test('history lists sends newest first and is searchable', async () => {
    await popup.click('#tab-history');
    await popup.waitForSelector('#history-list li');
    const actions = await popup.$$eval('#history-list li .action', (items) => items.map((i) => i.textContent));
    assert.deepEqual(actions, ['DescribeDeviceShadow', 'DescribeDevice']);
    await popup.fill('#history-search', 'NotExist');
    await waitForCount(popup, '#history-list li', 1);
    assert.equal(await popup.textContent('#history-list li .action'), 'DescribeDeviceShadow');
    await popup.fill('#history-search', '');
    await waitForCount(popup, '#history-list li', 2);
  });

  test('replay signs again with a fresh timestamp and the server accepts it', async () => {
    const before = server.calls.length;
    // X-TC-Timestamp has one-second resolution: wait so the replay's is visibly newer.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await popup.click('#history-list li:last-child [data-command="replay"]');
    await waitForCount(popup, '#history-list li', 3);
    assert.equal(server.calls.length, before + 1);
    const replayed = server.calls.at(-1)!;
    assert.equal(replayed.action, 'DescribeDevice');
    assert.equal(replayed.verified, true);
    assert.ok(replayed.timestamp > server.calls[0]!.timestamp, 'a fresh timestamp, not the stored signature');
    assert.notEqual(replayed.headers['authorization'], server.calls[0]!.headers['authorization']);
    assert.match((await popup.textContent('#history-list li:first-child')) ?? '', /replay/);
  });

  test('edit-and-replay sends the edited request re-signed', async () => {
    await popup.click('#history-list li:last-child [data-command="edit"]');
    assert.equal(await popup.getAttribute('#tab-request', 'aria-selected'), 'true');
    assert.equal(await popup.inputValue('#action'), 'DescribeDevice');
    await popup.fill('#params', '{"ProductId": "ABCDE12345", "DeviceName": "edited"}');
    const before = server.calls.length;
    await popup.click('#send');
    await waitFor(() => server.calls.length === before + 1);
    const last = server.calls.at(-1)!;
    assert.equal(last.verified, true);
    assert.deepEqual(JSON.parse(last.body), { ProductId: 'ABCDE12345', DeviceName: 'edited' });
  });

  test('a destructive action asks first, on send and on replay', async () => {
    await popup.fill('#action', 'DeleteDevice');
    const before = server.calls.length;
    await popup.click('#send');
    await popup.waitForSelector('#confirm[open]');
    assert.match((await popup.textContent('#confirm-text')) ?? '', /DeleteDevice/);
    await popup.click('#confirm button[value="cancel"]');
    await popup.waitForSelector('#confirm:not([open])', { state: 'attached' });
    assert.equal(server.calls.length, before, 'cancelled: nothing sent');
    await popup.click('#send');
    await popup.click('#confirm button[value="ok"]');
    await waitFor(() => server.calls.length === before + 1);
    assert.equal(server.calls.at(-1)!.action, 'DeleteDevice');

    await popup.click('#tab-history');
    await popup.waitForSelector('#history-list li:first-child .action:text-is("DeleteDevice")');
    await popup.click('#history-list li:first-child [data-command="replay"]');
    await popup.waitForSelector('#confirm[open]');
    await popup.click('#confirm button[value="cancel"]');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(server.calls.length, before + 1, 'replay cancelled: nothing sent');
  });

  test('closing and reopening the popup brings back everything typed', async () => {
    await popup.click('#tab-request');
    await popup.fill('#action', 'PublishMessage');
    await popup.fill('#params', '{"Topic": "ABCDE12345/abc/data", "Payload": "half-typed');
    await popup.click('#tab-profiles');
    await popup.fill('#profile-secret-key', 'half-typed-secret');
    await popup.close();

    const reopened = await ext.open('popup.html');
    const reopenedErrors = collectErrors(reopened);
    await waitReady(reopened);
    assert.equal(await reopened.getAttribute('#tab-profiles', 'aria-selected'), 'true', 'the tab that was open');
    assert.equal(await reopened.inputValue('#profile-secret-key'), 'half-typed-secret', 'secret drafts come back from session memory');
    assert.equal(await reopened.inputValue('#action'), 'PublishMessage');
    assert.equal(await reopened.inputValue('#params'), '{"Topic": "ABCDE12345/abc/data", "Payload": "half-typed');
    const stored = await ext.worker.evaluate(async () => JSON.stringify(await (globalThis as unknown as ChromeGlobal).chrome.storage.local.get(null)));
    assert.ok(!stored.includes('half-typed-secret'), 'a secret draft never reaches storage.local');
    assert.ok(!stored.includes(SECRET_KEY), 'the SecretKey never reaches storage.local');
    assert.deepEqual(reopenedErrors, []);
    popup = reopened;
  });

  test('no page errors', () => {
    assert.deepEqual(errors, []);
  });
});

/** The extension API inside the service worker, where worker.evaluate runs. */
interface ChromeGlobal {
  chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
