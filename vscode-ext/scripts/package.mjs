#!/usr/bin/env node
// Packages dist/ into dist/iot-devkit-vscode.vsix with vsce. The bundle holds every dependency, so vsce does not
// walk node_modules (--no-dependencies); the manifest has no repository or licence file of its own (private build).
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist', 'iot-devkit-vscode.vsix');
const vsce = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
});
if (result.status !== 0) {
  process.stdout.write(result.stdout ?? '');
  process.exit(result.status ?? 1);
}
console.log(`vscode-ext: packaged ${out.slice(root.length)} (${(statSync(out).size / 1024).toFixed(1)} KB)`);
