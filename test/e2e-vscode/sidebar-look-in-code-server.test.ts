// The sidebar as a new user meets it, in a real VS Code (code-server): the Sign tab with no key yet, first run
// against a real emulator on its default port, the tabs by keyboard, contrast of the focused and selected tab
// measured from computed styles in light, dark and high-contrast themes, and no horizontal overflow at 200, 300
// and 760 px sidebar widths (screenshots in SCREENSHOTS, looked at).
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { DEMO_CREDENTIAL, DEMO_PRODUCT_ID, EMULATOR_PROFILE_NAME, signTc3WithoutKey } from '@iot-devkit/core';
import type { Browser, Frame, Page } from 'playwright-core';
import { startTestEmulator } from '../emulator/harness.js';
import { startCodeServer, type RunningCodeServer } from './support/codeServer.js';
import { findFrame, openWorkbench, screenshot, SCREENSHOTS, waitFor } from './support/workbench.js';
import { alphaOf, contrastOn } from '../support/contrast.js';

type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;

const THEMES = ['Default Light Modern', 'Default Dark Modern', 'Default High Contrast', 'Default High Contrast Light'] as const;
/** How the theme picker of VS Code 1.100 labels each settings id. */
const PICKER_LABELS: Record<(typeof THEMES)[number], string> = {
  'Default Light Modern': 'Light Modern',
  'Default Dark Modern': 'Dark Modern',
  'Default High Contrast': 'Dark High Contrast',
  'Default High Contrast Light': 'Light High Contrast',
};

async function portIsFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('the sidebar in code-server: no key yet, first run, tabs by keyboard, contrast per theme, narrow widths', () => {
  let server: RunningCodeServer;
  let browser: Browser;
  let page: Page;
  let sidebar: Frame;
  let emulator: Emulator | undefined;

  before(async () => {
    assert.ok(await portIsFree(9180), 'this test starts the emulator on its default port 127.0.0.1:9180: something else listens there');
    server = await startCodeServer({ settings: { 'workbench.colorTheme': THEMES[0] } });
    ({ browser, page } = await openWorkbench(server.url));
    await page.locator('.activitybar [aria-label="IoT Devkit"]').first().click();
    sidebar = await findFrame(page, '#sign-form');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await emulator?.close();
  });

  test('with no profile the Sign tab shows the canonical request and the string to sign; each key step says it needs a SecretKey', async () => {
    const stringToSign = sidebar.locator('li[data-step="stringToSign"] pre.value');
    await stringToSign.waitFor({ timeout: 20_000 });
    const form = {
      method: await sidebar.inputValue('#sign-method'),
      url: await sidebar.inputValue('#sign-url'),
      headers: Object.fromEntries(
        (await sidebar.inputValue('#sign-headers'))
          .split('\n')
          .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
      ),
      body: await sidebar.inputValue('#sign-body'),
      timestamp: Number(await sidebar.inputValue('#sign-timestamp')),
    };
    const expected = signTc3WithoutKey(form);
    assert.equal(await stringToSign.innerText(), expected.stringToSign);
    assert.equal(await sidebar.locator('li[data-step="canonicalRequest"] pre.value').innerText(), expected.canonicalRequest);
    for (const id of ['secretDate', 'secretService', 'secretSigning', 'signature', 'authorization']) {
      const step = sidebar.locator(`li[data-step="${id}"]`);
      assert.equal(await step.getAttribute('data-needs-key'), '', `${id} is marked as needing a key`);
      assert.match(await step.innerText(), /Needs a SecretKey: add a profile/, id);
    }
    assert.doesNotMatch(await sidebar.locator('#sign-headers-out').innerText(), /Authorization/);
    // First run with nothing on 127.0.0.1:9180: one line on what to do.
    const line = sidebar.locator('#first-run-line');
    await line.waitFor({ timeout: 15_000 });
    assert.match(await line.innerText(), /npx iot-devkit emulator --demo/);
    await screenshot(page, 'sidebar-no-key');
  });

  test('first run: with the emulator started, Check again offers "Use the local emulator", which adds its profile and signs', async () => {
    emulator = await startTestEmulator({ port: 9180 });
    await sidebar.click('#first-run-again');
    const use = sidebar.locator('#use-emulator');
    await use.waitFor({ timeout: 15_000 });
    assert.equal((await use.innerText()).trim(), 'Use the local emulator');
    await screenshot(page, 'sidebar-first-run-offer');
    await use.click();
    await waitFor(
      'the emulator profile',
      async () => (await sidebar.locator('#profile-name').count()) > 0 && (await sidebar.innerText('#profile-name')) === EMULATOR_PROFILE_NAME,
    );
    await waitFor('the signature, now computed', async () => (await sidebar.locator('li[data-step="signature"] pre.value').count()) > 0);
    assert.match(await sidebar.innerText('li[data-step="signature"] pre.value'), /^[0-9a-f]{64}$/);
    assert.match(await sidebar.innerText('#sign-headers-out'), /Authorization: TC3-HMAC-SHA256 Credential=AKIDDEMOiotdevkit/);
    assert.ok(await sidebar.locator('#first-run').isHidden(), 'the notice goes once a key is there');
    assert.ok(!(await sidebar.content()).includes(DEMO_CREDENTIAL.secretKey), 'the key itself never reaches the webview');
  });

  test('the tabs are an ARIA tablist: one tab stop, ←/→ wrap around, Home and End', async () => {
    const selected = () => sidebar.evaluate(`document.querySelector('[role="tab"][aria-selected="true"]')?.id`);
    const focused = () => sidebar.evaluate('document.activeElement?.id');
    await sidebar.focus('#tab-sign');
    assert.deepEqual(await sidebar.evaluate(`[...document.querySelectorAll('[role="tab"]')].map((tab) => tab.tabIndex)`), [0, -1, -1, -1]);
    const steps: [string, string][] = [
      ['ArrowRight', 'tab-send'],
      ['ArrowRight', 'tab-errors'],
      ['End', 'tab-rulesql'],
      ['ArrowRight', 'tab-sign'],
      ['ArrowLeft', 'tab-rulesql'],
      ['Home', 'tab-sign'],
    ];
    for (const [key, tab] of steps) {
      await page.keyboard.press(key);
      assert.equal(await selected(), tab, `${key} selects ${tab}`);
      assert.equal(await focused(), tab, `${key} focuses ${tab}`);
      const panel = tab.replace('tab-', 'panel-');
      assert.equal(await sidebar.locator(`#${panel}`).isVisible(), true, `${panel} is shown`);
      assert.equal(await sidebar.getAttribute(`#${tab}`, 'tabindex'), '0');
    }
    assert.equal(await sidebar.getAttribute('#panel-send', 'aria-labelledby'), 'tab-send');
  });

  test('Build & send: "required" after leaving a field; history rows with key parameters and outcome, "No match", load back, replay', async () => {
    await sidebar.click('#tab-send');
    await sidebar.fill('#send-search', 'describe shadow');
    await sidebar.click('li[data-action="DescribeDeviceShadow"]');
    await sidebar.locator('#send-fields[data-action="DescribeDeviceShadow"] #param-DeviceName').waitFor();
    const deviceMessage = sidebar.locator('.field:has(#param-DeviceName) .field-message');
    await sidebar.fill('#param-ProductId', DEMO_PRODUCT_ID);
    await page.waitForTimeout(600);
    assert.equal(await deviceMessage.innerText(), '', 'not before the user has been in the field');
    await sidebar.focus('#param-DeviceName');
    await sidebar.focus('#param-ProductId');
    await waitFor('"required" once DeviceName was left', async () => /MissingParameter/.test(await deviceMessage.innerText()) || undefined);
    await sidebar.fill('#param-DeviceName', 'thermostat-1');
    await waitFor('the message to clear', async () => (await deviceMessage.innerText()) === '' || undefined);
    await sidebar.click('#send-run');
    const row = sidebar.locator('#send-history li[data-history]').first();
    await row.waitFor();
    assert.match(await row.locator('[data-key-params]').innerText(), new RegExp(`^ProductId=${DEMO_PRODUCT_ID}\\s+DeviceName=thermostat-1$`));
    assert.equal(await row.locator('[data-outcome]').getAttribute('data-outcome'), 'ok');
    assert.equal(await row.locator('[data-outcome]').innerText(), 'HTTP 200 OK');

    await sidebar.fill('#send-history-search', 'zzz-nothing');
    await sidebar.locator('#send-history-none').waitFor();
    assert.equal(await sidebar.innerText('#send-history-none'), 'No match for "zzz-nothing" (1)');
    await sidebar.fill('#send-history-search', 'thermostat-1');
    await row.waitFor();
    await sidebar.fill('#send-history-search', '');

    await sidebar.fill('#param-DeviceName', 'something-else');
    await row.locator('[data-command="load"]').click();
    await waitFor('the call loaded back', async () => (await sidebar.inputValue('#param-DeviceName')) === 'thermostat-1' || undefined);
    assert.equal(await sidebar.inputValue('#send-action'), 'DescribeDeviceShadow');
    await row.locator('[data-command="replay"]').click();
    await waitFor('the replay in history', async () => (await sidebar.locator('#send-history li[data-history]').count()) === 2 || undefined);
    assert.equal(await sidebar.locator('#send-history li[data-history]').first().locator('[data-outcome]').innerText(), 'HTTP 200 OK');
    await screenshot(page, 'sidebar-history');
  });

  test('focused and selected tabs meet WCAG AA in light, dark and high-contrast themes (computed styles)', async () => {
    const report: string[] = [];
    for (const theme of THEMES) {
      await chooseColorTheme(page, theme);
      await waitFor(`the ${theme} theme`, () => themeApplied(page, theme), 20_000);
      await page.mouse.move(900, 600);
      // Keyboard focus, as a keyboard user gets it (:focus-visible), on a tab that is also the selected one, and
      // the measure of an unselected tab beside it.
      await sidebar.focus('#tab-sign');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowLeft');
      const styles = (await sidebar.evaluate(`(() => {
        const selected = getComputedStyle(document.querySelector('#tab-sign'));
        const other = getComputedStyle(document.querySelector('#tab-send'));
        return {
          background: getComputedStyle(document.querySelector('header.sticky')).backgroundColor,
          focusVisible: document.querySelector('#tab-sign').matches(':focus-visible'),
          selectedText: selected.color,
          selectedBar: selected.borderBottomColor,
          selectedBarWidth: selected.borderBottomWidth,
          outline: selected.outlineColor,
          outlineStyle: selected.outlineStyle,
          outlineWidth: selected.outlineWidth,
          otherText: other.color,
        };
      })()`)) as Record<
        'background' | 'selectedText' | 'selectedBar' | 'selectedBarWidth' | 'outline' | 'outlineStyle' | 'outlineWidth' | 'otherText',
        string
      > & {
        focusVisible: boolean;
      };
      assert.ok(styles.focusVisible, `${theme}: the keyboard-focused tab matches :focus-visible`);
      assert.equal(styles.outlineStyle, 'solid', theme);
      assert.equal(styles.outlineWidth, '2px', theme);
      assert.equal(styles.selectedBarWidth, '2px', theme);
      assert.equal(alphaOf(styles.background), 1, `${theme}: the sidebar background is opaque (${styles.background})`);
      const ratio = (color: string) => contrastOn(color, styles.background);
      const figures = {
        selectedText: ratio(styles.selectedText),
        unselectedText: ratio(styles.otherText),
        selectedBar: ratio(styles.selectedBar),
        focusRing: ratio(styles.outline),
      };
      report.push(
        `${theme}: ${Object.entries(figures)
          .map(([k, v]) => `${k} ${v.toFixed(2)}:1`)
          .join(', ')}`,
      );
      assert.ok(
        figures.selectedText >= 4.5,
        `${theme}: selected tab text ${figures.selectedText.toFixed(2)}:1 (${styles.selectedText} on ${styles.background})`,
      );
      assert.ok(
        figures.unselectedText >= 4.5,
        `${theme}: unselected tab text ${figures.unselectedText.toFixed(2)}:1 (${styles.otherText} on ${styles.background})`,
      );
      assert.ok(figures.selectedBar >= 3, `${theme}: selected-tab bar ${figures.selectedBar.toFixed(2)}:1 (${styles.selectedBar} on ${styles.background})`);
      assert.ok(figures.focusRing >= 3, `${theme}: focus ring ${figures.focusRing.toFixed(2)}:1 (${styles.outline} on ${styles.background})`);
      await screenshot(page, `sidebar-theme-${theme.replace(/\W+/g, '-').toLowerCase()}`);
    }
    console.log(`# tab contrast, measured from computed styles:\n# ${report.join('\n# ')}`);
  });

  test('at 200, 300 and 760 px wide nothing overflows sideways, in any tab; long codes wrap', async () => {
    for (const width of [200, 300, 760]) {
      await resizeSidebar(page, width);
      const shown = await waitFor(`a ${width} px sidebar`, async () => {
        const w = Number(await sidebar.evaluate('document.documentElement.clientWidth'));
        return Math.abs(w - width) <= 24 ? w : undefined;
      });
      for (const tab of ['sign', 'send', 'errors', 'rulesql']) {
        await sidebar.click(`#tab-${tab}`);
        const { scrollWidth, clientWidth, widest } = (await sidebar.evaluate(`(() => {
          const root = document.documentElement;
          // The element sticking out furthest, to name it when this fails.
          let widest = '';
          let right = 0;
          for (const element of document.querySelectorAll('body *')) {
            const box = element.getBoundingClientRect();
            if (box.width > 0 && box.right > right) [right, widest] = [box.right, element.tagName.toLowerCase() + '#' + element.id + '.' + element.getAttribute('class')];
          }
          return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest: widest + ' right=' + Math.round(right) };
        })()`)) as { scrollWidth: number; clientWidth: number; widest: string };
        assert.ok(scrollWidth <= clientWidth, `${width} px (${shown}), ${tab} tab: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}; widest ${widest}`);
        await screenshot(page, `sidebar-${width}px-${tab}`);
      }
    }
    console.log(`# screenshots in ${SCREENSHOTS}`);
  });
});

/** Preferences: Color Theme, then a click on the theme's row, as a person switches themes. */
async function chooseColorTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  const label = PICKER_LABELS[theme];
  // By its exact title: "Preferences: Browse Color Themes in Marketplace" also contains the words, and would
  // search a marketplace these machines cannot reach.
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.fill('>Preferences: Color Theme');
  const command = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: /^Preferences: Color Theme$/ }) });
  await command.first().waitFor({ timeout: 15_000 });
  await command.first().click();
  await input.fill(label);
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });
  await row.first().waitFor({ timeout: 15_000 });
  await row.first().click();
}

/** The workbench shows `theme`: its body carries the theme type class and the editor background of that kind. */
async function themeApplied(page: Page, theme: string): Promise<boolean> {
  const classes = String(await page.evaluate(`document.querySelector('.monaco-workbench')?.className ?? ''`));
  if (theme.includes('High Contrast Light')) return classes.includes('hc-light');
  if (theme.includes('High Contrast')) return classes.includes('hc-black');
  if (theme.includes('Dark')) return /\bvs-dark\b/.test(classes);
  return /\bvs\b/.test(classes) && !classes.includes('hc-');
}

/** Drags the sash between the side bar and the editor until the side bar is `width` px wide, as a person would. */
async function resizeSidebar(page: Page, width: number): Promise<void> {
  const bar = page.locator('#workbench\\.parts\\.sidebar');
  const box = (await bar.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
  await page.mouse.move(box.x + width + 300, y);
}
