#!/usr/bin/env node
// Bundles the desktop suite (suite/index.ts → dist-test/suite.cjs, `vscode` external) and runs it with
// @vscode/test-electron. Needs a desktop VS Code (downloaded, or VSCODE_EXECUTABLE).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
await build({
  entryPoints: [join(root, 'test-electron/suite/index.ts')],
  outfile: join(root, 'dist-test/suite.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test-electron/runTest.ts')], { stdio: 'inherit' });
process.exit(result.status ?? 1);
