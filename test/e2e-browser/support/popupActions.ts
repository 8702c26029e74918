import type { Page } from 'playwright-core';

/** Fills the Profiles form of an open popup the way a developer would, and saves. */
export async function addProfile(
  popup: Page,
  profile: { name: string; secretId: string; secretKey: string; endpoint: string; region?: string; passphrase?: string },
): Promise<void> {
  await popup.click('#tab-profiles');
  await popup.click('#profile-new');
  await popup.fill('#profile-name', profile.name);
  await popup.fill('#profile-secret-id', profile.secretId);
  await popup.fill('#profile-secret-key', profile.secretKey);
  await popup.fill('#profile-region', profile.region ?? 'ap-guangzhou');
  await popup.fill('#profile-endpoint', profile.endpoint);
  if (profile.passphrase !== undefined) {
    await popup.check('#profile-remember');
    await popup.fill('#profile-passphrase', profile.passphrase);
  }
  await popup.click('#profile-form button[type="submit"]');
  await popup.waitForSelector(`#profile-status:has-text(${JSON.stringify(profile.name)})`);
}

/** Waits until the popup has restored its draft and answers input (popup.ts sets data-ready). */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready]', { timeout: 10_000 });
}

/** Collects uncaught errors and console errors of a page, so a test can assert there were none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && errors.push(`console: ${message.text()}`));
  return errors;
}

/** Waits until exactly `count` elements match (history rows, list items). */
export async function waitForCount(page: Page, selector: string, count: number, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while ((await page.locator(selector).count()) !== count) {
    if (Date.now() - start > timeoutMs) throw new Error(`expected ${count} × ${selector}, found ${await page.locator(selector).count()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
