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
export function runCliAsync(args: readonly string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  ensureBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...options.env },
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A long-running `iot-devkit` process (emulator, device connect): its output so far, a wait for a line, and stop. */
export interface CliProcess {
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves when stdout has matched `pattern`; rejects if the process exits first or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  write(text: string): void;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
  readonly exit: Promise<number | null>;
}

export function spawnCli(args: readonly string[], options: { env?: Record<string, string> } = {}): CliProcess {
  ensureBuilt();
  const child = spawn(process.execPath, [bin, ...args], { env: { PATH: process.env['PATH'] ?? '', ...options.env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exited = false;
  void exit.then(() => (exited = true));
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    exit,
    write: (text) => child.stdin.write(text),
    async stop() {
      if (!exited) child.kill('SIGTERM');
      return exit;
    },
    waitFor(pattern, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const end = Date.now() + timeoutMs;
        const timer = setInterval(() => {
          const match = pattern.exec(stdout);
          if (match) {
            clearInterval(timer);
            resolve(match);
          } else if (exited || Date.now() > end) {
            clearInterval(timer);
            reject(new Error(`${exited ? 'exited' : 'timed out'} before ${pattern}:\n${stdout}\n${stderr}`));
          }
        }, 20);
      });
    },
  };
}
