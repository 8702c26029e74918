import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

// The README's layout table is how a newcomer finds where code runs; it went stale once when the CLI moved
// (issue 18). These checks tie it to the tree: a new folder, workspace or moved host fails here until documented.
const root = new URL('../../', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The first cell's `code` spans of each body row of the first table after `heading` (the whole text when absent). */
function tableFirstCells(markdown: string, heading?: string): string[][] {
  const start = heading === undefined ? 0 : markdown.split('\n').findIndex((line) => line.trim() === heading);
  if (start < 0) throw new Error(`no "${heading}" heading`);
  const rows: string[][] = [];
  for (const line of markdown.split('\n').slice(start + 1)) {
    if (heading !== undefined && line.startsWith('## ')) break;
    if (!line.startsWith('|')) {
      if (rows.length > 0) break;
      continue;
    }
    rows.push([...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
  }
  // The header row names no path; the separator row is all dashes.
  return rows.slice(2);
}

const layout = tableFirstCells(read('README.md'), '## Layout');
const named = new Set(layout.flat());

/** Top-level folders git tracks or would track (untracked but not ignored), so node_modules, dist and .tools are left out. */
function topLevelFolders(): string[] {
  const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' });
  assert.equal(listed.status, 0, `git ls-files failed: ${listed.stderr}`);
  const folders = listed.stdout
    .split('\0')
    .filter((path) => path.includes('/'))
    .map((path) => path.slice(0, path.indexOf('/')));
  return [...new Set(folders)].sort();
}

test('the README layout table names every top-level folder', () => {
  const folders = topLevelFolders();
  assert.ok(folders.includes('core') && folders.includes('cli'), `found the tree's folders: ${folders.join(', ')}`);
  assert.deepEqual(
    folders.filter((folder) => !named.has(folder)),
    [],
  );
});

test('the README layout table has a row of its own for every npm workspace', () => {
  const { workspaces } = JSON.parse(read('package.json')) as { workspaces: string[] };
  assert.ok(workspaces.length >= 5, 'read the workspaces');
  assert.deepEqual(
    workspaces.filter((workspace) => !layout.some((cell) => cell[0] === workspace)),
    [],
  );
});

test('every path the README layout table names exists', () => {
  assert.ok(named.size > 10, 'read the layout table');
  assert.deepEqual(
    [...named].filter((path) => !existsSync(join(root, path))),
    [],
  );
});

test('core holds no folder the layout does not name (a host moved back into core/ would need a row)', () => {
  const folders = readdirSync(join(root, 'core'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules')
    .map((entry) => `core/${entry.name}`);
  assert.deepEqual(
    folders.filter((folder) => !named.has(folder)),
    [],
  );
});

test("the emulator host README's table lists exactly the files in its folder", () => {
  const dir = 'cli/src/emulator';
  const listed = tableFirstCells(read(`${dir}/README.md`))
    .map((cell) => cell[0])
    .sort();
  const files = readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .sort();
  assert.deepEqual(listed, files);
});

test('the table reader itself finds a missing row and stops at the next heading', () => {
  const text = ['## Layout', '', '| folder | what |', '| --- | --- |', '| `a`, `a/b` | x |', '| `c` | y |', '', '## Next', '| `d` | z |'].join('\n');
  assert.deepEqual(tableFirstCells(text, '## Layout'), [['a', 'a/b'], ['c']]);
  assert.throws(() => tableFirstCells(text, '## Missing'), /no "## Missing" heading/);
});
