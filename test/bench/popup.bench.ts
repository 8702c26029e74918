import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DEMO_CREDENTIAL } from '@iot-devkit/core';
import { startTestEmulator } from '../emulator/harness.js';
import { ensureExtensionBuilt, EXTENSION_DIR, launchExtension } from '../e2e-browser/support/launchExtension.js';
import { addProfile, waitReady } from '../e2e-browser/support/popupActions.js';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The browser extension's popup: what it downloads (its own bundle, no Monaco) and how soon it answers input in
 * Debian's Chromium — from navigation start to the moment popup.ts marks the page ready (profiles listed, draft
 * restored), over fresh opens of the popup page with a profile and a draft in place, as a developer has them.
 */
export async function bench(): Promise<string[]> {
  // Built before its size is read: launchExtension rebuilds a stale extension, and the size must be of that build.
  ensureExtensionBuilt();
  const files = ['popup.js', 'popup.html', 'pages.css', 'popup.css'];
  const sizes = files.map((f) => statSync(`${EXTENSION_DIR}${f}`).size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const script = readFileSync(`${EXTENSION_DIR}popup.js`);

  const emulator = await startTestEmulator();
  const ext = await launchExtension();
  const opens: number[] = [];
  const scriptStarts: number[] = [];
  try {
    const setup = await ext.open('popup.html');
    await waitReady(setup);
    await addProfile(setup, { name: 'bench', secretId: DEMO_CREDENTIAL.secretId, secretKey: DEMO_CREDENTIAL.secretKey, endpoint: emulator.endpoint });
    await setup.click('#tab-request');
    await setup.fill('#action', 'DescribeDevice');
    await setup.close();
    // One warm-up open (Chromium compiles the script once), then the measured ones.
    for (let i = 0; i < 12; i++) {
      const page = await ext.open('popup.html');
      await waitReady(page);
      if (i > 0) {
        opens.push(Number(await page.getAttribute('body', 'data-ready')));
        scriptStarts.push(Number(await page.getAttribute('body', 'data-script-start')));
      }
      await page.close();
    }
  } finally {
    await ext.close();
    await emulator.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  opens.sort((a, b) => a - b);
  return [
    'Browser extension popup (Debian Chromium, headless)',
    `  popup.js ${kb(sizes[0]!)} (${kb(gzipSync(script).length)} gzipped); with its HTML and CSS ${kb(total)}; Monaco is not in it   (target < 150 KB)`,
    `  first interactive render: median ${median(opens)} ms, ${opens[0]}–${opens.at(-1)} ms over ${opens.length} opens   (target < 200 ms)`,
    `    of which before popup.js starts (Chromium setting up an extension page's script context): median ${median(scriptStarts)} ms`,
  ];
}
