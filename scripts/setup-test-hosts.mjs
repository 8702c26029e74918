#!/usr/bin/env node
// Installs what the real-host tests need (Debian's Chromium, code-server, …) before `npm test` runs them.
// Each installer is an idempotent shell script in scripts/setup/, run in name order; each must work on a fresh
// machine (root, Debian, npm registry and Debian packages only) and return quickly when its host is already there.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('./setup/', import.meta.url).pathname;
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.sh'))
  .sort();
for (const script of scripts) {
  const started = Date.now();
  const result = spawnSync('bash', [dir + script], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`setup: ${script} failed with exit code ${result.status}`);
    process.exit(result.status ?? 1);
  }
  console.log(`setup: ${script} ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
