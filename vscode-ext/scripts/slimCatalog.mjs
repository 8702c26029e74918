// An esbuild plugin that drops from the bundled API catalog what no code path of the extension reads: the doc's
// worked examples (shown by the CLI's `catalog` command, not here), common-parameter and domain tables, the OCR and
// doc-issue logs, and source line numbers. Output tables and the fields of output-only structures are read for one
// thing only, which of them are secret (the core's secret policy drops DevicePsk from what is stored and shown,
// core/src/views/secretPolicy.ts): only their secret entries stay. Arrays become empty rather than absent, so the
// catalog keeps its declared shape.
// Which fields are safe to drop is checked by test/e2e-vscode/vsix.test.ts (no core source reads them).
//
// With { deflate: true } (the extension host only: it runs on Node) each slimmed catalog is shipped deflated and
// base64-encoded, and inflated once when the catalog module loads (~1 ms): esbuild would otherwise inline it as a
// 75 KB object literal, a quarter of the 300 KB the bundle may weigh. JSON.parse of a string is also the form V8
// parses fastest. The data is the same; test/e2e-vscode/vsix.test.ts checks it round-trips.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';

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

export function slimCatalog({ deflate = false } = {}) {
  return {
    name: 'slim-catalog',
    setup(build) {
      build.onLoad({ filter: /[\\/]core[\\/]src[\\/]catalog[\\/]data[\\/][^\\/]+\.json$/ }, ({ path }) => {
        const text = slimCatalogText(path);
        return deflate ? deflatedJsonModule(text) : { contents: text, loader: 'json' };
      });
    },
  };
}

/** A JSON text as an ES module that inflates it once at load (Node hosts only: it imports node:zlib). */
export function deflatedJsonModule(text) {
  const packed = deflateRawSync(text, { level: 9 }).toString('base64');
  return {
    contents: `import { inflateRawSync } from 'node:zlib';\nexport default JSON.parse(inflateRawSync(Buffer.from(${JSON.stringify(packed)}, 'base64')).toString('utf8'));\n`,
    loader: 'js',
  };
}

/**
 * The error code texts and fix hints (core/src/errors/data, ~31 KB as object literals) are read whole, so they are
 * shipped deflated as they are, like the catalog: the host bundle stays under its 300 KB.
 */
export function deflateErrorData() {
  return {
    name: 'deflate-error-data',
    setup(build) {
      build.onLoad({ filter: /[\\/]core[\\/]src[\\/]errors[\\/]data[\\/][^\\/]+\.json$/ }, ({ path }) =>
        deflatedJsonModule(JSON.stringify(JSON.parse(readFileSync(path, 'utf8')))),
      );
    },
  };
}
