// The @vscode/test-electron suite, for anyone with a desktop VS Code: it downloads (or uses) VS Code, starts it
// with this extension in development mode, and runs suite/index.ts inside its extension host.
//   npm run test:electron -w vscode-ext            (downloads VS Code 1.100.x into .vscode-test/)
//   VSCODE_EXECUTABLE=/path/to/code npm run test:electron -w vscode-ext
// The machines this repository is built on cannot download VS Code, so npm test proves the same features in
// code-server instead (test/e2e-vscode, docs/adr/0002-code-server-for-vscode-tests.md).
import { runTests } from '@vscode/test-electron';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const extensionDevelopmentPath = new URL('../', import.meta.url).pathname;
const extensionTestsPath = join(extensionDevelopmentPath, 'dist-test', 'suite.cjs');
const workspace = mkdtempSync(join(tmpdir(), 'iot-devkit-electron-'));

try {
  const code = await runTests({
    extensionDevelopmentPath,
    extensionTestsPath,
    version: process.env['VSCODE_VERSION'] ?? '1.100.3',
    ...(process.env['VSCODE_EXECUTABLE'] ? { vscodeExecutablePath: process.env['VSCODE_EXECUTABLE'] } : {}),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
  process.exit(code);
} catch (error) {
  console.error(`test-electron: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
