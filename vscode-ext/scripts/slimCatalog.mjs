// What the extension build drops from the API catalog it ships what no code path of the extension reads: the doc's
// worked examples (shown by the CLI's `catalog` command, not here), common-parameter and domain tables, the OCR and
// doc-issue logs, and source line numbers. Output tables and the fields of output-only structures are read for one
// thing only, which of them are secret (the core's secret policy drops DevicePsk from what is stored and shown,
// core/src/views/secretPolicy.ts): only their secret entries stay. Arrays become empty rather than absent, so the
// catalog keeps its declared shape.
// Which fields are safe to drop is checked by test/e2e-vscode/vsix.test.ts (no core source reads them).
//
// The extension host ships each slimmed catalog, the error data and the diagnosis causes' texts as JSON files beside its bundle (dist/data/),
// read when the module that imports them loads (jsonDataFiles): esbuild would otherwise inline them as object
// literals, a third of the 300 KB the code may weigh, and #15's catalogs (every iotcloud and IoT Explorer action)
// would not fit at all. test/e2e-vscode/vsix.test.ts checks each file is exactly that data.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const DROPPED_ARRAYS = ['examples', 'ocrCorrections', 'docIssues', 'domains', 'usedBy'];
/** Arrays cut to their `secret: true` entries (with the fields of output-only structures). */
export const SECRET_ONLY_ARRAYS = ['outputs'];
const secretOnly = (fields) => fields.filter((f) => f && f.secret === true);
export const DROPPED_KEYS = ['line', 'constraintSources', 'commonParams'];

/** The catalog JSON text as the bundle ships it: fields no code path reads dropped. */
export function slimCatalogText(path) {
  const data = JSON.parse(readFileSync(path, 'utf8'), (key, value) => {
    if (DROPPED_KEYS.includes(key)) return undefined;
    if (DROPPED_ARRAYS.includes(key) && Array.isArray(value)) return [];
    if (SECRET_ONLY_ARRAYS.includes(key) && Array.isArray(value)) return secretOnly(value);
    if (value && value.input === false && Array.isArray(value.fields)) return { ...value, fields: secretOnly(value.fields) };
    return value;
  });
  return JSON.stringify(data);
}

/** Where each data file of the core (`source`) lands under dist/ (`folder`), and the text it is shipped as. */
const compact = (path) => JSON.stringify(JSON.parse(readFileSync(path, 'utf8')));
export const DATA_FILES = [
  { filter: /[\\/]core[\\/]src[\\/]catalog[\\/]data[\\/][^\\/]+\.json$/, folder: 'data/catalog', source: 'core/src/catalog/data', text: slimCatalogText },
  { filter: /[\\/]core[\\/]src[\\/]errors[\\/]data[\\/][^\\/]+\.json$/, folder: 'data/errors', source: 'core/src/errors/data', text: compact },
  { filter: /[\\/]core[\\/]src[\\/]diagnosis[\\/]data[\\/][^\\/]+\.json$/, folder: 'data/diagnosis', source: 'core/src/diagnosis/data', text: compact },
];

/**
 * The extension host's data as files beside the bundle (Node hosts only: the module reads it with node:fs). Each JSON
 * import becomes a module that parses its file once, when first imported; JSON.parse of a string is also the form V8
 * parses fastest.
 */
export function jsonDataFiles(dist) {
  return {
    name: 'json-data-files',
    setup(build) {
      for (const { filter, folder, text } of DATA_FILES)
        build.onLoad({ filter }, ({ path }) => {
          const file = join(dist, folder, basename(path));
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, text(path));
          return {
            // dist/ for extension.cjs, dist/lazy/ for a lazily loaded bundle: both read dist/data/.
            contents: `import { readFileSync } from 'node:fs';\nimport { basename, join } from 'node:path';\nexport default JSON.parse(readFileSync(join(__dirname, basename(__dirname) === 'lazy' ? '..' : '', ${JSON.stringify(`${folder}/${basename(path)}`)}), 'utf8'));\n`,
            loader: 'js',
          };
        });
    },
  };
}
