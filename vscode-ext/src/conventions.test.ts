// Conventions that keep the extension honest, checked on the source (refined-github's build/features.test.ts):
// the manifest and the code agree, every text is translated, and the webview stays a page that cannot reach
// VS Code, the network or a secret.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { COMMANDS, SCHEMES, VIEWS } from './constants.js';

const root = new URL('..', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const json = <T>(path: string) => JSON.parse(read(path)) as T;
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );

interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string }[];
    views: Record<string, { id: string }[]>;
    viewsContainers: { activitybar: { id: string }[] };
    menus: Record<string, { command: string }[]>;
  };
}
const manifest = json<Manifest>('package.json');

describe('manifest and code agree', () => {
  it('every contributed command is in constants.ts and registered in extension.ts, and no other', () => {
    const contributed: string[] = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(COMMANDS).sort());
    const extension = read('src/extension.ts');
    for (const key of Object.keys(COMMANDS)) assert.match(extension, new RegExp(`registerCommand\\(COMMANDS\\.${key},`), `${key} is registered`);
    const known = new Set<string>(contributed);
    for (const entries of Object.values(manifest.contributes.menus))
      for (const { command } of entries) assert.ok(known.has(command), `menu entry ${command} is a contributed command`);
  });

  it('views and the container use the ids of constants.ts; activation stays lazy', () => {
    assert.deepEqual(
      manifest.contributes.viewsContainers.activitybar.map((c) => c.id),
      [VIEWS.container],
    );
    assert.deepEqual(
      manifest.contributes.views[VIEWS.container]?.map((v) => v.id),
      [VIEWS.sidebar, VIEWS.resources],
    );
    // Views and commands activate implicitly (VS Code ≥ 1.74); a restored shadow editor and a .http document need their own event.
    assert.deepEqual(manifest.activationEvents, [`onFileSystem:${SCHEMES.shadow}`, 'onLanguage:http']);
  });
});

describe('zh-CN and en', () => {
  it('every %key% of the manifest is in package.nls.json and package.nls.zh-cn.json', () => {
    const keys = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!).sort();
    const en = json<Record<string, string>>('package.nls.json');
    const zh = json<Record<string, string>>('package.nls.zh-cn.json');
    assert.deepEqual([...new Set(keys)].sort(), Object.keys(en).sort());
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  });

  it('every vscode.l10n.t text of the host has its zh-cn translation, and the bundle has no stale ones', () => {
    const texts = new Set<string>();
    for (const file of sources('src').filter((f) => !f.startsWith('src/webview/'))) {
      // Either quote: Prettier writes a text holding single quotes in double ones.
      for (const m of read(file).matchAll(/(?:l10n\.t|\bt)\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g))
        texts.add((m[1] ?? m[2])!.replace(/\\(.)/g, '$1'));
    }
    const bundle = json<Record<string, string>>('l10n/bundle.l10n.zh-cn.json');
    assert.deepEqual(
      [...texts].filter((t) => !(t in bundle)),
      [],
      'missing translations',
    );
    assert.deepEqual(
      Object.keys(bundle).filter((t) => !texts.has(t)),
      [],
      'stale translations',
    );
    for (const [en, zh] of Object.entries(bundle)) assert.deepEqual(zh.match(/\{\d\}/g)?.sort(), en.match(/\{\d\}/g)?.sort(), `placeholders of ${en}`);
  });
});

describe('the webview cannot reach VS Code, the network or a secret', () => {
  const webview = sources('src/webview').map((f) => [f, read(f)] as const);

  it('imports no vscode and only types of the protocol', () => {
    for (const [file, text] of webview) {
      assert.doesNotMatch(text, /from ['"]vscode['"]/, file);
      for (const m of text.matchAll(/^import (.*) from '\.\.\/protocol\.js';/gm)) assert.match(m[1]!, /^type /, `${file} imports the protocol as types only`);
    }
  });

  it('builds DOM from text only and makes no network call', () => {
    for (const [file, text] of webview) {
      assert.doesNotMatch(text, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/, file);
      assert.doesNotMatch(text, /\bfetch\(|XMLHttpRequest|WebSocket|EventSource/, file);
      assert.doesNotMatch(text, /secretKey(?!Masked)/i, file);
    }
  });

  it('makes every field through h(), which sets autocomplete=off (Chromium keeps typed fields on disk otherwise)', () => {
    for (const [file, text] of webview) assert.doesNotMatch(text, /createElement\(\s*['"`](input|textarea)/, `${file} creates a field without h()`);
    assert.match(
      read('src/webview/dom.ts'),
      /tag === 'input' \|\| tag === 'textarea'\) && attrs\['autocomplete'\] === undefined\) element\.setAttribute\('autocomplete', 'off'\)/,
    );
  });

  it('uses only the codicons it bundles', () => {
    const bundled = new Set(json<string[]>('src/webview/codicons.json'));
    for (const [file, text] of webview)
      for (const m of text.matchAll(/icon\(([^()]*)\)/g))
        for (const name of m[1]!.matchAll(/'([a-z-]+)'/g)) assert.ok(bundled.has(name[1]!), `${file}: ${name[1]} is in codicons.json`);
  });

  it('has a strict CSP: only its own nonce script, no inline code, no eval', () => {
    const html = read('src/host/sidebar/sidebarHtml.ts');
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-\$\{nonce\}';/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.doesNotMatch(html, /<script(?![^>]*(nonce=|type="application\/json"))/, 'every script is nonce-tagged or inert JSON');
  });
});
