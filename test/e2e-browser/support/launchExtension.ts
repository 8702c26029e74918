import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = new URL('../../../browser-ext/dist/chrome/', import.meta.url).pathname;
const BUILD = new URL('../../../browser-ext/build.mjs', import.meta.url).pathname;
export const CHROMIUM = '/usr/bin/chromium';

const SOURCES = [
  'browser-ext/src',
  'browser-ext/static',
  'browser-ext/_locales',
  'browser-ext/manifest.json',
  'browser-ext/build.mjs',
  'core/src',
  'core/package.json',
].map((p) => new URL(`../../../${p}`, import.meta.url).pathname);

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** npm test builds first; a single-file run builds here when a source is newer, so it never tests a stale extension. */
export function ensureExtensionBuilt(): void {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= Math.max(...SOURCES.map(newestChange))) return;
  const result = spawnSync(process.execPath, [BUILD], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`browser-ext build failed: ${result.stderr}`);
}

/**
 * DevTools opens with every tab (headless=new draws it like a headed browser); a CDP port lets the test reach the
 * DevTools window, which Playwright does not expose as a page.
 */
const DEVTOOLS_ARGS = ['--auto-open-devtools-for-tabs', '--remote-debugging-port=0'];

export interface LoadedExtension {
  readonly context: BrowserContext;
  readonly id: string;
  readonly worker: Worker;
  /** The browser's CDP port when launched with `devtools: true`. */
  readonly cdpPort?: number;
  /** Opens one of the extension's pages (popup.html, editor.html#shadow) in a tab. */
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, with the unpacked extension and a fresh profile (shared/notes: real Chromium in
 * tests). The extension id is read from its service worker's URL.
 */
export async function launchExtension(
  options: {
    locale?: string;
    devtools?: boolean;
    /** Reuse a profile (a browser restart); the caller removes it. */
    userDataDir?: string;
    /** Chromium's temporary directory (TMPDIR), so a test can search every file the browser wrote; the caller removes it. */
    tmpDir?: string;
  } = {},
): Promise<LoadedExtension> {
  ensureExtensionBuilt();
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'iot-devkit-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ...(options.locale ? { locale: options.locale } : {}),
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      ...(options.devtools ? DEVTOOLS_ARGS : []),
    ],
    ...(options.locale || options.tmpDir
      ? {
          env: {
            ...process.env,
            ...(options.locale ? { LANGUAGE: options.locale.replace('-', '_') } : {}),
            ...(options.tmpDir ? { TMPDIR: options.tmpDir } : {}),
          },
        }
      : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const id = new URL(worker.url()).host;
  // Chromium writes the port it picked for --remote-debugging-port=0 into the profile.
  const cdpPort = options.devtools ? Number(readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0]) : undefined;
  return {
    context,
    id,
    worker,
    ...(cdpPort !== undefined ? { cdpPort } : {}),
    async open(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
