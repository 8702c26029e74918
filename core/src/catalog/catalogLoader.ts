// Where the full service catalogs come from (./catalog.ts asks for a file named by data/index.json). This default
// imports every file, for hosts that may load everything: the CLI, the emulator's Node host and the tests. The
// extension builds replace this module, as they replace the default hash provider: VS Code with a synchronous read
// of dist/data/catalog/<file> on first use (vscode-ext/src/host/catalogLoader.ts), the browser with a fetch of the
// extension's own catalog/<file> (browser-ext/src/background/catalogLoader.ts), so neither activation nor the service
// worker's bundle carries ~1.4 MB of catalog.
import iotcloudData from './data/iotcloud-2021-04-08.json';
import trroData from './data/trro-2022-03-25.json';
import iotexplorerData from './data/iotexplorer-2019-04-23.json';

export interface CatalogLoader {
  /** The file's parsed JSON, synchronously; absent where data can only be fetched (the browser), so callers await `load`. */
  readonly loadSync?: (file: string) => unknown;
  readonly load: (file: string) => Promise<unknown>;
}

const FILES: Readonly<Record<string, unknown>> = {
  'iotcloud-2021-04-08.json': iotcloudData,
  'trro-2022-03-25.json': trroData,
  'iotexplorer-2019-04-23.json': iotexplorerData,
};

function loadSync(file: string): unknown {
  if (!Object.prototype.hasOwnProperty.call(FILES, file)) throw new Error(`no catalog file named ${file}`);
  return FILES[file];
}

export const catalogLoader: CatalogLoader = { loadSync, load: async (file) => loadSync(file) };
