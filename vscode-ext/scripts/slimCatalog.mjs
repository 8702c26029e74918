// An esbuild plugin that drops from the bundled API catalog what no code path of the extension reads: the doc's
// worked examples and output tables (shown by the CLI's `catalog` command, not here) but for their secret fields,
// the other fields of output-only structures (validation walks input structures only), common-parameter and domain tables, the OCR and doc-issue
// logs, and source line numbers. Arrays become empty rather than absent, so the catalog keeps its declared shape.
// Which fields are safe to drop is checked by test/e2e-vscode/bundle.test.ts (no core source reads them).
//
// With { deflate: true } (the extension host only: it runs on Node) each slimmed catalog is shipped deflated and
// base64-encoded, and inflated once when the catalog module loads (~1 ms): esbuild would otherwise inline it as a
// 75 KB object literal, a quarter of the 300 KB the bundle may weigh. JSON.parse of a string is also the form V8
// parses fastest. The data is the same; test/e2e-vscode/vsix.test.ts checks it round-trips.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';

export const DROPPED_ARRAYS = ['examples', 'ocrCorrections', 'docIssues', 'domains', 'usedBy'];
export const DROPPED_KEYS = ['line', 'constraintSources', 'commonParams'];
/**
 * Output tables and output-only structures keep only their `secret: true` fields: the core's secret policy
 * (core/src/views/secretPolicy.ts) reads those to know what history and webview state must not keep.
 */
export const SECRET_ONLY_ARRAYS = ['outputs'];

const secretOnly = (fields) => fields.filter((field) => field && field.secret === true);

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
        if (!deflate) return { contents: text, loader: 'json' };
        const packed = deflateRawSync(text, { level: 9 }).toString('base64');
        return { contents: `import { inflateRawSync } from 'node:zlib';\nexport default JSON.parse(inflateRawSync(Buffer.from(${JSON.stringify(packed)}, 'base64')).toString('utf8'));\n`, loader: 'js' };
      });
    },
  };
}
