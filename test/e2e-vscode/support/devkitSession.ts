// The set-up the code-server e2e files share: a real emulator (demo data) on free ports, code-server with the packaged
// extension and the given user settings, Chromium on the workbench, and (unless asked not to) the demo key added as
// a profile through the palette, as a user starts. One helper, so the device-loop and shadow-push files cannot drift.
import assert from 'node:assert/strict';
import { readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CREDENTIAL, DEMO_PRODUCT_ID, type ShadowDocument } from '@iot-devkit/core';
import type { Browser, Page } from 'playwright-core';
import type { EmulatorServerOptions } from '../../../cli/src/emulator/startEmulator.js';
import { admin, startTestEmulator } from '../../emulator/harness.js';
import { startCodeServer, type RunningCodeServer } from './codeServer.js';
import { openSidebarWithProfile, openWorkbench, screenshot, SCREENSHOTS } from './workbench.js';

/** Whole documents are typed in: no auto-closing or auto-indent, so the text lands as written. */
export const TYPING = {
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoIndent': 'none',
  'editor.autoSurround': 'never',
  'editor.formatOnType': false,
};

/** A shadow as the shadow editor shows it, to type back in edited. */
export const renderShadow = (shadow: ShadowDocument) =>
  `${JSON.stringify({ state: shadow.state, metadata: shadow.metadata, version: shadow.version, timestamp: shadow.timestamp }, null, 2)}\n`;

export type TestEmulator = Awaited<ReturnType<typeof startTestEmulator>>;

export interface DevkitSession {
  readonly emulator: TestEmulator;
  readonly codeServer: RunningCodeServer;
  readonly browser: Browser;
  readonly page: Page;
  /** The device's shadow as the emulator holds it, read over its admin route (not from the UI). */
  shadow(deviceName: string, productId?: string): Promise<ShadowDocument>;
  close(): Promise<void>;
}

export interface DevkitSessionOptions {
  readonly emulator?: Partial<EmulatorServerOptions>;
  /** The user settings, which may name the emulator (a profile's endpoint or broker). */
  readonly settings: (emulator: TestEmulator) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Files for the workspace folder, by name. */
  readonly files?: Record<string, string>;
  readonly language?: 'zh-cn';
  /** Runs once the extension is installed, before the workbench opens (and so before the extension activates). */
  readonly beforeWorkbench?: (codeServer: RunningCodeServer) => void;
  /** Add the demo key as profile "e2e" through the palette (its titles in the session's language); default true. */
  readonly addProfile?: boolean;
}

/**
 * Moves the installed IoT Explorer catalog file aside and returns a function that puts it back. Issue 15: a
 * service's catalog is read the first time one of its actions is opened, never at activation, so everything up to
 * that point runs without it (and opening such an action names the file it could not read).
 */
export function setExplorerCatalogAside(codeServer: RunningCodeServer): () => void {
  const [installed] = readdirSync(codeServer.extensionsDir).filter((name) => name.includes('iot-devkit'));
  const file = join(codeServer.extensionsDir, installed!, 'dist/data/catalog/iotexplorer-2019-04-23.json');
  renameSync(file, `${file}.aside`);
  return () => renameSync(`${file}.aside`, file);
}

export async function startDevkitSession(options: DevkitSessionOptions): Promise<DevkitSession> {
  const emulator = await startTestEmulator(options.emulator ?? {});
  let codeServer: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await codeServer?.close();
    await emulator.close();
  };
  try {
    codeServer = await startCodeServer({
      settings: await options.settings(emulator),
      ...(options.files ? { files: options.files } : {}),
      ...(options.language ? { language: options.language } : {}),
    });
    options.beforeWorkbench?.(codeServer);
    const opened = await openWorkbench(codeServer.url);
    browser = opened.browser;
    console.log(`screenshots: ${SCREENSHOTS}`);
    if (options.addProfile !== false)
      await openSidebarWithProfile(
        opened.page,
        ['e2e', DEMO_CREDENTIAL.secretId, DEMO_CREDENTIAL.secretKey, 'ap-guangzhou', emulator.endpoint],
        options.language,
      );
    return {
      emulator,
      codeServer,
      browser,
      page: opened.page,
      async shadow(deviceName, productId = DEMO_PRODUCT_ID) {
        const { status, json } = await admin(emulator.endpoint, 'GET', `/devices/${productId}/${deviceName}/shadow`);
        assert.equal(status, 200, `the shadow of ${productId}/${deviceName}`);
        return json['shadow'] as ShadowDocument;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Wraps a test body so that a failure leaves a screenshot named `failed-<prefix>-<name>` beside the others. */
export const failureShot = (prefix: string, page: () => Page | undefined) => (name: string, fn: () => Promise<void>) => async (): Promise<void> => {
  try {
    await fn();
  } catch (error) {
    const current = page();
    if (current) await screenshot(current, `failed-${prefix}-${name}`).catch(() => undefined);
    throw error;
  }
};
