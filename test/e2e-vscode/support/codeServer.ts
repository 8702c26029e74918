import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = new URL('../../../', import.meta.url).pathname;
/** Installed by scripts/setup/30-code-server.sh (npm test runs it first). */
export const CODE_SERVER_ENTRY = join(REPO_ROOT, '.tools/code-server/node_modules/code-server/out/node/entry.js');
export const VSIX = join(REPO_ROOT, 'vscode-ext/dist/iot-devkit-vscode.vsix');

export interface RunningCodeServer {
  readonly url: string;
  readonly folder: string;
  readonly userDataDir: string;
  /** Where the .vsix was installed (one folder per extension, as VS Code lays it out). */
  readonly extensionsDir: string;
  /** What code-server printed, for a failing test's message. */
  log(): string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Installs the packaged .vsix into a fresh extensions folder (a used one asks for a restart) and serves
 * code-server on loopback with no auth, a fresh user-data folder, the given user settings and a workspace folder.
 */
/**
 * Packages test/e2e-vscode/fixtures/zh-cn-locale (a language pack with no translations) and registers it the way
 * VS Code's language-pack service would (userData/languagepacks.json), so `--locale zh-cn` takes effect without
 * Microsoft's language pack: extensions see vscode.env.language "zh-cn" and their zh-cn bundles; the workbench
 * itself stays in English.
 */
function installZhCnLocale(base: string, env: NodeJS.ProcessEnv, extensionsDir: string, userDataDir: string): void {
  const fixture = join(REPO_ROOT, 'test/e2e-vscode/fixtures/zh-cn-locale');
  const vsix = join(base, 'zh-cn-locale.vsix');
  const vsce = join(REPO_ROOT, 'node_modules/@vscode/vsce/vsce');
  const packed = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], {
    cwd: fixture,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (packed.status !== 0) throw new Error(`packaging the zh-cn locale failed: ${packed.stdout}${packed.stderr}`);
  const install = spawnSync(
    process.execPath,
    [CODE_SERVER_ENTRY, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix],
    { env, encoding: 'utf8', timeout: 90_000 },
  );
  if (install.status !== 0) throw new Error(`installing the zh-cn locale failed: ${install.stdout}${install.stderr}`);
  const id = 'iot-devkit-test.test-locale-zh-cn';
  const translations = join(extensionsDir, `${id}-1.0.0`, 'translations', 'main.i18n.json');
  writeFileSync(
    join(userDataDir, 'languagepacks.json'),
    JSON.stringify({
      'zh-cn': {
        hash: 'iotdevkittestzhcn',
        label: '中文(简体)',
        extensions: [{ extensionIdentifier: { id }, version: '1.0.0' }],
        translations: { vscode: translations },
      },
    }),
  );
}

export async function startCodeServer(options: {
  settings: Record<string, unknown>;
  files?: Record<string, string>;
  language?: 'zh-cn';
}): Promise<RunningCodeServer> {
  if (!existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server is not installed at ${CODE_SERVER_ENTRY}: run bash scripts/setup/30-code-server.sh`);
  if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: run npm run build`);
  const base = mkdtempSync(join(tmpdir(), 'iot-devkit-code-server-'));
  const extensionsDir = join(base, 'extensions');
  const userDataDir = join(base, 'user-data');
  const folder = join(base, 'workspace');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(options.files ?? {})) writeFileSync(join(folder, name), text);
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      { 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, ...options.settings },
      null,
      2,
    ),
  );
  const env = { ...process.env, CODE_SERVER_CONFIG: join(base, 'config.yaml') };

  const install = spawnSync(
    process.execPath,
    [CODE_SERVER_ENTRY, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', VSIX],
    { env, encoding: 'utf8', timeout: 90_000 },
  );
  if (install.status !== 0) throw new Error(`installing the .vsix failed (${install.status}): ${install.stdout}${install.stderr}`);
  if (options.language === 'zh-cn') installZhCnLocale(base, env, extensionsDir, userDataDir);

  const port = await freePort();
  const args = [
    CODE_SERVER_ENTRY,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
  if (options.language) args.push('--locale', options.language);
  // Its own process group, so close() ends code-server and the extension host it started, and nothing else.
  const child: ChildProcess = spawn(process.execPath, [...args, folder], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}): ${output}`);
    try {
      if ((await fetch(`${url}healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`code-server did not start within 60 s: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    folder,
    userDataDir,
    extensionsDir,
    log: () => output,
    async close() {
      if (child.exitCode === null && child.pid !== undefined) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Gone.
        }
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}
