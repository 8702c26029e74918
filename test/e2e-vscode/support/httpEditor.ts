import type { Page } from 'playwright-core';
import { quickOpen, runCommand } from './workbench.js';

// A .http file's editor as a person works it in code-server: its CodeLenses by title, the tabs Send opens, and the
// file opened again in the first group with its first line in view (a lens is drawn only for lines on screen).

/** The lenses titled `title` in the active group, top to bottom (their DOM order is not the file's). */
export async function lensesTitled(page: Page, title: string) {
  const lenses = page.locator('.editor-group-container.active .codelens-decoration a:visible', { hasText: title });
  await lenses.first().waitFor({ timeout: 30_000 });
  const found = await Promise.all((await lenses.all()).map(async (lens) => ({ lens, y: (await lens.boundingBox())?.y ?? 0 })));
  return found.sort((a, b) => a.y - b.y).map((f) => f.lens);
}

export const editorTab = (page: Page, title: string) => page.locator('.tabs-container .tab', { hasText: title });

/** The text of the editor in the tab `title`: the tab is clicked and its group's editor read. */
export async function tabText(page: Page, title: string): Promise<string> {
  await editorTab(page, title).first().click();
  return (await page.locator('.editor-group-container.active .editor-instance .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
}

/** `name` in the first group, scrolled to its first line (`firstLine`), so that every tab it opens beside lands in the second. */
export async function openHttpFile(page: Page, name: string, firstLine: string): Promise<void> {
  const top = page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: firstLine });
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+1');
    await quickOpen(page, name);
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.waitForTimeout(1500);
    if (await top.isVisible()) return;
    // Headless Chromium sometimes leaves the editor drawn scrolled to its last line after a tab opens beside it,
    // and no scrolling redraws it: the file is closed (unchanged) and opened again.
    if (attempt === 3) throw new Error(`${name} does not show its first line`);
    await runCommand(page, 'View: Close Editor');
  }
}
