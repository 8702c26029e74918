import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ensureExtensionBuilt } from './support/launchExtension.js';

const dist = new URL('../../browser-ext/dist/', import.meta.url).pathname;
const lint = new URL('../../browser-ext/lint.mjs', import.meta.url).pathname;
// Our own bundles; Monaco's (editor.js and its workers) carry its DOM code, which we do not rewrite.
const OWN_SCRIPTS = ['background.js', 'popup.js', 'devtools.js', 'panel.js'];

test('web-ext lint on the Firefox build reports no errors, and no warning in our own code', () => {
  ensureExtensionBuilt();
  const run = spawnSync(process.execPath, [lint], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /web-ext lint: 0 errors/);
  const ownWarnings = run.stdout.split('\n').filter((line) => /^(warning|notice)/.test(line) && !/ (editor|editor\.worker|json\.worker)\.js[: ]/.test(line));
  assert.deepEqual(ownWarnings, []);
});

test('both builds: one manifest source, per-browser background, strict CSP, limited hosts; no eval anywhere', () => {
  ensureExtensionBuilt();
  const chrome = JSON.parse(readFileSync(join(dist, 'chrome/manifest.json'), 'utf8'));
  const firefox = JSON.parse(readFileSync(join(dist, 'firefox/manifest.json'), 'utf8'));
  assert.deepEqual(chrome.background, { service_worker: 'background.js' });
  assert.deepEqual(firefox.background, { scripts: ['background.js'] });
  assert.equal(chrome.browser_specific_settings, undefined);
  assert.equal(firefox.browser_specific_settings.gecko.id, 'browser-ext@iot-devkit');
  for (const manifest of [chrome, firefox]) {
    assert.equal(manifest.manifest_version, 3);
    assert.equal(manifest.content_security_policy.extension_pages, "script-src 'self'; object-src 'self'");
    assert.deepEqual(manifest.permissions, ['storage']);
    assert.deepEqual(manifest.host_permissions, [
      'https://*.tencentcloudapi.com/*',
      'http://api.onenet.hk.chinamobile.com/*',
      'http://127.0.0.1/*',
      'http://localhost/*',
    ]);
  }
  for (const browser of ['chrome', 'firefox']) {
    const scripts = readdirSync(join(dist, browser)).filter((f) => f.endsWith('.js'));
    for (const file of scripts) {
      const code = readFileSync(join(dist, browser, file), 'utf8');
      assert.doesNotMatch(code, /\beval\(|new Function\(/, `${browser}/${file}`);
      assert.doesNotMatch(code, /https?:\/\/(cdn|unpkg|cdnjs|jsdelivr)/i, `${browser}/${file} loads nothing remote`);
      if (OWN_SCRIPTS.includes(file)) assert.doesNotMatch(code, /innerHTML|insertAdjacentHTML|outerHTML/, `${browser}/${file} renders text, never HTML`);
    }
  }
  for (const zip of [`iot-devkit-chrome-${chrome.version}.zip`, `iot-devkit-firefox-${firefox.version}.zip`])
    assert.ok(
      readFileSync(join(dist, zip))
        .subarray(0, 4)
        .equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
      `${zip} is a zip`,
    );
});

test("popup.js takes the credential schemes from the core's barrel and nothing the popup does not use", () => {
  ensureExtensionBuilt();
  // esbuild's record of the last build: which source files each bundle holds, and how many bytes of each.
  const meta = JSON.parse(readFileSync(join(dist, 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  const popup = Object.entries(meta.outputs).find(([file]) => file.endsWith('/popup.js'))?.[1];
  assert.ok(popup, 'the build recorded popup.js');
  const core = Object.entries(popup.inputs)
    .filter(([file, { bytesInOutput }]) => file.startsWith('../core/src/') && bytesInOutput > 0)
    .map(([file]) => file);
  // The core's "sideEffects": false lets esbuild drop the barrel's other modules; without it the catalog data,
  // the diagnosis rules and the error hints came too (popup.js 329 KB instead of 38 KB). What the popup renders
  // itself (issue 16): the response panel's JSON tree, the history rows and the tablist keys — no data.
  assert.deepEqual(core.sort(), [
    '../core/src/credentials/credentialSchemes.ts',
    '../core/src/encoding/parseJsonBounded.ts',
    '../core/src/views/historyEntryView.ts',
    '../core/src/views/responseView.ts',
    '../core/src/views/tablistKeys.ts',
  ]);
});

test('background.js holds the catalog index only; each service catalog is its own file in catalog/, exactly the data (issue 15)', () => {
  ensureExtensionBuilt();
  const meta = JSON.parse(readFileSync(join(dist, 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  const catalogData = (output: string) =>
    Object.entries(Object.entries(meta.outputs).find(([file]) => file.endsWith(`/${output}`))?.[1].inputs ?? {})
      .filter(([file, { bytesInOutput }]) => file.startsWith('../core/src/catalog/data/') && bytesInOutput > 0)
      .map(([file]) => file.slice('../core/src/catalog/data/'.length))
      .sort();
  assert.deepEqual(catalogData('background.js'), ['index.json', 'mxchip-v3.json', 'onenet.json']);
  for (const page of ['popup.js', 'editor.js', 'devtools.js', 'panel.js']) assert.deepEqual(catalogData(page), [], `${page} holds no catalog data`);
  const source = new URL('../../core/src/catalog/data/', import.meta.url).pathname;
  const index = JSON.parse(readFileSync(join(source, 'index.json'), 'utf8')) as { services: { file: string }[] };
  for (const browser of ['chrome', 'firefox']) {
    assert.deepEqual(readdirSync(join(dist, browser, 'catalog')).sort(), index.services.map((s) => s.file).sort());
    for (const { file } of index.services)
      assert.deepEqual(
        JSON.parse(readFileSync(join(dist, browser, 'catalog', file), 'utf8')),
        JSON.parse(readFileSync(join(source, file), 'utf8')),
        `${browser}/catalog/${file}`,
      );
    const background = readFileSync(join(dist, browser, 'background.js'), 'utf8');
    // A parameter description only the full IoT Explorer catalog has (ControlDeviceData's Data) is not in the bundle.
    assert.doesNotMatch(background, /属性数据, JSON格式字符串/);
    assert.ok(
      background.length < 600 * 1024,
      `${browser}/background.js is ${(background.length / 1024).toFixed(1)} KB; it was 1.41 MB with every catalog inlined`,
    );
  }
});
