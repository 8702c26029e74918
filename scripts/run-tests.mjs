#!/usr/bin/env node
// Runs every *.test.ts in the workspace with Node's own test runner (TypeScript through tsx).
// Node 20's --test does not expand globs or pick up .ts files itself, hence this small finder.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// Every npm workspace, read from the root package.json so a new or moved workspace is never left out.
const roots = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces;
const skip = new Set(['node_modules', 'dist', '.tools', '.vscode-test']);
const filter = process.argv.slice(2);

function find(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (skip.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) find(path, out);
    else if (entry.name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out;
}

const files = roots
  .flatMap((r) => find(join(root, r), []))
  .filter((f) => filter.length === 0 || filter.some((p) => f.includes(p)))
  .sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
console.log(`running ${files.length} test files`);
// One TAP copy per run, so two runs at once (a developer and a watcher) never read each other's counts.
const tapFile = join(root, `test-results.${process.pid}.tap`);
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-timeout=600000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
// The plain closing line CI reads, taken from the TAP copy of the run.
const tap = readFileSync(tapFile, 'utf8');
rmSync(tapFile);
const count = (name) => Number([...tap.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))].pop()?.[1] ?? 0);
console.log(`${count('pass')} passed, ${count('fail')} failed, ${count('skipped')} skipped`);
process.exit(result.status ?? 1);
