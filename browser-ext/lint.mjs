#!/usr/bin/env node
// `npm run lint`: Mozilla's addons-linter (through web-ext) on the Firefox build. Exits 1 on any error, and prints
// every warning with its file. Warnings inside Monaco's bundles (its own innerHTML and dynamic import) are expected.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const sourceDir = join(root, 'dist', 'firefox');
if (!existsSync(join(sourceDir, 'manifest.json'))) {
  console.error('lint: dist/firefox is missing; run npm run build first');
  process.exit(2);
}
// web-ext's exports do not include its bin; its entry (index.js) sits at the package root beside bin/.
const webExt = join(dirname(createRequire(import.meta.url).resolve('web-ext')), 'bin', 'web-ext.js');
const run = spawnSync(process.execPath, [webExt, 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-input', '--no-config-discovery'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`lint: web-ext did not print a JSON report (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
  process.exit(2);
}
for (const kind of ['errors', 'warnings', 'notices'])
  for (const m of report[kind]) console.log(`${kind.slice(0, -1)} ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`);
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
process.exit(report.summary.errors === 0 ? 0 : 1);
