import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

// Boundaries of the extension, checked on the sources (STYLE.md: browser differences in one adapter; pages talk
// to the service worker only through the protocol; server data rendered as text).
const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'src');

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, suffix);
    return entry.name.endsWith(suffix) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}
const sources = files(src, '.ts').map((path) => ({ path: relative(src, path), text: readFileSync(path, 'utf8') }));
const imports = (text: string) =>
  [...text.matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)].map((m) => ({ typeOnly: m[1] !== undefined, from: m[2]! }));

test('only browserApi.ts imports webextension-polyfill', () => {
  const importers = sources.filter((s) => imports(s.text).some((i) => i.from === 'webextension-polyfill')).map((s) => s.path);
  assert.deepEqual(importers, ['browserApi.ts']);
});

test('the stores and sendAndRecord reach storage only through the StorageArea they are given (Bitwarden pattern)', () => {
  const stores = sources.filter((s) => /^background\/(\w+Store|historyUndo|sendAndRecord)\.ts$/.test(s.path));
  assert.ok(stores.length >= 5, `found the stores (${stores.map((s) => s.path).join(', ')})`);
  for (const { path, text } of stores) for (const { from } of imports(text)) assert.doesNotMatch(from, /browserApi|messaging/, `${path} imports ${from}`);
});

test("pages never import the service worker's modules, and it never imports theirs", () => {
  const page = /^(popup|editor|devtools|ui)\//;
  for (const { path, text } of sources) {
    for (const { from } of imports(text)) {
      if (page.test(path)) assert.doesNotMatch(from, /background\//, `${path} imports ${from}`);
      if (path.startsWith('background/')) assert.doesNotMatch(from, /\/(popup|editor|devtools|ui)\//, `${path} imports ${from}`);
    }
  }
});

test('pages import the protocol for its types only', () => {
  let checked = 0;
  for (const { path, text } of sources.filter((s) => /^(popup|editor|devtools|ui)\//.test(s.path))) {
    for (const i of imports(text).filter((i) => i.from.endsWith('/protocol.js'))) {
      assert.ok(i.typeOnly, `${path}: import type from protocol.js`);
      checked++;
    }
  }
  assert.ok(checked >= 8, `found the pages' protocol imports (${checked})`);
});

test('no HTML is built from strings anywhere in the sources', () => {
  for (const { path, text } of sources) assert.doesNotMatch(text, /\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write/, path);
});

test('en and zh_CN carry the same messages, and every message the pages and manifest use exists', () => {
  const en = JSON.parse(readFileSync(join(root, '_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
  const zh = JSON.parse(readFileSync(join(root, '_locales/zh_CN/messages.json'), 'utf8')) as Record<string, { message: string }>;
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const [key, { message }] of Object.entries(zh)) {
    assert.notEqual(message.trim(), '', `zh_CN ${key} is empty`);
    const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();
    assert.deepEqual(placeholders(message), placeholders(en[key]!.message), `${key}: the same $n substitutions in both languages`);
  }
  const used = new Set<string>();
  for (const file of readdirSync(join(root, 'static')).filter((f) => f.endsWith('.html'))) {
    for (const m of readFileSync(join(root, 'static', file), 'utf8').matchAll(/data-i18n(?:-placeholder|-title|-aria-label)?="([A-Za-z]+)"/g)) used.add(m[1]!);
  }
  for (const { text } of sources) for (const m of text.matchAll(/\bt\(\s*'([A-Za-z]+)'/g)) used.add(m[1]!);
  for (const m of readFileSync(join(root, 'manifest.json'), 'utf8').matchAll(/__MSG_([A-Za-z]+)__/g)) used.add(m[1]!);
  assert.deepEqual(
    [...used].filter((key) => !(key in en)),
    [],
  );
  assert.deepEqual(
    Object.keys(en).filter((key) => !used.has(key)),
    [],
    'no unused messages',
  );
});

test("every input and textarea has autocomplete=off, so Chromium's session restore never writes its value to disk", () => {
  // Found by test/e2e-browser/secret-canary.test.ts: a pasted curl's Bearer token in Default/Sessions/ (form state).
  // Pages with a DraftBinding (popup, editor) get it at run time for every field; generated fields get it from el().
  const text = (path: string) => sources.find((s) => s.path === path)!.text;
  assert.match(text('ui/draftBinding.ts'), /setAttribute\('autocomplete', 'off'\)/);
  assert.match(text('ui/dom.ts'), /setAttribute\('autocomplete', 'off'\)/);
  const pages = files(join(root, 'static'), '.html').map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));
  for (const { path, text: html } of pages) {
    const script = /<script src="([a-z]+)\.js"/.exec(html)?.[1];
    const bound = script !== undefined && sources.some((s) => s.path.endsWith(`/${script}.ts`) && s.text.includes('new DraftBinding('));
    if (!bound) for (const tag of html.match(/<(input|textarea)\b[^>]*>/g) ?? []) assert.match(tag, /autocomplete="off"/, `${path}: ${tag}`);
  }
});
