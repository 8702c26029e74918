// Loads a feature bundle from dist/lazy/ the first time it is used, so that what only some users need (the MQTT
// client, the .http language features …) is not read at activation (build.mjs builds one bundle per src/lazy/*.ts).
// A lazy bundle is a separate copy of what it imports: pass it the services it needs, never share module state.
import { join } from 'node:path';

const loaded = new Map<string, unknown>();

/** The exports of dist/lazy/NAME.cjs, loaded once. `NAME` is the file name of src/lazy/NAME.ts. */
export function loadLazy<T>(name: string): T {
  if (!loaded.has(name)) {
    // `__dirname` is dist/ in the bundle (extension.cjs is CommonJS); a plain require keeps esbuild from bundling it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded.set(name, require(join(__dirname, 'lazy', `${name}.cjs`)) as unknown);
  }
  return loaded.get(name) as T;
}
