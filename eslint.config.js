// One lint config for every workspace (issue: "lint and format as habits"). Formatting is Prettier's job
// (eslint-config-prettier is not needed: the rule sets below hold no formatting rules).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.tools/**', '**/.vscode-test/**', 'core/src/catalog/data/**', 'vscode-ext/test-electron/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_`-prefixed names are the way to say "deliberately unused" (a handler's unused argument).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Type-aware only where it pays: promises that are dropped or passed where a callback is expected, and
    // switches over our unions that miss a case — the defects a reviewer does not see in a diff.
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: [
          './core/tsconfig.json',
          './core/tsconfig.test.json',
          './cli/tsconfig.json',
          './vscode-ext/tsconfig.json',
          './vscode-ext/tsconfig.webview.json',
          './browser-ext/tsconfig.json',
          './browser-ext/tsconfig.test.json',
          './test/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // node:test's test()/describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // The core runs in every host: nothing platform-specific (the convention test checks the same at build level).
    files: ['core/src/**/*.ts'],
    ignores: ['core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'vscode', 'webextension-polyfill'], message: 'core/src is platform-free: inject the platform service instead.' }] },
      ],
    },
  },
  {
    // A webview cannot import `vscode` (GitLens bans it the same way in src/webviews/apps).
    files: ['vscode-ext/src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The webview has no vscode API: talk to the host through the protocol.' }] }],
    },
  },
);
