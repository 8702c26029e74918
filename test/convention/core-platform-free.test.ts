import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

// core/src must run unchanged in Node, a browser extension's service worker and a VS Code webview.
// (Its tsconfig has no DOM or Node typings too; this test also catches `any`-typed escapes and the CLI's imports.)
const coreSrc = new URL('../../core/src/', import.meta.url).pathname;
const FORBIDDEN = [
  { pattern: /from\s+['"]node:|require\(\s*['"]node:|import\(\s*['"]node:/, what: 'a node:* import' },
  { pattern: /from\s+['"](fs|path|crypto|http|https|os|child_process|buffer|url|util)['"]/, what: 'a Node built-in import' },
  { pattern: /from\s+['"]vscode['"]/, what: 'the vscode API' },
  { pattern: /from\s+['"]webextension-polyfill['"]/, what: 'the WebExtension API' },
  { pattern: /\b(document|window|chrome|browser|localStorage|process|Buffer)\s*[.[]/, what: 'a platform global' },
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

test('core/src imports nothing platform-specific', () => {
  const files = sources(coreSrc);
  assert.ok(files.length > 10, 'found the core sources');
  const offences = files.flatMap((file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    return lines.flatMap((line, i) => {
      if (/^\s*(\/\/|\*)/.test(line)) return [];
      // Text inside string literals is data (e.g. an exported code snippet), not a use of the platform.
      const code = line.replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""');
      return FORBIDDEN.filter((f) => f.pattern.test(code)).map((f) => `${relative(coreSrc, file)}:${i + 1} uses ${f.what}: ${line.trim()}`);
    });
  });
  assert.deepEqual(offences, []);
});

test('the convention check itself catches an offending line', () => {
  assert.ok(FORBIDDEN.some((f) => f.pattern.test("import { readFile } from 'node:fs';")));
  assert.ok(FORBIDDEN.some((f) => f.pattern.test('document.querySelector("x")')));
  assert.ok(FORBIDDEN.some((f) => f.pattern.test("import * as vscode from 'vscode';")));
  assert.ok(FORBIDDEN.some((f) => f.pattern.test('const id = process.env.X;')));
});
