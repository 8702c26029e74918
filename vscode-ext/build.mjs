#!/usr/bin/env node
// Bundles the extension host (dist/extension.cjs, CommonJS for VS Code's Node host, `vscode` external) and the
// sidebar webview (dist/webview.js, a browser IIFE, with the codicons it uses) and its styles, and prints each size:
// the target is under 300 KB minified for that activation path (what VS Code loads to activate and to show the
// sidebar), nothing excluded. Features used later live in lazily loaded host bundles (dist/lazy/NAME.cjs, one per
// src/lazy/NAME.ts, loaded with loadLazy() on first use) and are printed apart with their own sum; the catalog and
// error data are JSON files beside the host bundle (dist/data/), printed per file.
// `node build.mjs --watch` rebuilds on change, unminified with source maps.
import { context, build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codiconSubset } from './scripts/codiconSubset.mjs';
import { jsonDataFiles, slimCatalogText } from './scripts/slimCatalog.mjs';

const root = new URL('.', import.meta.url).pathname;
const dist = join(root, 'dist');
const watch = process.argv.includes('--watch');
const production = !watch;

// The core's default hash provider becomes node:crypto in the extension host (src/host/coreDefaultHashProvider.ts).
const nodeCryptoDefault = {
  name: 'node-crypto-default',
  setup(build) {
    build.onResolve({ filter: /[\\/]nobleHashProvider\.js$/ }, ({ importer }) =>
      /[\\/]core[\\/]src[\\/]/.test(importer) ? { path: join(root, 'src/host/coreDefaultHashProvider.ts') } : undefined,
    );
  },
};

// The core's catalog loader (which imports every service's catalog) becomes a read of dist/data/catalog/<file> on
// first use (src/host/coreCatalogLoader.ts); catalogFiles() writes those files, slimmed like the imported ones.
const coreCatalogLoader = {
  name: 'core-catalog-loader',
  setup(build) {
    build.onResolve({ filter: /[\\/]catalogLoader\.js$/ }, ({ importer }) =>
      /[\\/]core[\\/]src[\\/]catalog[\\/]/.test(importer) ? { path: join(root, 'src/host/coreCatalogLoader.ts') } : undefined,
    );
  },
};

/** Each service's full catalog as dist/data/catalog/<file>, read by the host when one of its actions is first used. */
function catalogFiles() {
  const source = join(root, '../core/src/catalog/data');
  const folder = join(dist, 'data/catalog');
  mkdirSync(folder, { recursive: true });
  for (const { file } of JSON.parse(readFileSync(join(source, 'index.json'), 'utf8')).services)
    writeFileSync(join(folder, file), slimCatalogText(join(source, file)));
}

// The example collection for the emulator's demo data (cli/examples), which Open Example Collection puts into the
// workspace: shipped as it is in the CLI, so the two never differ.
const EXAMPLE_FILES = ['emulator.http', 'iot-devkit.environments.json'];
function exampleFiles() {
  const folder = join(dist, 'examples');
  mkdirSync(folder, { recursive: true });
  for (const name of EXAMPLE_FILES) copyFileSync(join(root, '../cli/examples', name), join(folder, name));
}

const shared = { bundle: true, minify: production, sourcemap: watch, legalComments: 'none', logLevel: 'warning', charset: 'utf8' };
const builds = [
  {
    ...shared,
    entryPoints: [join(root, 'src/extension.ts')],
    outfile: join(dist, 'extension.cjs'),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [jsonDataFiles(dist), nodeCryptoDefault, coreCatalogLoader],
  },
  // One host bundle per src/lazy/*.ts: `vscode` stays external and the core is bundled again where a lazy feature
  // needs it (a lazy bundle must not reach into extension.cjs's module state; pass what it needs as arguments).
  ...(existsSync(join(root, 'src/lazy'))
    ? readdirSync(join(root, 'src/lazy'))
        .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts'))
        .map((name) => ({
          ...shared,
          entryPoints: [join(root, 'src/lazy', name)],
          outfile: join(dist, 'lazy', name.replace(/\.ts$/, '.cjs')),
          platform: 'node',
          format: 'cjs',
          target: 'node20',
          external: ['vscode'],
          plugins: [jsonDataFiles(dist, '..'), nodeCryptoDefault, coreCatalogLoader],
        }))
    : []),
  { ...shared, entryPoints: [join(root, 'media/sidebar.css')], outfile: join(dist, 'sidebar.css'), loader: { '.css': 'css' } },
  {
    ...shared,
    entryPoints: [join(root, 'src/webview/main.ts')],
    outfile: join(dist, 'webview.js'),
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    plugins: [codiconSubset(join(root, 'src/webview/codicons.json'))],
  },
];

function sizes() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith('.vsix') && !name.endsWith('.map')) files.push([path.slice(dist.length + 1), statSync(path).size]);
    }
  };
  walk(dist);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  // Code and styles are what the target is about; the data files (dist/data/, read by the host at load) are printed
  // per file and in sum, so a catalog that grows shows here.
  const isData = ([name]) => name.startsWith('data/');
  const isLazy = ([name]) => name.startsWith('lazy/');
  // The example collection is text the command copies, not code the activation loads.
  const isExample = ([name]) => name.startsWith('examples/');
  const sum = (list) => list.reduce((total, [, size]) => total + size, 0);
  const code = files.filter((f) => !isData(f) && !isLazy(f) && !isExample(f));
  const lazy = files.filter(isLazy);
  const data = files.filter(isData);
  for (const [name, size] of files.sort()) console.log(`  ${name.padEnd(40)} ${kb(size).padStart(9)}`);
  const total = sum(code);
  console.log(`vscode-ext: activation path (code and styles) ${kb(total)} minified in dist/ (target < 300 KB)${total >= 300 * 1024 ? ' — OVER TARGET' : ''}`);
  console.log(`vscode-ext: lazy features ${kb(sum(lazy))} in dist/lazy/ (${lazy.length} bundles, each loaded on first use)`);
  console.log(`vscode-ext: data ${kb(sum(data))} in dist/data/ (${data.length} files, read by the host when first imported)`);
  // Issue 15: each service's catalog is read the first time one of its actions is opened, not at activation.
  const services = JSON.parse(readFileSync(join(dist, 'data/catalog/index.json'), 'utf8')).services;
  const perService = services.map(({ service, file }) => `${service} ${kb(statSync(join(dist, 'data/catalog', file)).size)}`).join(', ');
  console.log(`vscode-ext: catalog per service, each read on first use: ${perService}`);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
if (watch) {
  catalogFiles();
  exampleFiles();
  for (const options of builds) await (await context(options)).watch();
  console.log('vscode-ext: watching src/ …');
} else {
  await Promise.all(builds.map((options) => build(options)));
  catalogFiles();
  exampleFiles();
  sizes();
}
