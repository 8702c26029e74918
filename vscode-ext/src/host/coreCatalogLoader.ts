// Bundled in place of the core's catalog/catalogLoader.js in the extension host (see build.mjs), as
// coreDefaultHashProvider.ts replaces its hash provider: the core asks for a service's full catalog the first time
// one of its actions is opened, validated or signed (core/src/catalog/catalog.ts), and this reads the slimmed file
// the build wrote to dist/data/catalog/ — synchronously, so the core's synchronous lookups keep working, and never at
// activation (test/e2e-vscode/extension-in-code-server.test.ts activates with the IoT Explorer file absent). The file
// name comes from the core's own index (data/index.json), never from a user.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CatalogLoader } from '@iot-devkit/core';

function loadSync(file: string): unknown {
  // extension.cjs sits in dist/, a lazy bundle in dist/lazy/: both read dist/data/catalog/.
  const path = join(basename(__dirname) === 'lazy' ? dirname(__dirname) : __dirname, 'data', 'catalog', file);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`The API catalog file ${path} could not be read (${String(error)}); reinstall the extension.`, { cause: error });
  }
}

export const catalogLoader: CatalogLoader = { loadSync, load: async (file) => loadSync(file) };
