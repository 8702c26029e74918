// The popup as a new user meets it, in real Chromium: Signature steps before any key, first run against a real
// emulator on its default port ("Use the local emulator"), the response panel (status, time, size, headers,
// collapsible JSON with DescribeDeviceShadow's Data parsed, the error explained, copy), history rows (key
// parameters, outcome, load back, re-run, "No match"), the tablist's keys, and contrast in light and dark.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { DEMO_CREDENTIAL, DEMO_PRODUCT_ID, EMULATOR_PROFILE_NAME } from '@iot-devkit/core';
import type { Page } from 'playwright-core';
import { startTestEmulator } from '../emulator/harness.js';
import { alphaOf, contrastOn } from '../support/contrast.js';
import { launchExtension, type LoadedExtension } from './support/launchExtension.js';
import { collectErrors, waitForCount, waitReady } from './support/popupActions.js';

type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;
const SCREENSHOTS = '/tmp/iot-devkit-e2e-browser';

async function portIsFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Computed colours of the popup's tabs and the page background, for the contrast checks. */
const TAB_STYLES = `(() => {
  const selected = getComputedStyle(document.querySelector('[role="tab"][aria-selected="true"]'));
  const other = getComputedStyle(document.querySelector('[role="tab"][aria-selected="false"]'));
  const muted = getComputedStyle(document.querySelector('.hint'));
  return {
    background: getComputedStyle(document.body).backgroundColor,
    selectedText: selected.color,
    selectedBar: selected.borderBottomColor,
    outline: selected.outlineColor,
    outlineStyle: selected.outlineStyle,
    otherText: other.color,
    hint: muted.color,
    focusVisible: document.activeElement?.matches(':focus-visible') ?? false,
  };
})()`;

const noSideways = (page: Page) => page.evaluate(`document.documentElement.scrollWidth <= document.documentElement.clientWidth`) as Promise<boolean>;

describe('the popup in real Chromium: no key yet, first run, response panel, history, tabs, light and dark', () => {
  let emulator: Emulator | undefined;
  let ext: LoadedExtension;
  let popup: Page;
  let errors: string[];

  before(async () => {
    assert.ok(await portIsFree(9180), 'this test starts the emulator on its default port 127.0.0.1:9180: something else listens there');
    ext = await launchExtension();
    // Copy is read back from the real clipboard (an extension origin cannot be named here: granted to every page).
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    popup = await ext.open('popup.html');
    await popup.setViewportSize({ width: 480, height: 600 });
    errors = collectErrors(popup);
    await waitReady(popup);
  });
  after(async () => {
    await ext?.close();
    await emulator?.close();
  });

  test('with no profile, Signature steps show the string to sign; the key steps say a SecretKey is needed and where', async () => {
    await popup.click('#tab-request');
    await popup.fill('#action', 'DescribeDeviceShadow');
    await popup.fill('#params', `{"ProductId": "${DEMO_PRODUCT_ID}", "DeviceName": "thermostat-1"}`);
    await popup.click('#show-signature');
    const stringToSign = popup.locator('#step-list li[data-step="stringToSign"] pre');
    await stringToSign.waitFor();
    assert.match(await stringToSign.innerText(), /^TC3-HMAC-SHA256\n\d+\n\d{4}-\d\d-\d\d\/iotcloud\/tc3_request\n[0-9a-f]{64}$/);
    assert.match(await popup.innerText('#step-list li[data-step="canonicalRequest"] pre'), /^POST\n\/\n\ncontent-type:application\/json/);
    await waitForCount(popup, '#step-list li[data-needs-key]', 5);
    assert.match(await popup.innerText('#step-list li[data-step="signature"]'), /Needs a SecretKey: add one in Profiles\./);
    assert.match(await popup.innerText('#status'), /profile: none chosen; add one in Profiles The steps that need no key are shown\./);
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-no-key.png` });
  });

  test('first run: nothing on 127.0.0.1:9180 says what to do; with the emulator started, one click adds its profile', async () => {
    await popup.click('#tab-profiles');
    const line = popup.locator('#first-run-line');
    await line.waitFor();
    assert.match(await line.innerText(), /npx iot-devkit emulator --demo/);
    emulator = await startTestEmulator({ port: 9180 });
    await popup.click('#first-run-again');
    const use = popup.locator('#use-emulator');
    await use.waitFor();
    assert.equal(await use.innerText(), 'Use the local emulator');
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-first-run.png` });
    await use.click();
    await popup.locator(`#profile-list li:has-text("${EMULATOR_PROFILE_NAME}")`).waitFor();
    assert.match(await popup.innerText('#profile-list'), new RegExp(`${DEMO_CREDENTIAL.secretKey.slice(0, 4)}\\*\\*\\*\\*`));
    assert.ok(await popup.locator('#first-run').isHidden(), 'the offer goes once there is a profile');
    assert.ok(!(await popup.content()).includes(DEMO_CREDENTIAL.secretKey), 'the key is only ever shown masked');
    // The Signature steps on screen are signed again with the new key.
    await popup.click('#tab-request');
    await popup.locator('#step-list li[data-step="signature"] pre').waitFor();
    assert.match(await popup.innerText('#step-list li[data-step="signature"] pre'), /^[0-9a-f]{64}$/);
    assert.equal(await popup.locator('#step-list li[data-needs-key]').count(), 0);
  });

  test('the response panel: status, time, size, headers, Data parsed in a collapsible tree, copy', async () => {
    await popup.click('#send');
    await popup.waitForSelector('#response-meta:has-text("HTTP 200")');
    assert.match(await popup.innerText('#response-meta'), /^HTTP 200 · \d+ ms · \d+(\.\d)? (B|KB) · RequestId \S+$/);
    assert.equal(await popup.getAttribute('#response-body [data-parsed]', 'data-parsed'), 'Response.Data');
    const tree = popup.locator('#response-body .json-tree');
    assert.match(await tree.innerText(), /"Data": JSON in a string, shown parsed \{/);
    assert.match(await tree.innerText(), /"reported": \{/);
    await popup.click('#response-body button:has-text("Collapse all")');
    assert.equal(await popup.locator('#response-body details.jt-node[open]').count(), 0);
    assert.equal(await popup.locator('#response-body .jt-key:text-is(\'"reported"\')').first().isVisible(), false, 'folded away');
    await popup.click('#response-body button:has-text("Expand all")');
    assert.ok(await popup.locator('#response-body .jt-key:text-is(\'"reported"\')').first().isVisible());
    await popup.click('#response-body [data-command="copy-body"]');
    const copied = JSON.parse(String(await popup.evaluate('navigator.clipboard.readText()'))) as { Response: { Data: { state?: unknown } } };
    assert.equal(typeof copied.Response.Data, 'object', 'Copy gives the body with Data parsed');
    await popup.click('#response-body .response-headers summary');
    assert.match(await popup.innerText('#response-body .response-headers'), /content-type\s+application\/json/i);
    assert.ok(await noSideways(popup), 'the response panel fits the popup');
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-response.png`, fullPage: true });

    // An error: the code, the server's message and the documented meaning with its fix.
    await popup.fill('#params', `{"ProductId": "${DEMO_PRODUCT_ID}", "DeviceName": "no-such-device"}`);
    await popup.click('#send');
    await popup.waitForSelector('#response-error:not([hidden]) strong');
    const explained = await popup.innerText('#response-error');
    assert.match(explained, /^ResourceNotFound\.ProductOrDeviceNotExist/);
    assert.match(await popup.innerText('#response-error .explanation'), /Fix: Check ProductId and DeviceName/);
    assert.match(await popup.innerText('#response-meta .badge'), /HTTP 200/);
    assert.equal(await popup.getAttribute('#response-meta .badge', 'class'), 'badge bad', 'an API error is marked as one although HTTP says 200');
  });

  test('history: key parameters and outcome per row, "No match", load back into the form, re-run re-signed', async () => {
    await popup.click('#tab-history');
    await waitForCount(popup, '#history-list li', 2);
    const [failed, ok] = [popup.locator('#history-list li').nth(0), popup.locator('#history-list li').nth(1)];
    assert.match(await failed.locator('[data-key-params]').innerText(), new RegExp(`ProductId=${DEMO_PRODUCT_ID}\\s+DeviceName=no-such-device`));
    assert.equal(await failed.locator('[data-outcome]').getAttribute('data-outcome'), 'apiError');
    assert.equal(await failed.locator('[data-outcome]').innerText(), 'ResourceNotFound.ProductOrDeviceNotExist');
    assert.match(await ok.locator('[data-key-params]').innerText(), /DeviceName=thermostat-1/);
    assert.equal(await ok.locator('[data-outcome]').innerText(), 'HTTP 200 OK');
    assert.match(await ok.locator('time').innerText(), /\d/);

    await popup.fill('#history-search', 'zzz-nothing');
    await popup.waitForSelector('#history-empty:not([hidden])');
    assert.equal(await popup.innerText('#history-empty'), 'No match for "zzz-nothing" (2 in history).');
    await popup.fill('#history-search', 'thermostat-1');
    await waitForCount(popup, '#history-list li', 1);
    await popup.fill('#history-search', '');
    await waitForCount(popup, '#history-list li', 2);

    // Load back: the request goes into the form; re-run: a new entry, signed now.
    await ok.locator('[data-command="edit"]').click();
    assert.equal(await popup.getAttribute('#tab-request', 'aria-selected'), 'true');
    assert.equal(await popup.inputValue('#action'), 'DescribeDeviceShadow');
    assert.match(await popup.inputValue('#params'), /"DeviceName": "thermostat-1"/);
    await popup.click('#tab-history');
    await popup.locator('#history-list li').nth(1).locator('[data-command="replay"]').click();
    await waitForCount(popup, '#history-list li', 3);
    assert.match(await popup.innerText('#history-list li >> nth=0'), /HTTP 200 OK[\s\S]*replay/);
    assert.ok(await noSideways(popup));
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-history.png`, fullPage: true });
  });

  test('tabs by keyboard: ←/→ wrap, Home and End; contrast of text, selected bar and focus ring in light and dark', async () => {
    await popup.focus('#tab-history');
    for (const [key, tab] of [
      ['ArrowRight', 'tab-profiles'],
      ['ArrowRight', 'tab-request'],
      ['End', 'tab-profiles'],
      ['Home', 'tab-request'],
      ['ArrowLeft', 'tab-profiles'],
    ] as const) {
      await popup.keyboard.press(key);
      assert.equal(await popup.getAttribute(`#${tab}`, 'aria-selected'), 'true', `${key} → ${tab}`);
      assert.equal(await popup.evaluate('document.activeElement.id'), tab);
      assert.equal(await popup.getAttribute(`#${tab}`, 'tabindex'), '0');
    }
    const report: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.keyboard.press('ArrowRight');
      await popup.keyboard.press('ArrowLeft');
      const styles = (await popup.evaluate(TAB_STYLES)) as Record<
        'background' | 'selectedText' | 'selectedBar' | 'outline' | 'outlineStyle' | 'otherText' | 'hint',
        string
      > & {
        focusVisible: boolean;
      };
      assert.ok(styles.focusVisible, `${scheme}: the keyboard-focused tab matches :focus-visible`);
      assert.equal(styles.outlineStyle, 'solid');
      assert.equal(alphaOf(styles.background), 1);
      const figures = {
        selectedText: contrastOn(styles.selectedText, styles.background),
        unselectedText: contrastOn(styles.otherText, styles.background),
        hintText: contrastOn(styles.hint, styles.background),
        selectedBar: contrastOn(styles.selectedBar, styles.background),
        focusRing: contrastOn(styles.outline, styles.background),
      };
      report.push(
        `${scheme}: ${Object.entries(figures)
          .map(([k, v]) => `${k} ${v.toFixed(2)}:1`)
          .join(', ')}`,
      );
      for (const name of ['selectedText', 'unselectedText', 'hintText'] as const)
        assert.ok(figures[name] >= 4.5, `${scheme}: ${name} ${figures[name].toFixed(2)}:1`);
      for (const name of ['selectedBar', 'focusRing'] as const) assert.ok(figures[name] >= 3, `${scheme}: ${name} ${figures[name].toFixed(2)}:1`);
      if (scheme === 'dark') assert.ok(contrastOn('rgb(255, 255, 255)', styles.background) > 10, `dark mode has a dark background (${styles.background})`);
      await popup.screenshot({ path: `${SCREENSHOTS}/popup-${scheme}.png` });
    }
    console.log(`# popup contrast, measured from computed styles:\n# ${report.join('\n# ')}`);
    assert.deepEqual(errors, []);
  });
});
