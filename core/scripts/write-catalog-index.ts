#!/usr/bin/env node
// Writes core/src/catalog/data/index.json, the always-loaded part of the catalog (catalogIndex.ts), from the full
// service files beside it. Run after extract-catalog.mjs changes the data:
//   node --import tsx core/scripts/write-catalog-index.ts            # rewrite (prints each part's size)
//   node --import tsx core/scripts/write-catalog-index.ts --check    # exit 1 when the committed index is stale
// The order of SERVICE_FILES is the catalog's service order: an action name two services share (DescribeDevice:
// iotcloud and iotexplorer) resolves to the first when no service is named, as before the index existed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceIndexOf, type CatalogIndex } from '../src/catalog/catalogIndex.js';
import type { ServiceCatalog } from '../src/catalog/types.js';

export const SERVICE_FILES = ['iotcloud-2021-04-08.json', 'trro-2022-03-25.json', 'iotexplorer-2019-04-23.json'] as const;

const dataDir = new URL('../src/catalog/data/', import.meta.url).pathname;
const serialize = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;

export function buildCatalogIndex(): CatalogIndex {
  return { services: SERVICE_FILES.map((file) => serviceIndexOf(JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as ServiceCatalog, file)) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = serialize(buildCatalogIndex());
  const path = join(dataDir, 'index.json');
  if (process.argv.includes('--check')) {
    const stale = readFileSync(path, 'utf8') !== text;
    if (stale) console.error('stale: core/src/catalog/data/index.json; run node --import tsx core/scripts/write-catalog-index.ts');
    process.exit(stale ? 1 : 0);
  }
  writeFileSync(path, text);
  console.log(
    `core/src/catalog/data/index.json: ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB (${(Buffer.byteLength(JSON.stringify(JSON.parse(text))) / 1024).toFixed(1)} KB compact)`,
  );
  for (const file of SERVICE_FILES)
    console.log(`  ${file}: ${(Buffer.byteLength(readFileSync(join(dataDir, file))) / 1024).toFixed(1)} KB, loaded on first use`);
}
