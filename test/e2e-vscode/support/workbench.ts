import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Screenshots of each run land here (outside the repo); the test prints the folder. */
export const SCREENSHOTS = join(tmpdir(), 'iot-devkit-e2e-vscode');

export async function openWorkbench(url: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // The sidebar's Copy goes through the host to the clipboard; granting it keeps the browser from prompting.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return { browser, page };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Runs a command from the palette by its title, as a person would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const item = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await item.waitFor({ timeout: 15_000 });
  await input.press('Enter');
}

/**
 * Answers the open input box with a value and Enter. With a title, waits for the box of that title first: in a
 * series of boxes the next one replaces the last asynchronously, and typing too early would go to the old one.
 */
export async function answerInput(page: Page, value: string, title?: string): Promise<void> {
  if (title !== undefined) await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ timeout: 15_000 });
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(value);
  await input.press('Enter');
}

/** The document of a webview view: it sits in nested iframes, so every frame is searched for the selector. */
export async function findFrame(page: Page, selector: string, timeout = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      try {
        if (await frame.$(selector)) return frame;
      } catch {
        // A frame navigating away.
      }
    }
    if (Date.now() > deadline) throw new Error(`no frame holds ${selector}`);
    await page.waitForTimeout(250);
  }
}

/** Opens a workspace file with Quick Open, once the file search has listed it. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  // Quick Open fills its list as files are indexed, so Enter can land on another row than the one waited for;
  // the file counts as open only when its tab is the active one, and Quick Open is tried again otherwise.
  const activeTab = page.locator('.tabs-container .tab.active', { hasText: fileName });
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(fileName);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: 20_000 });
    await input.press('Enter');
    try {
      await activeTab.first().waitFor({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw new Error(`Quick Open did not open ${fileName} after ${attempt} tries: ${(error as Error).message}`);
      await page.keyboard.press('Escape');
    }
  }
}
