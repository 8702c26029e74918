// Bundled in place of the core's catalog/catalogLoader.js in the extension host (see build.mjs), as
// coreDefaultHashProvider.ts replaces its hash provider: the core asks for a service's full catalog the first time
// one of its actions is opened, validated or signed (core/src/catalog/catalog.ts), and this reads the slimmed file
// the build wrote to dist/data/catalog/ — synchronously, so the core's synchronous lookups keep working, and never at
// activation (test/e2e-vscode/extension-in-code-server.test.ts activates with the IoT Explorer file absent).
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CatalogLoader } from '@iot-devkit/core';

// extension.cjs sits in dist/, a lazy bundle in dist/lazy/: both read dist/data/catalog/.
const distDir = basename(__dirname) === 'lazy' ? dirname(__dirname) : __dirname;

// Only the index's own file names are asked for; anything else (a path, "..") is refused rather than read.
const FILE_NAME = /^[a-z0-9-]{1,64}\.json$/;

function loadSync(file: string): unknown {
  if (!FILE_NAME.test(file)) throw new Error(`catalog file name expected (like iotexplorer-2019-04-23.json), got ${JSON.stringify(file)}`);
  const path = join(distDir, 'data', 'catalog', file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`The API catalog file ${path} could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); reinstall the extension.`, {
      cause: error,
    });
  }
  return JSON.parse(text);
}

export const catalogLoader: CatalogLoader = { loadSync, load: async (file) => loadSync(file) };
