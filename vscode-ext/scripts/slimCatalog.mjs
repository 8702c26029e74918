// An esbuild plugin that drops from the bundled API catalog what no code path of the extension reads: the doc's
// worked examples and output tables (shown by the CLI's `catalog` command, not here), the fields of output-only
// structures (validation walks input structures only), common-parameter and domain tables, the OCR and doc-issue
// logs, and source line numbers. Arrays become empty rather than absent, so the catalog keeps its declared shape.
// Which fields are safe to drop is checked by test/e2e-vscode/bundle.test.ts (no core source reads them).
import { readFileSync } from 'node:fs';

export const DROPPED_ARRAYS = ['examples', 'outputs', 'ocrCorrections', 'docIssues', 'domains', 'usedBy'];
export const DROPPED_KEYS = ['line', 'constraintSources', 'commonParams'];

export function slimCatalog() {
  return {
    name: 'slim-catalog',
    setup(build) {
      build.onLoad({ filter: /[\\/]core[\\/]src[\\/]catalog[\\/]data[\\/][^\\/]+\.json$/ }, ({ path }) => {
        const data = JSON.parse(readFileSync(path, 'utf8'), (key, value) => {
          if (DROPPED_KEYS.includes(key)) return undefined;
          if (DROPPED_ARRAYS.includes(key) && Array.isArray(value)) return [];
          if (value && value.input === false && Array.isArray(value.fields)) return { ...value, fields: [] };
          return value;
        });
        return { contents: JSON.stringify(data), loader: 'json' };
      });
    },
  };
}
