import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Screenshots of each run land here (outside the repo); the test prints the folder. */
export const SCREENSHOTS = join(tmpdir(), 'iot-devkit-e2e-vscode');

export async function openWorkbench(url: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
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
      if (attempt === 3) throw new Error(`Quick Open did not open ${fileName} after ${attempt} tries: ${(error as Error).message}`, { cause: error });
      await page.keyboard.press('Escape');
    }
  }
}

/** Polls `probe` until it gives a value (not undefined or false), or fails naming `what`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The five boxes of "Add Profile": name, SecretId, SecretKey (a password box), region, endpoint; titled in the UI language. */
export async function addProfile(page: Page, answers: readonly string[], language?: 'zh-cn'): Promise<void> {
  await runCommand(page, language === 'zh-cn' ? 'IoT Devkit: 添加凭证配置' : 'IoT Devkit: Add Profile');
  for (const [i, answer] of answers.entries()) await answerInput(page, answer, language === 'zh-cn' ? `（${i + 1}/5）` : `Add Profile (${i + 1}/5)`);
}

/**
 * As a user starts: the extension's sidebar first (the palette takes keys once the workbench is up), then a profile
 * added through the palette. Resolves with the sidebar's frame once it shows the profile.
 */
export async function openSidebarWithProfile(page: Page, answers: readonly string[], language?: 'zh-cn'): Promise<Frame> {
  await page.locator('.activitybar [aria-label="IoT Devkit"]').first().click();
  const sidebar = await findFrame(page, '#sign-form');
  await addProfile(page, answers, language);
  await sidebar.locator('#profile-name').waitFor();
  return sidebar;
}

/** The text of the first editor under `scope`, with the non-breaking spaces Monaco renders turned back into spaces. */
export const editorText = async (page: Page, scope = '.editor-instance') =>
  (await page.locator(`${scope} .monaco-editor .view-lines`).first().innerText()).replace(/\u00a0/g, ' ');

/** Replaces the whole document in the focused editor, as typed (auto-closing and auto-indent must be off). */
export async function typeDocument(page: Page, text: string): Promise<void> {
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}
