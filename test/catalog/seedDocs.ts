import { existsSync, readFileSync } from 'node:fs';

// The seed documents live beside the repository (../shared/seeds from the repo root), in CI too.
const seedsDir = new URL('../../../shared/seeds/', import.meta.url).pathname;

export const SEED = {
  iotcloud: '001_c81c756d1a35b2c1.txt',
  trro: '000_6d4a31d0899ffe48.txt',
  onenet: '002_4193b285f9b2baf9.txt',
  mxchip: '003_eaa5de85ac968f65.txt',
} as const;

/** A seed document's text; fails with a message saying where it was looked for. */
export function readSeed(file: string): string {
  const path = seedsDir + file;
  if (!existsSync(path)) throw new Error(`seed document missing: ${path} (the tests read ../shared/seeds from the repository root)`);
  return readFileSync(path, 'utf8');
}
