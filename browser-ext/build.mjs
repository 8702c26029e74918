#!/usr/bin/env node
// Builds the extension for Chrome and Firefox from one source: dist/chrome, dist/firefox and a zip of each.
// `node build.mjs --dev` skips minification; the zips are what a store upload takes.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipDirectory } from './scripts/zipDirectory.mjs';
import { writeIcons } from './scripts/writeIcons.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const finalDist = join(root, 'dist');
// Built beside dist and swapped in at the end, so a test reading dist never sees a half-written build.
const dist = join(root, `.dist-${process.pid}`);
const staging = join(dist, '.bundle');
const dev = process.argv.includes('--dev');

// The core's catalog loader (which imports every service's catalog, ~1.4 MB) becomes a fetch of the extension's own
// catalog/<file> on first use (src/background/catalogLoader.ts): background.js keeps only the index, and the catalog
// files are copied beside it, compact, one per service.
const catalogSource = join(root, '../core/src/catalog/data');
const coreCatalogLoader = {
  name: 'core-catalog-loader',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /[\\/]catalogLoader\.js$/ }, ({ importer }) =>
      /[\\/]core[\\/]src[\\/]catalog[\\/]/.test(importer) ? { path: join(root, 'src/background/catalogLoader.ts') } : undefined,
    );
  },
};
const catalogFiles = JSON.parse(readFileSync(join(catalogSource, 'index.json'), 'utf8')).services.map(({ service, file }) => ({
  service,
  file,
  text: JSON.stringify(JSON.parse(readFileSync(join(catalogSource, file), 'utf8'))),
}));

rmSync(dist, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    background: 'src/background/background.ts',
    popup: 'src/popup/popup.ts',
    editor: 'src/editor/editor.ts',
    devtools: 'src/devtools/devtools.ts',
    panel: 'src/devtools/panel.ts',
    // Monaco's workers as files of their own: MV3's CSP allows workers from 'self', never from blob: or a CDN.
    'editor.worker': 'monaco-editor/editor/editor.worker.js',
    'json.worker': 'monaco-editor/language/json/json.worker.js',
  },
  bundle: true,
  format: 'iife',
  target: ['chrome120', 'firefox128'],
  outdir: staging,
  minify: !dev,
  legalComments: 'none',
  loader: { '.ttf': 'file' },
  assetNames: '[name]',
  metafile: true,
  logLevel: 'warning',
  plugins: [coreCatalogLoader],
});
writeFileSync(join(dist, 'meta.json'), JSON.stringify(result.metafile));

const source = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
// The only per-browser differences: Chrome runs a service worker, Firefox an event page from `scripts`;
// Chrome rejects nothing but warns on the other's keys, so each build carries only its own.
const manifests = {
  chrome: () => {
    const { browser_specific_settings: _firefoxOnly, ...manifest } = structuredClone(source);
    manifest.background = { service_worker: source.background.service_worker };
    return manifest;
  },
  firefox: () => {
    const manifest = structuredClone(source);
    manifest.background = { scripts: source.background.scripts };
    return manifest;
  },
};

for (const [browser, manifestFor] of Object.entries(manifests)) {
  const out = join(dist, browser);
  mkdirSync(out, { recursive: true });
  cpSync(staging, out, { recursive: true });
  cpSync(join(root, 'static'), out, { recursive: true });
  cpSync(join(root, '_locales'), join(out, '_locales'), { recursive: true });
  mkdirSync(join(out, 'catalog'), { recursive: true });
  for (const { file, text } of catalogFiles) writeFileSync(join(out, 'catalog', file), text);
  writeIcons(join(out, 'icons'));
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifestFor(), null, 2));
  zipDirectory(out, join(dist, `iot-devkit-${browser}-${source.version}.zip`));
}
rmSync(staging, { recursive: true, force: true });
const old = join(root, `.dist-old-${process.pid}`);
if (existsSync(finalDist)) renameSync(finalDist, old);
renameSync(dist, finalDist);
rmSync(old, { recursive: true, force: true });
console.log(`browser-ext: built dist/chrome and dist/firefox (+ zips)${dev ? ' without minification' : ''}`);
// The budgets: popup.js < 150 KB (test/e2e-browser/extensionBuild.test.ts), and background.js without the catalogs.
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizeOf = (name) => statSync(join(finalDist, 'chrome', name)).size;
console.log(`browser-ext: popup.js ${kb(sizeOf('popup.js'))} (target < 150 KB), background.js ${kb(sizeOf('background.js'))} (the catalog index only)`);
console.log(
  `browser-ext: catalog per service in catalog/, each fetched on first use: ${catalogFiles.map(({ service, text }) => `${service} ${kb(Buffer.byteLength(text))}`).join(', ')}`,
);
