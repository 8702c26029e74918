// Bundled in place of the core's catalog/catalogLoader.js in the service worker (see ../../build.mjs), as the VS Code
// host replaces it with a file read: a service's full catalog is fetched from the extension's own catalog/<file>
// (written by the build) the first time one of its actions is described or signed, so background.js carries only the
// index. There is no synchronous read in a service worker: the handlers await loadCatalogOf first (catalogHandlers.ts,
// checkAndSign.ts's loadCatalogFor), and a lookup that did not raises the core's CatalogNotLoadedError.
import type { CatalogLoader } from '@iot-devkit/core';
import { runtime } from '../browserApi.js';

// Only the index's own file names are asked for; anything else is refused rather than fetched.
const FILE_NAME = /^[a-z0-9-]{1,64}\.json$/;

async function load(file: string): Promise<unknown> {
  if (!FILE_NAME.test(file)) throw new Error(`catalog file name expected (service-version.json, as the catalog index names it), got ${JSON.stringify(file)}`);
  const url = runtime.getURL(`catalog/${file}`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The API catalog file ${url} could not be read (HTTP ${response.status}); reinstall the extension.`);
  return response.json();
}

export const catalogLoader: CatalogLoader = { load };
