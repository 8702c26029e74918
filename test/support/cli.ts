import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const bin = new URL('../../cli/bin/iot-devkit.js', import.meta.url).pathname;
const bundle = new URL('../../cli/dist/iot-devkit.mjs', import.meta.url).pathname;
const build = new URL('../../cli/build.mjs', import.meta.url).pathname;

let built = false;
/** Builds the CLI bundle once per test process (npm test builds first; this keeps single-file runs honest). */
function ensureBuilt() {
  if (built) return;
  const result = spawnSync(process.execPath, [build], { encoding: 'utf8' });
  if (result.status !== 0 || !existsSync(bundle)) throw new Error(`CLI build failed: ${result.stderr}`);
  built = true;
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `iot-devkit` launcher, as `npx iot-devkit` does, with the given stdin and environment. */
export function runCli(args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}): CliResult {
  ensureBuilt();
  const result = spawnSync(process.execPath, [bin, ...args], {
    input: options.input ?? '',
    encoding: 'utf8',
    // `catalog --json` prints every service (1.6 MB with IoT Explorer), past spawnSync's 1 MB default.
    maxBuffer: 64 * 1024 * 1024,
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking the event loop: for tests whose server runs in the test process itself. */
export function runCliAsync(args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  ensureBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { PATH: process.env['PATH'] ?? '', ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
