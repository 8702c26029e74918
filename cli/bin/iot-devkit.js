#!/usr/bin/env node
// Thin launcher: the CLI is bundled by `npm run build` into ../dist so it starts fast and needs no TypeScript at run time.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/iot-devkit.mjs', import.meta.url);
if (!existsSync(bundle)) {
  console.error('iot-devkit is not built yet: run `npm run build` at the repository root first.');
  process.exit(2);
}
await import(bundle.href);
