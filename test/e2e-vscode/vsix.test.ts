// What `npm run build` ships: the .vsix holds the bundles and the manifest files, nothing else, under the size
// target; and the build's catalog slimming drops only fields no core code reads.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { REPO_ROOT, VSIX } from './support/codeServer.js';
import { DATA_FILES, DROPPED_ARRAYS, DROPPED_KEYS, SECRET_ONLY_ARRAYS, slimCatalogText } from '../../vscode-ext/scripts/slimCatalog.mjs';

const EXAMPLES = join(REPO_ROOT, 'cli/examples');
const EXAMPLE_FILES = readdirSync(EXAMPLES);
const LAZY_SOURCES = join(REPO_ROOT, 'vscode-ext/src/lazy');
const LAZY_BUNDLES = readdirSync(LAZY_SOURCES)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
  .map((f) => f.replace(/\.ts$/, ''));

interface ZipEntry {
  readonly name: string;
  readonly size: number;
  read(): Buffer;
}

/** The entries of a zip, from its central directory (a .vsix is a plain zip: stored or deflated entries). */
function readZip(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'a zip end-of-central-directory record');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(offset + 10);
    const compressed = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extra = zip.readUInt16LE(offset + 30);
    const comment = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({
      name,
      size,
      read: () => {
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const data = zip.subarray(start, start + compressed);
        return method === 0 ? data : inflateRawSync(data);
      },
    });
    offset += 46 + nameLength + extra + comment;
  }
  return entries;
}

describe('the packaged .vsix', () => {
  const entries = readZip(readFileSync(VSIX));
  const names = entries.map((e) => e.name).sort();

  it('holds the bundles, the manifest and its translations, the schema and the icon — no sources, maps or modules', () => {
    assert.deepEqual(
      names,
      [
        '[Content_Types].xml',
        'extension.vsixmanifest',
        ...DATA_FILES.flatMap(({ source, folder }) =>
          readdirSync(join(REPO_ROOT, source))
            .filter((f) => f.endsWith('.json'))
            .map((f) => `extension/dist/${folder}/${f}`),
        ),
        'extension/dist/extension.cjs',
        // The example collection Open Example Collection copies (cli/examples, as the CLI ships it).
        ...EXAMPLE_FILES.map((name) => `extension/dist/examples/${name}`),
        // One lazily loaded bundle per vscode-ext/src/lazy/*.ts (vscode-ext/build.mjs).
        ...LAZY_BUNDLES.map((name) => `extension/dist/lazy/${name}.cjs`),
        'extension/dist/sidebar.css',
        'extension/dist/webview.js',
        'extension/l10n/bundle.l10n.zh-cn.json',
        'extension/media/iot-devkit.svg',
        'extension/package.json',
        'extension/package.nls.json',
        'extension/package.nls.zh-cn.json',
        'extension/readme.md',
        'extension/schemas/shadow.schema.json',
        // The http language (.http/.rest files): its grammar and comment/folding rules.
        'extension/syntaxes/http.language-configuration.json',
        'extension/syntaxes/http.tmLanguage.json',
      ].sort(),
    );
  });

  it('ships its activation path (host bundle, sidebar script and styles) under 300 KB minified, nothing excluded', () => {
    // Features loaded on first use live in dist/lazy/ (vscode-ext/src/host/loadLazy.ts); data in dist/data/; the
    // example collection (text a command copies) in dist/examples/.
    const dist = entries.filter(
      (e) =>
        e.name.startsWith('extension/dist/') &&
        !e.name.startsWith('extension/dist/data/') &&
        !e.name.startsWith('extension/dist/lazy/') &&
        !e.name.startsWith('extension/dist/examples/'),
    );
    const total = dist.reduce((sum, e) => sum + e.size, 0);
    assert.ok(total < 300 * 1024, `${(total / 1024).toFixed(1)} KB`);
  });

  it('ships the example collection exactly as cli/examples has it', () => {
    for (const name of EXAMPLE_FILES)
      assert.equal(
        entries
          .find((e) => e.name === `extension/dist/examples/${name}`)
          ?.read()
          .toString('utf8'),
        readFileSync(join(EXAMPLES, name), 'utf8'),
        name,
      );
  });

  it('declares VS Code ^1.100.0, the CommonJS bundle and lazy activation', () => {
    const manifest = JSON.parse(
      entries
        .find((e) => e.name === 'extension/package.json')!
        .read()
        .toString('utf8'),
    ) as { engines: { vscode: string }; main: string; activationEvents: string[] };
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.equal(manifest.main, './dist/extension.cjs');
    assert.ok(!manifest.activationEvents.includes('*') && !manifest.activationEvents.includes('onStartupFinished'));
  });

  it("ships each slimmed catalog, the error data and the causes' rules as JSON files beside the host bundle, holding exactly that data", () => {
    // The catalogs slimmed, the error texts and hints and the causes' rules as they are.
    const expected = new Map<string, string>(
      DATA_FILES.flatMap(({ source, folder, text }) =>
        readdirSync(join(REPO_ROOT, source))
          .filter((f) => f.endsWith('.json'))
          .map((f) => [`extension/dist/${folder}/${f}`, text(join(REPO_ROOT, source, f))] as const),
      ),
    );
    const shipped = entries.filter((e) => e.name.startsWith('extension/dist/data/'));
    assert.deepEqual(shipped.map((e) => e.name).sort(), [...expected.keys()].sort(), 'every catalog and error data file is shipped');
    for (const entry of shipped) assert.equal(entry.read().toString('utf8'), expected.get(entry.name), entry.name);
    const host = entries
      .find((e) => e.name === 'extension/dist/extension.cjs')!
      .read()
      .toString('utf8');
    // Each service's full catalog is read on first use by the host's catalog loader (src/host/coreCatalogLoader.ts),
    // which joins the index's file name to dist/data/catalog/: the bundle names no service file, so nothing imports one.
    const onFirstUse = new Set(
      (JSON.parse(readFileSync(join(REPO_ROOT, 'core/src/catalog/data/index.json'), 'utf8')) as { services: { file: string }[] }).services.map(
        (s) => `extension/dist/data/catalog/${s.file}`,
      ),
    );
    assert.match(host, /"data","catalog"/);
    // Read from the files, not inlined as well: no stretch of the data is in the host bundle.
    for (const [name, text] of expected) {
      if (onFirstUse.has(name)) assert.ok(!host.includes(name.slice('extension/dist/data/catalog/'.length)), `${name} is read on first use only`);
      else assert.ok(host.includes(name.slice('extension/dist/'.length)), `the host reads ${name}`);
      // Its longest string, inlined, would appear as it is (esbuild keeps string literals).
      let longest = '';
      JSON.parse(text, (_key, value: unknown) => {
        if (typeof value === 'string' && value.length > longest.length) longest = value;
        return value;
      });
      assert.ok(longest.length > 40 && !host.includes(longest), `${name} is not inlined in the host bundle`);
    }
  });

  it('bundles node:crypto as the core default, not the pure-JS hashes', () => {
    const host = entries
      .find((e) => e.name === 'extension/dist/extension.cjs')!
      .read()
      .toString('utf8');
    assert.match(host, /require\("node:crypto"\)|require\("crypto"\)/);
    assert.doesNotMatch(host, /@noble\/hashes/);
  });
});

describe('the catalog slimming of the extension build', () => {
  it('drops only fields that no core source reads', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? sources(join(dir, e.name))
          : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && e.name !== 'types.ts'
            ? [join(dir, e.name)]
            : [],
      );
    const dropped = [...DROPPED_ARRAYS, ...DROPPED_KEYS];
    for (const file of sources(join(REPO_ROOT, 'core/src'))) {
      const text = readFileSync(file, 'utf8');
      // "line" is a common name (a diff's line, a position in a .http file); it only counts where catalog items are at
      // hand: in the catalog's own folder, or a file importing the modules that hand them out (catalog.js, types.ts) —
      // not one that borrows its did-you-mean. The path inside the repository: a checkout in a folder named like
      // sdk-catalog/ must not count.
      const usesCatalog = /catalog\//.test(file.slice(REPO_ROOT.length)) || /from '[./]*catalog\/(catalog|types)\.js'/.test(text);
      for (const field of dropped.filter((f) => f !== 'line' || usesCatalog))
        assert.doesNotMatch(text, new RegExp(`\\.${field}\\b|\\['${field}'\\]`), `${file.slice(REPO_ROOT.length)} reads ${field}`);
      // Output-only structures lose their fields: nothing may look a structure's fields up by "input".
      assert.doesNotMatch(text, /\.input\b/, `${file.slice(REPO_ROOT.length)} reads StructureSpec.input`);
      // Outputs ship with their secret entries only, for the secret policy: a new reader would need them whole.
      for (const field of SECRET_ONLY_ARRAYS)
        if (new RegExp(`\\.${field}\\b`).test(text))
          // catalogIndex.ts reads the secret entries only, to write the index (core/scripts/write-catalog-index.ts).
          assert.ok(
            ['core/src/views/secretPolicy.ts', 'core/src/catalog/catalogIndex.ts'].includes(file.slice(REPO_ROOT.length)),
            `${file.slice(REPO_ROOT.length)} reads ${field}`,
          );
    }
  });

  it('keeps every entry the catalog marks secret, so the secret policy reads the same names in VS Code', () => {
    const secretNames = (data: unknown): string[] => {
      const names: string[] = [];
      JSON.parse(JSON.stringify(data), (_key, value: unknown) => {
        if (value && typeof value === 'object' && (value as { secret?: unknown }).secret === true) names.push(String((value as { name?: unknown }).name));
        return value;
      });
      return names.sort();
    };
    const dataDir = join(REPO_ROOT, 'core/src/catalog/data');
    let total = 0;
    for (const name of readdirSync(dataDir).filter((f) => f.endsWith('.json'))) {
      const full = secretNames(JSON.parse(readFileSync(join(dataDir, name), 'utf8')));
      assert.deepEqual(secretNames(JSON.parse(slimCatalogText(join(dataDir, name)))), full, name);
      total += full.length;
    }
    assert.ok(total >= 10, 'DevicePsk, DefinedPsk, ProductSecret, client_secret, … are marked in the catalog');
  });
});
